package vn.truc.platform.store;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.truc.connector.api.OffsetStore;

/** Source positions in the platform database. */
@Component
public class JdbcOffsetStore implements OffsetStore {

  private final JdbcTemplate jdbc;

  public JdbcOffsetStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> load(String connectorId) {
    return jdbc
        .queryForList(
            "SELECT position FROM source_offset WHERE connector_id = ?", String.class, connectorId)
        .stream()
        .findFirst();
  }

  @Override
  public void save(String connectorId, String position) {
    jdbc.update(
        "INSERT INTO source_offset (connector_id, position) VALUES (?, ?) "
            + "ON CONFLICT (connector_id) DO UPDATE SET position = EXCLUDED.position, updated_at = now()",
        connectorId,
        position);
  }

  @Override
  public void reset(String connectorId) {
    jdbc.update("DELETE FROM source_offset WHERE connector_id = ?", connectorId);
  }
}
