package vn.truc.connector.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.TargetColumn;
import vn.truc.connector.api.ValueType;

/**
 * Whether a receiver's live table fits what a {@code jdbc-upsert} sink writes into it. Pure: the
 * caller reads the table's columns from the database; here they are judged. Each problem names the
 * setting or column it is about ({@code table}, {@code key.column}, {@code columns.<name>}).
 */
final class SinkTableCheck {

  private SinkTableCheck() {}

  /**
   * @param live the table's columns by lower-case name; empty when the table does not exist
   * @param autoCreate whether the sink creates a missing table on its first write
   */
  static List<ConfigProblem> problems(
      SinkTable table,
      Map<String, JdbcTypes.LiveColumn> live,
      boolean autoCreate,
      SqlDialect dialect,
      String user) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (live.isEmpty()) {
      if (!autoCreate) {
        problems.add(
            new ConfigProblem(
                JdbcSettings.TABLE,
                "table '"
                    + table.name()
                    + "' does not exist or has no columns visible to "
                    + user
                    + ": create it, or set "
                    + JdbcUpsertSinkKind.AUTO_CREATE
                    + ": true and Trục creates it on the first write"));
      }
      return problems;
    }
    String where = " is not in table '" + table.name() + "'";
    find(live, table.key())
        .ifPresentOrElse(
            c ->
                JdbcTypes.cannotHold(ValueType.STRING, c)
                    .ifPresent(
                        r ->
                            problems.add(
                                new ConfigProblem(
                                    JdbcSettings.KEY_COLUMN,
                                    "column '"
                                        + c.name()
                                        + "' is "
                                        + c.describe()
                                        + " but holds the record key, text such as a personal ID"
                                        + " number whose leading zeros matter: it needs a text"
                                        + " column"))),
            () ->
                problems.add(
                    new ConfigProblem(
                        JdbcSettings.KEY_COLUMN,
                        "column '"
                            + table.key()
                            + "'"
                            + where
                            + ": the key column holds the record key and must be the table's"
                            + " primary key or unique")));
    timestampColumn(
        table, live, dialect, JdbcUpsertSinkKind.VERSION_COLUMN, table.version(), problems);
    if (table.delivered() != null) {
      timestampColumn(
          table, live, dialect, JdbcUpsertSinkKind.DELIVERED_COLUMN, table.delivered(), problems);
    }
    for (TargetColumn column : table.columns()) {
      String field = "columns." + column.name();
      find(live, column.name())
          .ifPresentOrElse(
              c ->
                  JdbcTypes.cannotHold(column.type(), c)
                      .ifPresent(
                          r ->
                              problems.add(
                                  new ConfigProblem(
                                      field,
                                      "column '"
                                          + c.name()
                                          + "' is "
                                          + c.describe()
                                          + ", which cannot hold the field's "
                                          + column.type()
                                          + " values: "
                                          + r))),
              () ->
                  problems.add(
                      new ConfigProblem(
                          field,
                          "column '"
                              + column.name()
                              + "'"
                              + where
                              + "; add it: "
                              + table.addColumnStatement(dialect, column.name()))));
    }
    return problems;
  }

  private static void timestampColumn(
      SinkTable table,
      Map<String, JdbcTypes.LiveColumn> live,
      SqlDialect dialect,
      String setting,
      String name,
      List<ConfigProblem> problems) {
    find(live, name)
        .ifPresentOrElse(
            c -> {
              if (!JdbcTypes.isTimestamp(c.jdbcType())) {
                problems.add(
                    new ConfigProblem(
                        setting,
                        "column '"
                            + c.name()
                            + "' is "
                            + c.describe()
                            + ": it needs a timestamp column ("
                            + dialect.columnType(ValueType.TIMESTAMP)
                            + ")"));
              }
            },
            () ->
                problems.add(
                    new ConfigProblem(
                        setting,
                        "column '"
                            + name
                            + "' is not in table '"
                            + table.name()
                            + "'; add it: "
                            + table.addColumnStatement(dialect, name))));
  }

  private static Optional<JdbcTypes.LiveColumn> find(
      Map<String, JdbcTypes.LiveColumn> live, String column) {
    return Optional.ofNullable(live.get(column.toLowerCase(Locale.ROOT)));
  }
}
