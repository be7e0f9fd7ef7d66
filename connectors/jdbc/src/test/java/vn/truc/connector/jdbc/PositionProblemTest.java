package vn.truc.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.truc.connector.api.ConnectorConfig;

class PositionProblemTest {

  private final JdbcPollingSourceKind kind = new JdbcPollingSourceKind();

  private ConnectorConfig config(boolean timestamp) {
    Map<String, Object> s = new HashMap<>();
    s.put("jdbc.url", "jdbc:mariadb://localhost/hr");
    s.put("jdbc.user", "u");
    s.put("table", "CB_CONG_CHUC");
    s.put("key.column", "MA_CB");
    if (timestamp) {
      s.put("timestamp.column", "NGAY_CAP_NHAT");
    }
    return kind.config().parse(s);
  }

  @Test
  void aWatermarkConnectorTakesOnlyWatermarks() {
    assertThat(kind.positionProblem(config(true), "2026-11-01T00:00|42")).isEmpty();
    assertThat(kind.positionProblem(config(true), "yesterday"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("timestamp|key"));
    assertThat(kind.positionProblem(config(true), "2026-13-45T00:00|42")).isPresent();
  }

  @Test
  void aScanningConnectorTakesOnlyScanPositions() {
    assertThat(kind.positionProblem(config(false), "scan 2026-11-22T01:00:00Z after 42")).isEmpty();
    assertThat(kind.positionProblem(config(false), "2026-11-01T00:00|42")).isPresent();
  }
}
