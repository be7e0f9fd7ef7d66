package vn.truc.connector.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.ConnectorConfig;

/**
 * The live test of a JDBC connector: can we log in, does the table have the columns, of which
 * types. The judging is done by pure classes ({@link JdbcTypes}, {@link SinkTableCheck}); this one
 * only reads the database's metadata.
 */
public final class JdbcCheck {

  private JdbcCheck() {}

  /** Work done on one short-lived connection of a check. */
  @FunctionalInterface
  interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} on a fresh connection made from the settings; a connection that cannot be
   * made becomes a problem of {@code jdbc.url} instead.
   */
  static List<ConfigProblem> withConnection(
      ConnectorConfig config, Work<List<ConfigProblem>> work) {
    try (Connection c = connect(config)) {
      return work.apply(c);
    } catch (SQLException e) {
      List<ConfigProblem> problems = new ArrayList<>();
      problems.add(
          new ConfigProblem(
              JdbcSettings.URL,
              "cannot connect: " + e.getMessage() + " (SQL state " + e.getSQLState() + ")"));
      return problems;
    }
  }

  static Connection connect(ConnectorConfig config) throws SQLException {
    return DriverManager.getConnection(
        config.string(JdbcSettings.URL),
        config.string(JdbcSettings.USER),
        config.string(JdbcSettings.PASSWORD));
  }

  /** A source's check: the table exists and has every column a mapping reads. */
  public static List<ConfigProblem> check(ConnectorConfig config, Collection<String> needed) {
    String table = config.string(JdbcSettings.TABLE);
    return withConnection(
        config,
        c -> {
          List<ConfigProblem> problems = new ArrayList<>();
          Map<String, JdbcTypes.LiveColumn> columns = columns(c, table);
          if (columns.isEmpty()) {
            problems.add(
                new ConfigProblem(
                    JdbcSettings.TABLE,
                    "table '"
                        + table
                        + "' not found or has no columns visible to "
                        + config.string(JdbcSettings.USER)));
            return problems;
          }
          for (String column : needed) {
            if (column != null && !columns.containsKey(column.toLowerCase(Locale.ROOT))) {
              problems.add(
                  new ConfigProblem(
                      column, "column '" + column + "' is not in table '" + table + "'"));
            }
          }
          return problems;
        });
  }

  /**
   * The table's columns by lower-case name, empty when the table does not exist. The name is tried
   * as written, then lower- and upper-case, as databases fold unquoted names differently.
   */
  static Map<String, JdbcTypes.LiveColumn> columns(Connection c, String table) throws SQLException {
    Map<String, JdbcTypes.LiveColumn> columns = new LinkedHashMap<>();
    for (String name :
        List.of(table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT))) {
      try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, name, null)) {
        while (rs.next()) {
          // The name is a LIKE pattern, where '_' matches any character: keep only this table.
          if (!name.equals(rs.getString("TABLE_NAME"))) {
            continue;
          }
          String column = rs.getString("COLUMN_NAME");
          columns.putIfAbsent(
              column.toLowerCase(Locale.ROOT),
              new JdbcTypes.LiveColumn(
                  column,
                  rs.getInt("DATA_TYPE"),
                  rs.getString("TYPE_NAME"),
                  rs.getInt("COLUMN_SIZE")));
        }
      }
      if (!columns.isEmpty()) {
        break;
      }
    }
    return columns;
  }
}
