package vn.truc.platform.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Definitions registered through the API, kept in the platform database. */
@Component
public class FlowStore {

  /** A stored definition and whether it was left paused. */
  public record Stored(String id, FlowType type, Object definition, boolean paused) {}

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  FlowStore(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void save(FlowType type, String id, Object definition, boolean paused) {
    jdbc.update(
        "INSERT INTO flow_definition (id, type, definition, paused) VALUES (?, ?, ?::jsonb, ?)"
            + " ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type,"
            + " definition = EXCLUDED.definition, paused = EXCLUDED.paused, updated_at = now()",
        id,
        type.name(),
        write(definition),
        paused);
  }

  public void setPaused(String id, boolean paused) {
    jdbc.update(
        "UPDATE flow_definition SET paused = ?, updated_at = now() WHERE id = ?", paused, id);
  }

  public boolean delete(String id) {
    return jdbc.update("DELETE FROM flow_definition WHERE id = ?", id) > 0;
  }

  public List<Stored> all() {
    return jdbc.query(
        "SELECT id, type, definition::text, paused FROM flow_definition ORDER BY created_at",
        (rs, n) -> {
          FlowType type = FlowType.valueOf(rs.getString(2));
          return new Stored(rs.getString(1), type, read(type, rs.getString(3)), rs.getBoolean(4));
        });
  }

  private String write(Object definition) {
    try {
      return json.writeValueAsString(definition);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Object read(FlowType type, String text) {
    try {
      return json.readValue(
          text,
          (Class<?>)
              ((Class<?>)
                  (type == FlowType.CONNECTOR
                      ? ConnectorDefinition.class
                      : SubscriptionDefinition.class)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored definition cannot be read: " + e.getMessage(), e);
    }
  }
}
