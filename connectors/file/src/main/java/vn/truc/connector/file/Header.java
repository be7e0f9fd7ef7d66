package vn.truc.connector.file;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The column names of a file, from its header row: trimmed and NFC-normalised. A column with a
 * blank name is ignored as long as it stays empty.
 */
final class Header {

  /** A header the file cannot be read with; the whole file is refused with this reason. */
  static final class Invalid extends Exception {
    Invalid(String reason) {
      super(reason);
    }
  }

  private final List<String> names;
  private final long line;
  private final String keyColumn;
  private final int named;

  private Header(List<String> names, long line, String keyColumn) {
    this.names = names;
    this.line = line;
    this.keyColumn = keyColumn;
    this.named = (int) names.stream().filter(n -> !n.isEmpty()).count();
  }

  /**
   * @param raw the header cells in column order (null for a missing cell)
   * @param label how to name column {@code i} in messages ("column 3" or "column C")
   * @throws Invalid when a name appears twice or the key column is missing
   */
  static Header of(
      List<?> raw, long line, String keyColumn, java.util.function.IntFunction<String> label)
      throws Invalid {
    List<String> names = new ArrayList<>(raw.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < raw.size(); i++) {
      Object cell = raw.get(i);
      String name = cell == null ? "" : Text.nfc(text(cell).strip());
      if (!name.isEmpty()) {
        Integer earlier = seen.putIfAbsent(name, i);
        if (earlier != null) {
          throw new Invalid(
              "line "
                  + line
                  + ": the header names column '"
                  + name
                  + "' twice, in "
                  + label.apply(earlier)
                  + " and "
                  + label.apply(i)
                  + "; rename one of them");
        }
      }
      names.add(name);
    }
    if (seen.isEmpty()) {
      throw new Invalid("line " + line + ": the header row has no column names");
    }
    if (keyColumn != null && !seen.containsKey(keyColumn)) {
      throw new Invalid(
          "line "
              + line
              + ": the header has no key column '"
              + keyColumn
              + "' (key.column); it has "
              + names.stream().filter(n -> !n.isEmpty()).toList());
    }
    return new Header(List.copyOf(names), line, keyColumn);
  }

  static String text(Object cell) {
    return cell instanceof java.math.BigDecimal d ? d.toPlainString() : cell.toString();
  }

  List<String> names() {
    return names.stream().filter(n -> !n.isEmpty()).toList();
  }

  int width() {
    return names.size();
  }

  String name(int column) {
    return column < names.size() ? names.get(column) : "";
  }

  long line() {
    return line;
  }

  /** A row's values by column index; the row's own problems are appended to {@code errors}. */
  Map<String, Object> columns(
      Map<Integer, Object> cells,
      long rowLine,
      List<String> errors,
      java.util.function.IntFunction<String> label) {
    Map<String, Object> columns = new LinkedHashMap<>(named * 4 / 3 + 2);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (!name.isEmpty()) {
        columns.put(name, cells.get(i));
      }
    }
    for (Map.Entry<Integer, Object> cell : cells.entrySet()) {
      if (name(cell.getKey()).isEmpty() && !Text.blank(cell.getValue())) {
        errors.add(
            label.apply(cell.getKey())
                + " holds '"
                + cell.getValue()
                + "' but has no name in the header (line "
                + line
                + ")");
      }
    }
    if (keyColumn != null && Text.blank(columns.get(keyColumn))) {
      errors.add("the key column " + keyColumn + " is empty");
    }
    return columns;
  }

  /** Adds {@link FileDropSource#ERROR_COLUMN} to {@code columns} when there are errors. */
  static DataRow row(long rowLine, Map<String, Object> columns, List<String> errors) {
    if (!errors.isEmpty()) {
      columns.put(
          FileDropSource.ERROR_COLUMN, "line " + rowLine + ": " + String.join("; ", errors));
    }
    return new DataRow(rowLine, columns);
  }
}
