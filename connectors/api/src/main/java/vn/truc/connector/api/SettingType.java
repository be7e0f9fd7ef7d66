package vn.truc.connector.api;

/** The types a connector setting can have; each knows how to read a raw value. */
public enum SettingType {
  STRING,
  INT,
  LONG,
  BOOLEAN,
  DURATION_MS,
  /** A secret: never echoed back or logged. */
  PASSWORD;

  /** Converts a raw value (from JSON, YAML or properties) or throws with a plain reason. */
  Object parse(Object raw) {
    String text = String.valueOf(raw).trim();
    return switch (this) {
      case STRING, PASSWORD -> text;
      case INT -> parseNumber(raw, text).intValue();
      case LONG, DURATION_MS -> parseNumber(raw, text).longValue();
      case BOOLEAN -> {
        if (raw instanceof Boolean b) {
          yield b;
        }
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
          throw new IllegalArgumentException("must be true or false");
        }
        yield Boolean.parseBoolean(text);
      }
    };
  }

  private static Number parseNumber(Object raw, String text) {
    if (raw instanceof Number n) {
      return n;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a whole number, was '" + text + "'");
    }
  }
}
