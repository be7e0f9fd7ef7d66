package vn.truc.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnsTest {

  private final Columns.Names names = new Columns.Names(List.of("ma_cb", "ho_ten", "ngay_sinh"));

  @Test
  void readsLikeTheMapItReplaces() {
    Columns row = names.row(new Object[] {42L, "Lê Thị Hồng", null});

    Map<String, Object> same = new HashMap<>();
    same.put("ma_cb", 42L);
    same.put("ho_ten", "Lê Thị Hồng");
    same.put("ngay_sinh", null);
    assertThat(row).isEqualTo(same).hasSize(3);
    assertThat(same).isEqualTo(row);
    assertThat(row.hashCode()).isEqualTo(same.hashCode());
    assertThat(row.get("ho_ten")).isEqualTo("Lê Thị Hồng");
    assertThat(row.get("ngay_sinh")).isNull();
    assertThat(row.containsKey("ngay_sinh")).isTrue();
    assertThat(row.get("HO_TEN")).isNull();
    assertThat(row.containsKey("HO_TEN")).isFalse();
  }

  @Test
  void iteratesInColumnOrder() {
    Columns row = names.row(new Object[] {1, "a", "b"});
    List<String> seen = new ArrayList<>();
    row.forEach((k, v) -> seen.add(k + "=" + v));
    List<String> entries = new ArrayList<>();
    row.entrySet().forEach(e -> entries.add(e.getKey() + "=" + e.getValue()));

    assertThat(seen).containsExactly("ma_cb=1", "ho_ten=a", "ngay_sinh=b");
    assertThat(entries).isEqualTo(seen);
    assertThat(row.keySet()).containsExactly("ma_cb", "ho_ten", "ngay_sinh");
  }

  @Test
  void aNameGivenTwiceHasOneSlotAndTheLaterValueWins() {
    Columns.Names twice = new Columns.Names(List.of("a", "b", "a"));
    Object[] values = new Object[twice.size()];
    values[twice.slot(0)] = "first";
    values[twice.slot(1)] = "b";
    values[twice.slot(2)] = "second";

    assertThat(twice.size()).isEqualTo(2);
    assertThat(twice.row(values)).containsExactly(Map.entry("a", "second"), Map.entry("b", "b"));
  }

  @Test
  void isReadOnlyAndRefusesAnArrayOfTheWrongLength() {
    Columns row = names.row(new Object[3]);
    assertThatThrownBy(() -> row.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> names.row(new Object[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 values for 3 columns");
  }

  @Test
  void readsBySlotOfAName() {
    Columns.Names twice = new Columns.Names(List.of("a", "b", "a"));
    Columns row = twice.row(new Object[] {"A", "B"});
    assertThat(twice.slotOf("b")).isEqualTo(1);
    assertThat(twice.slotOf("nope")).isEqualTo(-1);
    assertThat(row.value(twice.slotOf("a"))).isEqualTo("A");
    assertThat(row.names()).isSameAs(twice);
  }
}
