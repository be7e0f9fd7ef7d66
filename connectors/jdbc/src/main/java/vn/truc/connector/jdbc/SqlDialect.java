package vn.truc.connector.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The few places where PostgreSQL and MariaDB/MySQL SQL differ. */
public enum SqlDialect {
  POSTGRESQL {
    @Override
    public String quote(String identifier) {
      return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    String upsert(
        String table, String key, String version, List<String> columns, String delivered) {
      String updates =
          columns.stream()
              .filter(c -> !c.equals(key))
              .map(c -> quote(c) + " = EXCLUDED." + quote(c))
              .collect(Collectors.joining(", "));
      if (delivered != null) {
        updates += ", " + quote(delivered) + " = EXCLUDED." + quote(delivered);
      }
      return insertPrefix(table, columns, delivered)
          + " ON CONFLICT ("
          + quote(key)
          + ") DO UPDATE SET "
          + updates
          + " WHERE "
          + quote(table)
          + "."
          + quote(version)
          + " < EXCLUDED."
          + quote(version);
    }
  },
  MARIADB {
    @Override
    public String quote(String identifier) {
      return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    String upsert(
        String table, String key, String version, List<String> columns, String delivered) {
      // MariaDB applies the assignments left to right, each seeing the ones before: the version
      // column must come last, or the comparisons after it would see the new version.
      String newer = "VALUES(" + quote(version) + ") > " + quote(version);
      List<String> guarded = new java.util.ArrayList<>(columns);
      if (delivered != null) {
        guarded.add(delivered);
      }
      String updates =
          guarded.stream()
              .filter(c -> !c.equals(key) && !c.equals(version))
              .map(
                  c ->
                      quote(c) + " = IF(" + newer + ", VALUES(" + quote(c) + "), " + quote(c) + ")")
              .collect(Collectors.joining(", "));
      String versionUpdate =
          quote(version)
              + " = IF("
              + newer
              + ", VALUES("
              + quote(version)
              + "), "
              + quote(version)
              + ")";
      return insertPrefix(table, columns, delivered)
          + " ON DUPLICATE KEY UPDATE "
          + (updates.isEmpty() ? "" : updates + ", ")
          + versionUpdate;
    }
  };

  /** Quotes an identifier so that legacy column names (spaces, reserved words) are safe. */
  public abstract String quote(String identifier);

  /**
   * An insert that updates an existing row only when the incoming version is newer.
   *
   * @param delivered a column set to the database's current time on every write, or null
   */
  abstract String upsert(
      String table, String key, String version, List<String> columns, String delivered);

  String insertPrefix(String table, List<String> columns, String delivered) {
    return "INSERT INTO "
        + quote(table)
        + " ("
        + columns.stream().map(this::quote).collect(Collectors.joining(", "))
        + (delivered == null ? "" : ", " + quote(delivered))
        + ") VALUES ("
        + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
        + (delivered == null ? "" : ", CURRENT_TIMESTAMP")
        + ")";
  }

  public static SqlDialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return POSTGRESQL;
    }
    if (product.contains("mariadb") || product.contains("mysql")) {
      return MARIADB;
    }
    throw new SQLException(
        "Unsupported database '"
            + product
            + "': Trục's JDBC connectors speak PostgreSQL and MariaDB/MySQL");
  }
}
