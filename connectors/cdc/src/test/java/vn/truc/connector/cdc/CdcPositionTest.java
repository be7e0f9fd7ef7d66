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
  void somethingElseIsRefusedWithWhatItWas() {
    assertThatThrownBy(() -> CdcPosition.parse("2026-01-01T00:00:00Z|42"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-01-01T00:00:00Z|42");
    assertThatThrownBy(() -> CdcPosition.parse("{\"offset\":{}}"))
        .hasMessageContaining("partition");
  }
}
