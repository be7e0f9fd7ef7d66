package vn.truc.connector.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.ConnectorConfig;

/** The live test of a JDBC connector: can we log in, does the table have the columns. */
final class JdbcCheck {

  private JdbcCheck() {}

  static List<ConfigProblem> check(ConnectorConfig config, Collection<String> needed) {
    List<ConfigProblem> problems = new ArrayList<>();
    String table = config.string(JdbcSettings.TABLE);
    try (Connection c =
        DriverManager.getConnection(
            config.string(JdbcSettings.URL),
            config.string(JdbcSettings.USER),
            config.string(JdbcSettings.PASSWORD))) {
      Set<String> columns = columns(c, table);
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
        if (column != null && !columns.contains(column.toLowerCase(Locale.ROOT))) {
          problems.add(
              new ConfigProblem(column, "column '" + column + "' is not in table '" + table + "'"));
        }
      }
    } catch (SQLException e) {
      problems.add(
          new ConfigProblem(
              JdbcSettings.URL,
              "cannot connect: " + e.getMessage() + " (SQL state " + e.getSQLState() + ")"));
    }
    return problems;
  }

  private static Set<String> columns(Connection c, String table) throws SQLException {
    Set<String> columns = new TreeSet<>();
    for (String name :
        List.of(table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT))) {
      try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, name, null)) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
      }
      if (!columns.isEmpty()) {
        break;
      }
    }
    return columns;
  }
}
