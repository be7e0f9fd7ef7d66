package vn.truc.platform.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * One end of a range of the ledger as an auditor writes it: a sequence number ({@code 17}) or a
 * time ({@code 2026-11-01}, {@code 2026-11-01T08:00:00}, {@code 2026-11-01T08:00:00+07:00}, {@code
 * 2026-11-01T01:00:00Z}). Times without an offset are in the ledger's zone. A {@code from} is
 * inclusive; a {@code to} sequence number is inclusive, a {@code to} time exclusive, and a {@code
 * to} date includes that whole day.
 */
public sealed interface LedgerBound {

  /** A place in the chain. */
  record Seq(long value) implements LedgerBound {}

  /** A moment; entries are selected by their time. */
  record Time(Instant value) implements LedgerBound {}

  static final String FORMS =
      "a sequence number (17), a date (2026-11-01) or a time (2026-11-01T08:00:00, with or without"
          + " an offset)";

  /** The start of a range; null for an empty or absent value. */
  static LedgerBound from(String value, ZoneId zone) {
    return parse(value, zone, false);
  }

  /** The end of a range; null for an empty or absent value. */
  static LedgerBound to(String value, ZoneId zone) {
    return parse(value, zone, true);
  }

  private static LedgerBound parse(String value, ZoneId zone, boolean end) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return new Seq(Long.parseLong(v));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("is too large for a sequence number");
      }
    }
    try {
      return new Time(OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException e) {
      // not with an offset
    }
    try {
      return new Time(LocalDateTime.parse(v).atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      // not a local time
    }
    try {
      LocalDate day = LocalDate.parse(v);
      return new Time((end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + v + "' is not " + FORMS);
    }
  }
}
