package vn.truc.connector.jdbc;

import java.time.LocalDateTime;

/**
 * Where incremental polling stands: the update timestamp and key of the last row read. Rows are
 * read in (timestamp, key) order, so the pair is a total order even when many rows share one
 * timestamp.
 */
record Watermark(LocalDateTime timestamp, String key) {

  private static final char SEPARATOR = '|';

  static Watermark parse(String position) {
    if (position == null || position.isBlank()) {
      return null;
    }
    int at = position.indexOf(SEPARATOR);
    if (at < 0) {
      throw new IllegalArgumentException(
          "Not a polling position (timestamp|key): '" + position + "'");
    }
    return new Watermark(
        LocalDateTime.parse(position.substring(0, at)), position.substring(at + 1));
  }

  String position() {
    return timestamp + String.valueOf(SEPARATOR) + key;
  }
}
