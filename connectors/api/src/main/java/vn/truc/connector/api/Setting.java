package vn.truc.connector.api;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One connector setting, declared once: the REST validation, the docs and the console forms are all
 * derived from this declaration (as Kafka Connect's ConfigDef does).
 *
 * @param check extra validation of the parsed value; returns the reason it is wrong, if it is
 */
public record Setting(
    String name,
    SettingType type,
    Object defaultValue,
    boolean required,
    String description,
    Function<Object, Optional<String>> check) {

  public Setting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    check = check == null ? v -> Optional.empty() : check;
  }

  public static Setting required(String name, SettingType type, String description) {
    return new Setting(name, type, null, true, description, null);
  }

  public static Setting optional(
      String name, SettingType type, Object defaultValue, String description) {
    return new Setting(name, type, defaultValue, false, description, null);
  }

  public Setting withCheck(Function<Object, Optional<String>> check) {
    return new Setting(name, type, defaultValue, required, description, check);
  }

  /** A check that a number is at least {@code min}. */
  public Setting atLeast(long min) {
    return withCheck(
        v ->
            ((Number) v).longValue() < min
                ? Optional.of("must be at least " + min)
                : Optional.empty());
  }
}
