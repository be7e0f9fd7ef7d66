package vn.truc.routes.mapping;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * Dates in the forms Vietnamese registers use: dd/MM/yyyy (also with - or .), yyyy-MM-dd, MM/yyyy
 * and a bare year. A partial date stays partial: it is never padded to the first of January.
 */
public final class Dates {

  /** A date known to the year, the month or the day; month and day are null when unknown. */
  public record Partial(int year, Integer month, Integer day) {
    public LocalDate toLocalDate() {
      if (month == null || day == null) {
        throw new DateTimeException("only " + this + " is known, not the whole date");
      }
      return LocalDate.of(year, month, day);
    }

    // By hand, not String.format: this runs for every partial date a receiver's table gets.
    @Override
    public String toString() {
      if (year < 0 || year > 9999 || !twoDigits(month) || !twoDigits(day)) {
        return month == null
            ? String.format("%04d", year)
            : day == null
                ? String.format("%04d-%02d", year, month)
                : String.format("%04d-%02d-%02d", year, month, day);
      }
      char[] c = new char[month == null ? 4 : day == null ? 7 : 10];
      digits(c, 0, year, 4);
      if (month != null) {
        c[4] = '-';
        digits(c, 5, month, 2);
        if (day != null) {
          c[7] = '-';
          digits(c, 8, day, 2);
        }
      }
      return new String(c);
    }

    // A record read from a topic carries whatever its producer put there.
    private static boolean twoDigits(Integer part) {
      return part == null || (part >= 0 && part <= 99);
    }

    // Zero-padded, right-aligned; toString checked that the value fits.
    private static void digits(char[] c, int at, int value, int width) {
      for (int i = at + width - 1; i >= at; i--) {
        c[i] = (char) ('0' + value % 10);
        value /= 10;
      }
    }
  }

  private Dates() {}

  /** Parses a source value; throws {@link IllegalArgumentException} saying which forms work. */
  public static Partial parse(Object raw) {
    if (raw instanceof LocalDate d) {
      return new Partial(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
    if (raw instanceof LocalDateTime t) {
      return parse(t.toLocalDate());
    }
    if (raw instanceof java.sql.Date d) {
      return parse(d.toLocalDate());
    }
    String text = String.valueOf(raw).trim();
    try {
      Partial parsed = new Reader(text).partial();
      if (parsed != null) {
        return parsed;
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a real date: " + e.getMessage());
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a date in a known form (dd/MM/yyyy, yyyy-MM-dd, MM/yyyy, yyyy)");
  }

  /**
   * The four forms read left to right, without regular expressions (four of them were tried for
   * every date of every row): d{1,2}[/.-]d{1,2}[/.-]dddd, dddd-d{1,2}-d{1,2} (optionally followed
   * by a time after T or a space), d{1,2}[/.-]dddd and dddd. Digits are ASCII only.
   */
  private static final class Reader {
    private final String text;
    private int at;
    private int width;

    Reader(String text) {
      this.text = text;
    }

    /** The date, or null when the text is in none of the forms. */
    Partial partial() {
      int first = digits(4);
      if (width == 4) {
        if (end()) {
          return new Partial(first, null, null);
        }
        if (!separator("-")) {
          return null;
        }
        int month = digits(2);
        if (width < 1 || !separator("-")) {
          return null;
        }
        int day = digits(2);
        if (width < 1 || !(end() || separator("T "))) {
          return null;
        }
        return checked(first, month, day);
      }
      if (width < 1 || width > 2 || !separator("/.-")) {
        return null;
      }
      int second = digits(4);
      if (width == 4 && end()) {
        YearMonth.of(second, first);
        return new Partial(second, first, null);
      }
      if (width < 1 || width > 2 || !separator("/.-")) {
        return null;
      }
      int year = digits(4);
      return width == 4 && end() ? checked(year, second, first) : null;
    }

    /**
     * Up to {@code max} digits as a number; {@link #width} says how many there were, -1 when there
     * were more.
     */
    private int digits(int max) {
      int value = 0;
      width = 0;
      while (at < text.length() && width <= max) {
        char c = text.charAt(at);
        if (c < '0' || c > '9') {
          break;
        }
        value = value * 10 + (c - '0');
        at++;
        width++;
      }
      // One digit too many is no match: "19850" is not a year.
      if (width > max) {
        width = -1;
      }
      return value;
    }

    private boolean separator(String allowed) {
      if (at < text.length() && allowed.indexOf(text.charAt(at)) >= 0) {
        at++;
        return true;
      }
      return false;
    }

    private boolean end() {
      return at == text.length();
    }
  }

  private static Partial checked(int year, int month, int day) {
    LocalDate.of(year, month, day);
    return new Partial(year, month, day);
  }
}
