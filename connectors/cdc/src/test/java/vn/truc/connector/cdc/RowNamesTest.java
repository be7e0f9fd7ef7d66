package vn.truc.connector.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.api.Test;
import vn.truc.connector.api.Columns;

class RowNamesTest {

  private static Schema row(String... columns) {
    SchemaBuilder b = SchemaBuilder.struct().name("p37.public.cb_cong_chuc.Value");
    for (String c : columns) {
      b.field(c, Schema.OPTIONAL_STRING_SCHEMA);
    }
    return b.build();
  }

  @Test
  void namesAreMadeOncePerSchemaAndAgainWhenTheTableChanges() {
    RowNames names = new RowNames();
    Schema v1 = row("ma_cb", "ho_ten");
    Columns.Names first = names.of(v1);

    assertThat(names.of(v1)).isSameAs(first);
    Schema v2 = row("ma_cb", "ho_ten", "so_cccd");
    Columns.Names second = names.of(v2);
    assertThat(second).isNotSameAs(first);
    assertThat(second.size()).isEqualTo(3);
    assertThat(second.slotOf("so_cccd")).isEqualTo(2);
  }
}
