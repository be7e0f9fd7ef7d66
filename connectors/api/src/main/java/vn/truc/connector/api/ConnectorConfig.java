package vn.truc.connector.api;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Parsed, typed settings of one connector. {@link #toString()} masks secrets. */
public final class ConnectorConfig {

  private final Map<String, Object> values;
  private final ConfigDef def;

  ConnectorConfig(Map<String, Object> values, ConfigDef def) {
    this.values = values;
    this.def = def;
  }

  public String string(String name) {
    return (String) values.get(name);
  }

  public int integer(String name) {
    return ((Number) values.get(name)).intValue();
  }

  public long longValue(String name) {
    return ((Number) values.get(name)).longValue();
  }

  public boolean bool(String name) {
    return (Boolean) values.get(name);
  }

  public Duration duration(String name) {
    return Duration.ofMillis(longValue(name));
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + (def.isSecret(e.getKey()) ? "******" : e.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
