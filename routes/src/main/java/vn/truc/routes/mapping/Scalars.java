package vn.truc.routes.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * Numbers, yes/no values and instants from whatever a source holds. Strict where a silent guess
 * would corrupt a record: a fraction never becomes a whole number, an out-of-range number never
 * wraps, and only recognised words become yes or no.
 */
final class Scalars {

  /** Zone-less times from Vietnamese agency systems are local time. */
  static final ZoneId SOURCE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final Set<String> YES = Set.of("true", "1", "yes", "y", "có", "co", "x");
  private static final Set<String> NO = Set.of("false", "0", "no", "n", "không", "khong");

  private Scalars() {}

  static int toInt(Object raw) {
    BigDecimal whole = whole(raw);
    if (whole.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
        || whole.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("is out of range for a whole number field");
    }
    return whole.intValue();
  }

  static long toLong(Object raw) {
    BigDecimal whole = whole(raw);
    if (whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0
        || whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("is out of range for a whole number field");
    }
    return whole.longValue();
  }

  static double toDouble(Object raw) {
    return raw instanceof Number n ? n.doubleValue() : decimal(raw).doubleValue();
  }

  static boolean toBoolean(Object raw) {
    if (raw instanceof Boolean b) {
      return b;
    }
    String text = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
    if (YES.contains(text)) {
      return true;
    }
    if (NO.contains(text)) {
      return false;
    }
    throw new IllegalArgumentException("is not a yes/no value (true/false, 1/0, có/không)");
  }

  static Instant toInstant(Object raw) {
    if (raw instanceof Instant i) {
      return i;
    }
    if (raw instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().atZone(SOURCE_ZONE).toInstant();
    }
    if (raw instanceof java.util.Date d && !(raw instanceof java.sql.Date)) {
      return d.toInstant();
    }
    if (raw instanceof LocalDateTime t) {
      return t.atZone(SOURCE_ZONE).toInstant();
    }
    if (raw instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (raw instanceof ZonedDateTime t) {
      return t.toInstant();
    }
    if (raw instanceof LocalDate d) {
      return d.atStartOfDay(SOURCE_ZONE).toInstant();
    }
    if (raw instanceof java.sql.Date d) {
      return d.toLocalDate().atStartOfDay(SOURCE_ZONE).toInstant();
    }
    String text = String.valueOf(raw).trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text.replace(' ', 'T')).atZone(SOURCE_ZONE).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "is not a date and time like 2026-11-22T08:30:00 or 2026-11-22T08:30:00+07:00");
      }
    }
  }

  private static BigDecimal whole(Object raw) {
    BigDecimal value = decimal(raw);
    if (value.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("is not a whole number");
    }
    return value;
  }

  private static BigDecimal decimal(Object raw) {
    if (raw instanceof BigDecimal b) {
      return b;
    }
    if (raw instanceof Long
        || raw instanceof Integer
        || raw instanceof Short
        || raw instanceof Byte) {
      return BigDecimal.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    try {
      return new BigDecimal(String.valueOf(raw).trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is not a number");
    }
  }
}
