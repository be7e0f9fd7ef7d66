package vn.truc.connector.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EnginePropertiesTest {

  private static Properties common() {
    return EngineProperties.common(
        "truc_p37", Path.of("/var/truc/cdc"), new Database("h", 5432, "hr"), "u", "p", 1000);
  }

  @Test
  void postgresCapturesOneTableThroughItsOwnSlotAndPublication() {
    Properties p =
        EngineProperties.postgres(
            common(), new Database("h", 5432, "hr"), "cb", "truc_p37", "initial");
    assertThat(p.getProperty("table.include.list")).isEqualTo("public.cb");
    assertThat(p.getProperty("slot.name")).isEqualTo("truc_p37");
    assertThat(p.getProperty("publication.autocreate.mode")).isEqualTo("filtered");
    assertThat(p.getProperty("database.dbname")).isEqualTo("hr");
    assertThat(p.getProperty("plugin.name")).isEqualTo("pgoutput");
    // The platform's position is the truth: Debezium flushes what it was told at every batch.
    assertThat(p.getProperty("offset.flush.interval.ms")).isEqualTo("0");
    assertThat(p.getProperty("offset.storage.file.filename"))
        .isEqualTo(Path.of("/var/truc/cdc/truc_p37.offsets").toString());
    assertThat(p.getProperty("tombstones.on.delete")).isEqualTo("false");
  }

  @Test
  void mariaDbKeepsItsSchemaHistoryInAFileAndReadsOneDatabase() {
    Properties p =
        EngineProperties.mariaDb(
            common(), "nhan_su", "CB_CONG_CHUC", 4242, Path.of("/x/h.history"), "initial");
    assertThat(p.getProperty("table.include.list")).isEqualTo("nhan_su.CB_CONG_CHUC");
    assertThat(p.getProperty("database.include.list")).isEqualTo("nhan_su");
    assertThat(p.getProperty("database.server.id")).isEqualTo("4242");
    assertThat(p.getProperty("schema.history.internal.file.filename"))
        .isEqualTo(Path.of("/x/h.history").toString());
  }

  @Test
  void namesAreSafeForSlotsAndFiles() {
    assertThat(EngineProperties.safeName("P37-HR.Cán bộ")).matches("[a-z0-9_]+");
    assertThat(EngineProperties.safeName("x".repeat(80))).hasSize(60);
  }
}
