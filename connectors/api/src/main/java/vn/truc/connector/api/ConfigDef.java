package vn.truc.connector.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The settings of one connector kind, and the validation and parsing derived from them. */
public final class ConfigDef {

  private final Map<String, Setting> settings = new LinkedHashMap<>();

  public ConfigDef define(Setting setting) {
    if (settings.putIfAbsent(setting.name(), setting) != null) {
      throw new IllegalArgumentException("Setting '" + setting.name() + "' declared twice");
    }
    return this;
  }

  public List<Setting> settings() {
    return List.copyOf(settings.values());
  }

  /** Every problem with the raw values, not just the first: users fix them all in one go. */
  public List<ConfigProblem> validate(Map<String, ?> raw) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (Setting s : settings.values()) {
      Object value = raw.get(s.name());
      if (value == null || String.valueOf(value).isBlank()) {
        if (s.required()) {
          problems.add(new ConfigProblem(s.name(), "is required: " + s.description()));
        }
        continue;
      }
      try {
        Object parsed = s.type().parse(value);
        s.check().apply(parsed).ifPresent(r -> problems.add(new ConfigProblem(s.name(), r)));
      } catch (IllegalArgumentException e) {
        problems.add(new ConfigProblem(s.name(), e.getMessage()));
      }
    }
    for (String name : raw.keySet()) {
      if (!settings.containsKey(name)) {
        problems.add(new ConfigProblem(name, "is not a setting of this kind; known: " + names()));
      }
    }
    return problems;
  }

  /** Parses valid raw values, filling defaults; throws with every problem if they are not. */
  public ConnectorConfig parse(Map<String, ?> raw) {
    List<ConfigProblem> problems = validate(raw);
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Setting s : settings.values()) {
      Object value = raw.get(s.name());
      Optional<Object> parsed =
          value == null || String.valueOf(value).isBlank()
              ? Optional.ofNullable(s.defaultValue())
              : Optional.of(s.type().parse(value));
      parsed.ifPresent(v -> values.put(s.name(), v));
    }
    return new ConnectorConfig(Collections.unmodifiableMap(values), this);
  }

  boolean isSecret(String name) {
    Setting s = settings.get(name);
    return s != null && s.type() == SettingType.PASSWORD;
  }

  private List<String> names() {
    return List.copyOf(settings.keySet());
  }
}
