package vn.truc.connector.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.truc.connector.api.ValueType;

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
      return insertPrefix(table, columns, delivered)
          + onConflict(table, key, version, columns, delivered);
    }

    @Override
    String upsertFrom(
        String stage,
        String table,
        String key,
        String version,
        List<String> columns,
        String delivered) {
      return insertInto(table, columns, delivered)
          + " SELECT "
          + columnList(columns)
          + (delivered == null ? "" : ", CURRENT_TIMESTAMP")
          + " FROM "
          + quote(stage)
          + onConflict(table, key, version, columns, delivered);
    }

    private String onConflict(
        String table, String key, String version, List<String> columns, String delivered) {
      String updates =
          columns.stream()
              .filter(c -> !c.equals(key))
              .map(c -> quote(c) + " = EXCLUDED." + quote(c))
              .collect(Collectors.joining(", "));
      if (delivered != null) {
        updates += ", " + quote(delivered) + " = EXCLUDED." + quote(delivered);
      }
      return " ON CONFLICT ("
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

    @Override
    public String columnType(ValueType type) {
      return switch (type) {
        case STRING -> "TEXT";
        case INT -> "INTEGER";
        case LONG -> "BIGINT";
        case DOUBLE -> "DOUBLE PRECISION";
        // Unconstrained NUMERIC keeps every digit the contract's decimal has.
        case DECIMAL -> "NUMERIC";
        case BOOLEAN -> "BOOLEAN";
        case DATE -> "DATE";
        // Without time zone: the sink writes instants as UTC wall time (see JdbcUpsertSink).
        case TIMESTAMP -> "TIMESTAMP(6)";
        case BYTES -> "BYTEA";
      };
    }

    @Override
    String keyType() {
      return "TEXT";
    }

    @Override
    String deliveredType() {
      // Stamped with CURRENT_TIMESTAMP, a timestamptz: kept as the instant it is.
      return "TIMESTAMPTZ";
    }

    @Override
    String tableOptions() {
      return "";
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

    @Override
    public String columnType(ValueType type) {
      return switch (type) {
        case STRING -> "TEXT";
        case INT -> "INT";
        case LONG -> "BIGINT";
        case DOUBLE -> "DOUBLE";
        // DECIMAL alone would mean DECIMAL(10,0) and drop every fraction; the SPI does not carry
        // the contract's precision, so a wide one that holds any contract decimal up to 10 places.
        case DECIMAL -> "DECIMAL(38,10)";
        case BOOLEAN -> "BOOLEAN";
        case DATE -> "DATE";
        // DATETIME, not TIMESTAMP: no 2038 limit, no session time-zone conversion and no implicit
        // ON UPDATE CURRENT_TIMESTAMP.
        case TIMESTAMP -> "DATETIME(6)";
        case BYTES -> "LONGBLOB";
      };
    }

    @Override
    String keyType() {
      // A binary collation compares keys exactly as the sink de-duplicates them, so two keys
      // that differ only in case or accents never collide on the primary key.
      return "VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
    }

    @Override
    String deliveredType() {
      return "DATETIME(6)";
    }

    @Override
    String tableOptions() {
      // The server default may still be latin1, which cannot hold Vietnamese text.
      return " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
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

  /**
   * The same upsert with its rows selected from a staging table of the same columns, for a sink
   * that COPYs its batches (PostgreSQL only).
   */
  String upsertFrom(
      String stage,
      String table,
      String key,
      String version,
      List<String> columns,
      String delivered) {
    throw new UnsupportedOperationException(name() + " does not stage batches");
  }

  /** The SQL type a created table gives a column holding values of {@code type}. */
  public abstract String columnType(ValueType type);

  /** The type of a created table's key column: text, as keys such as ID numbers keep zeros. */
  abstract String keyType();

  /** The type of a created table's delivered column, stamped by the database on each write. */
  abstract String deliveredType();

  /** What follows the column list of a CREATE TABLE. */
  abstract String tableOptions();

  String insertInto(String table, List<String> columns, String delivered) {
    return "INSERT INTO "
        + quote(table)
        + " ("
        + columnList(columns)
        + (delivered == null ? "" : ", " + quote(delivered))
        + ")";
  }

  /** The columns quoted and comma-separated, as in a column list or a select list. */
  public String columnList(List<String> columns) {
    return columns.stream().map(this::quote).collect(Collectors.joining(", "));
  }

  String insertPrefix(String table, List<String> columns, String delivered) {
    return insertInto(table, columns, delivered)
        + " VALUES ("
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
