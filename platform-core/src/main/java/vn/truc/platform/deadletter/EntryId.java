package vn.truc.platform.deadletter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a dead-letter entry is on its topic, written {@code <partition>-<offset>} in the API (e.g.
 * {@code 1-42}).
 */
public record EntryId(int partition, long offset) {

  private static final Pattern FORM = Pattern.compile("(\\d{1,9})-(\\d{1,18})");

  public static EntryId parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an entry id: write <partition>-<offset>, e.g. 1-42");
    }
    return new EntryId(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
  }

  @Override
  public String toString() {
    return partition + "-" + offset;
  }
}
