package vn.truc.routes.mapping;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    @Override
    public String toString() {
      return month == null
          ? String.format("%04d", year)
          : day == null
              ? String.format("%04d-%02d", year, month)
              : String.format("%04d-%02d-%02d", year, month, day);
    }
  }

  private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
  private static final Pattern YMD = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
  private static final Pattern MY = Pattern.compile("(\\d{1,2})[/.-](\\d{4})");
  private static final Pattern Y = Pattern.compile("(\\d{4})");

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
    Matcher m;
    try {
      if ((m = DMY.matcher(text)).matches()) {
        return checked(num(m, 3), num(m, 2), num(m, 1));
      }
      if ((m = YMD.matcher(text)).matches()) {
        return checked(num(m, 1), num(m, 2), num(m, 3));
      }
      if ((m = MY.matcher(text)).matches()) {
        int month = num(m, 1);
        YearMonth.of(num(m, 2), month);
        return new Partial(num(m, 2), month, null);
      }
      if ((m = Y.matcher(text)).matches()) {
        return new Partial(num(m, 1), null, null);
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a real date: " + e.getMessage());
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a date in a known form (dd/MM/yyyy, yyyy-MM-dd, MM/yyyy, yyyy)");
  }

  private static Partial checked(int year, int month, int day) {
    LocalDate.of(year, month, day);
    return new Partial(year, month, day);
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
