package vn.truc.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TableScanTest {

  private static final Instant PASS = Instant.parse("2026-11-22T01:00:00Z");

  @Test
  void roundTripsWithAndWithoutAKey() {
    TableScan mid = new TableScan(PASS, "037085000101");
    assertThat(mid.position()).isEqualTo("scan 2026-11-22T01:00:00Z after 037085000101");
    assertThat(TableScan.parse(mid.position())).isEqualTo(mid);
    TableScan start = new TableScan(PASS, null);
    assertThat(TableScan.parse(start.position())).isEqualTo(start);
    assertThat(TableScan.parse(null)).isNull();
  }

  @Test
  void aWatermarkIsNotAScanPosition() {
    assertThatThrownBy(() -> TableScan.parse("2026-01-01T00:00|42"))
        .hasMessageContaining("scan <instant> after <key>");
  }
}
