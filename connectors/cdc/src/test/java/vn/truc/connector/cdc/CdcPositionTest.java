package vn.truc.connector.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CdcPositionTest {

  @Test
  void roundTripsThroughItsText() {
    CdcPosition p =
        new CdcPosition(
            Map.of("server", "truc_p37"),
            Map.of("file", "mariadb-bin.000001", "pos", 1201, "snapshot", true),
            12,
            1_795_000_000_123_456L);
    CdcPosition back = CdcPosition.parse(p.toString());
    assertThat(back).isEqualTo(p);
    assertThat(back.versionInstant())
        .isEqualTo(java.time.Instant.ofEpochSecond(1_795_000_000L, 123_456_000L));
  }

  @Test
  void aReusedOffsetMapChangedInPlaceIsRenderedAfresh() {
    // Successive changes of a snapshot share partition and offset; the stream's may come in one
    // map that the engine updates in place.
    java.util.Map<String, Object> offset = new java.util.HashMap<>(Map.of("lsn", 100L));
    java.util.Map<String, Object> partition = Map.of("server", "truc_p37");
    String first = new CdcPosition(partition, offset, 1, 5).toString();
    String second = new CdcPosition(partition, offset, 2, 6).toString();
    offset.put("lsn", 200L);
    String third = new CdcPosition(partition, offset, 3, 7).toString();

    assertThat(first)
        .isEqualTo(
            "{\"partition\":{\"server\":\"truc_p37\"},\"offset\":{\"lsn\":100},\"seq\":1,\"v\":5}");
    assertThat(CdcPosition.parse(second).offset()).containsEntry("lsn", 100);
    assertThat(CdcPosition.parse(second).sequence()).isEqualTo(2);
    assertThat(CdcPosition.parse(third).offset()).containsEntry("lsn", 200);
  }

  @Test
  void somethingElseIsRefusedWithWhatItWas() {
    assertThatThrownBy(() -> CdcPosition.parse("2026-01-01T00:00:00Z|42"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-01-01T00:00:00Z|42");
    assertThatThrownBy(() -> CdcPosition.parse("{\"offset\":{}}"))
        .hasMessageContaining("partition");
  }

  @Test
  void theKindRefusesAnythingButACapturePositionBeforeItIsSaved() {
    CdcPostgresKind kind = new CdcPostgresKind();
    java.util.Map<String, Object> settings = new java.util.HashMap<>();
    settings.put("jdbc.url", "jdbc:postgresql://localhost/hr");
    settings.put("jdbc.user", "u");
    settings.put("table", "cb");
    settings.put("key.column", "id");
    var config = kind.config().parse(settings);
    String good = new CdcPosition(Map.of("server", "x"), Map.of("lsn", 1), 1, 1).toString();
    assertThat(kind.positionProblem(config, good)).isEmpty();
    assertThat(kind.positionProblem(config, "2026-11-01T00:00|42"))
        .hasValueSatisfying(r -> assertThat(r).contains("not a change-capture position"));
  }
}
