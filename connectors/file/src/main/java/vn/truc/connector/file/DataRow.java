package vn.truc.connector.file;

import java.util.Map;

/**
 * One data row of a file as read, before it becomes a source row.
 *
 * @param line the line (CSV) or sheet row (XLSX) it starts on
 * @param columns header name to value, in header order; with {@link FileDropSource#ERROR_COLUMN}
 *     when the row could not be read cleanly
 */
record DataRow(long line, Map<String, Object> columns) {

  boolean bad() {
    return columns.containsKey(FileDropSource.ERROR_COLUMN);
  }

  String error() {
    Object e = columns.get(FileDropSource.ERROR_COLUMN);
    return e == null ? null : e.toString();
  }
}
