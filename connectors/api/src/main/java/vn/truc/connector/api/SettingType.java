package vn.truc.connector.api;

import java.math.BigDecimal;

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
      case INT -> {
        long value = parseNumber(raw, text);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
          throw new IllegalArgumentException(
              "must be between "
                  + Integer.MIN_VALUE
                  + " and "
                  + Integer.MAX_VALUE
                  + ", was '"
                  + text
                  + "'");
        }
        yield (int) value;
      }
      case LONG, DURATION_MS -> parseNumber(raw, text);
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

  private static long parseNumber(Object raw, String text) {
    try {
      // Numbers from JSON or YAML may be Double or BigDecimal: only whole values in range pass.
      return raw instanceof Number ? new BigDecimal(text).longValueExact() : Long.parseLong(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("must be a whole number, was '" + text + "'");
    }
  }
}
