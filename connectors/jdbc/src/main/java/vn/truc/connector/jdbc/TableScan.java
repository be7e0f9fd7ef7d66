package vn.truc.connector.jdbc;

import java.time.Instant;

/**
 * Where a full-table scan stands: when the pass began (the version of every row it reads) and the
 * key of the last row read. Written as {@code scan <instant> after <key>}; a pass not yet past its
 * first page is {@code scan <instant> after} with no key.
 */
record TableScan(Instant passStartedAt, String afterKey) {

  private static final String PREFIX = "scan ";
  private static final String AFTER = " after";

  static TableScan parse(String position) {
    if (position == null || position.isBlank()) {
      return null;
    }
    int after = position.indexOf(AFTER);
    if (!position.startsWith(PREFIX) || after < 0) {
      throw new IllegalArgumentException(
          "Not a table-scan position (scan <instant> after <key>): '" + position + "'");
    }
    String key = position.substring(after + AFTER.length()).trim();
    return new TableScan(
        Instant.parse(position.substring(PREFIX.length(), after)), key.isEmpty() ? null : key);
  }

  String position() {
    return PREFIX + passStartedAt + AFTER + (afterKey == null ? "" : " " + afterKey);
  }
}
