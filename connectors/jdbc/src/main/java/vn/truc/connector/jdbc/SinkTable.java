package vn.truc.connector.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.truc.connector.api.TargetColumn;
import vn.truc.connector.api.ValueType;

/**
 * The table a {@code jdbc-upsert} sink writes: the key column (the record key, primary key), the
 * data columns typed from the contract, the version column and the optional delivered column. Pure:
 * it only writes SQL text.
 *
 * @param columns the data columns; one named like the key, version or delivered column is ignored,
 *     as the sink fills those itself
 * @param delivered the delivered column, or null
 */
record SinkTable(
    String name, String key, String version, List<TargetColumn> columns, String delivered) {

  SinkTable {
    Map<String, TargetColumn> data = new LinkedHashMap<>();
    for (TargetColumn c : columns) {
      String lower = c.name().toLowerCase(Locale.ROOT);
      if (!lower.equals(key.toLowerCase(Locale.ROOT))
          && !lower.equals(version.toLowerCase(Locale.ROOT))
          && (delivered == null || !lower.equals(delivered.toLowerCase(Locale.ROOT)))) {
        data.putIfAbsent(lower, c);
      }
    }
    columns = List.copyOf(data.values());
  }

  List<String> columnNames() {
    return columns.stream().map(TargetColumn::name).toList();
  }

  /**
   * The statement that creates the table where it does not exist. The key is the primary key; a
   * column is NOT NULL where the contract never leaves its field empty.
   */
  String createStatement(SqlDialect dialect) {
    List<String> definitions = new ArrayList<>();
    definitions.add(dialect.quote(key) + " " + dialect.keyType() + " NOT NULL");
    for (TargetColumn c : columns) {
      definitions.add(definition(dialect, c));
    }
    definitions.add(
        dialect.quote(version) + " " + dialect.columnType(ValueType.TIMESTAMP) + " NOT NULL");
    if (delivered != null) {
      definitions.add(dialect.quote(delivered) + " " + dialect.deliveredType() + " NOT NULL");
    }
    definitions.add("PRIMARY KEY (" + dialect.quote(key) + ")");
    return "CREATE TABLE IF NOT EXISTS "
        + dialect.quote(name)
        + " ("
        + String.join(", ", definitions)
        + ")"
        + dialect.tableOptions();
  }

  /**
   * The statement that adds one missing column, for a problem report: what the receiver's DBA runs.
   * Added to a table that may have rows, a data column is nullable.
   */
  String addColumnStatement(SqlDialect dialect, String column) {
    String type;
    if (column.equalsIgnoreCase(version)) {
      // Rows already there get the oldest version, so that the next record of their key wins;
      // a NULL version would compare as unknown and never let it.
      type = dialect.columnType(ValueType.TIMESTAMP) + " NOT NULL DEFAULT '1970-01-01 00:00:00'";
    } else if (column.equalsIgnoreCase(delivered)) {
      type = dialect.deliveredType();
    } else {
      type =
          columns.stream()
              .filter(c -> c.name().equalsIgnoreCase(column))
              .findFirst()
              .map(c -> dialect.columnType(c.type()))
              .orElseThrow(
                  () -> new IllegalArgumentException(column + " is not a column of " + name));
    }
    return "ALTER TABLE "
        + dialect.quote(name)
        + " ADD COLUMN "
        + dialect.quote(column)
        + " "
        + type;
  }

  private static String definition(SqlDialect dialect, TargetColumn c) {
    return dialect.quote(c.name())
        + " "
        + dialect.columnType(c.type())
        + (c.nullable() ? "" : " NOT NULL");
  }
}
