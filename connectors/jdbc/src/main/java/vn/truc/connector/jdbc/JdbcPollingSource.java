package vn.truc.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import vn.truc.connector.api.Columns;
import vn.truc.connector.api.SourceConnector;
import vn.truc.connector.api.SourceRow;

/**
 * Incremental polling of one table on an update-timestamp-plus-key watermark. Needs an index on
 * (timestamp column, key column) at the source; it reads only rows that have changed since the
 * watermark. It cannot see deletes: use change-data capture where deletes matter.
 */
public final class JdbcPollingSource implements SourceConnector {

  private final DataSource dataSource;
  private final String table;
  private final String keyColumn;
  private final String timestampColumn;
  private final ZoneId zone;
  private final Duration delay;

  private SqlDialect dialect;
  private boolean numericKey;

  /**
   * @param zone the zone the source writes its timestamps in (Vietnamese systems: Asia/Ho_Chi_Minh)
   * @param delay rows newer than the database's now minus this are left for the next poll, so that
   *     a transaction still open when we poll is not skipped when it commits later
   */
  public JdbcPollingSource(
      DataSource dataSource,
      String table,
      String keyColumn,
      String timestampColumn,
      ZoneId zone,
      Duration delay) {
    this.dataSource = dataSource;
    this.table = table;
    this.keyColumn = keyColumn;
    this.timestampColumn = timestampColumn;
    this.zone = zone;
    this.delay = delay;
  }

  @Override
  public List<SourceRow> poll(String position, int maxRows) throws SQLException {
    Watermark after = Watermark.parse(position);
    try (Connection connection = dataSource.getConnection()) {
      init(connection);
      LocalDateTime upTo = databaseNow(connection).minus(delay);
      String ts = dialect.quote(timestampColumn);
      String sql =
          "SELECT * FROM "
              + dialect.quote(table)
              + " WHERE "
              + (after == null ? "" : after(after) + " AND ")
              + ts
              + " <= ? ORDER BY "
              + ts
              + ", "
              + dialect.quote(keyColumn)
              + " LIMIT ?";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        int i = bindAfter(statement, after);
        statement.setObject(i++, upTo);
        statement.setInt(i, maxRows);
        statement.setFetchSize(maxRows);
        try (ResultSet rs = statement.executeQuery()) {
          return read(rs, maxRows);
        }
      }
    }
  }

  /**
   * Counts the rows after the position with the same predicate as {@link #poll}, including rows
   * younger than the delay, which a later poll reads. Costs one index range count on (timestamp,
   * key), the index polling needs anyway.
   */
  @Override
  public OptionalLong remaining(String position) throws SQLException {
    Watermark after = Watermark.parse(position);
    try (Connection connection = dataSource.getConnection()) {
      init(connection);
      try (PreparedStatement statement =
          connection.prepareStatement(
              "SELECT COUNT(*) FROM "
                  + dialect.quote(table)
                  + (after == null ? "" : " WHERE " + after(after)))) {
        bindAfter(statement, after);
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          return OptionalLong.of(rs.getLong(1));
        }
      }
    }
  }

  private void init(Connection connection) throws SQLException {
    if (dialect == null) {
      dialect = SqlDialect.of(connection);
      numericKey = isNumericKey(connection, dialect, table, keyColumn);
    }
  }

  /**
   * The rows after a watermark: (timestamp, key) beyond it; after an offset reset to a time ({@code
   * <timestamp>|}), every row changed at or after it.
   */
  private String after(Watermark after) {
    String ts = dialect.quote(timestampColumn);
    if (after.key().isEmpty()) {
      return ts + " >= ?";
    }
    // The leading "ts >= ?" is implied by the rest, but it is what lets both databases start the
    // (timestamp, key) index scan at the watermark: with the OR alone PostgreSQL reads the index
    // from its beginning and filters, so every poll cost more than the one before it.
    return ts
        + " >= ? AND ("
        + ts
        + " > ? OR ("
        + ts
        + " = ? AND "
        + dialect.quote(keyColumn)
        + " > ?))";
  }

  /** Binds the parameters of {@link #after}; returns the index of the next parameter. */
  private int bindAfter(PreparedStatement statement, Watermark after) throws SQLException {
    int i = 1;
    if (after == null) {
      return i;
    }
    statement.setObject(i++, after.timestamp());
    if (!after.key().isEmpty()) {
      statement.setObject(i++, after.timestamp());
      statement.setObject(i++, after.timestamp());
      statement.setObject(i++, numericKey ? Long.valueOf(after.key()) : after.key());
    }
    return i;
  }

  private List<SourceRow> read(ResultSet rs, int maxRows) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    String[] names = new String[n];
    int tsIndex = -1;
    int keyIndex = -1;
    for (int c = 1; c <= n; c++) {
      names[c - 1] = meta.getColumnLabel(c);
      if (names[c - 1].equalsIgnoreCase(timestampColumn)) {
        tsIndex = c;
      }
      if (names[c - 1].equalsIgnoreCase(keyColumn)) {
        keyIndex = c;
      }
    }
    Columns.Names columnNames = new Columns.Names(Arrays.asList(names));
    List<SourceRow> rows = new ArrayList<>(Math.min(maxRows, 10_000));
    while (rs.next()) {
      Columns columns = ResultRows.row(rs, columnNames, n);
      LocalDateTime ts = rs.getObject(tsIndex, LocalDateTime.class);
      String key = rs.getString(keyIndex);
      rows.add(
          new SourceRow(
              columns, new Watermark(ts, key).position(), ts.atZone(zone).toInstant(), false));
    }
    return rows;
  }

  private static LocalDateTime databaseNow(Connection connection) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT LOCALTIMESTAMP");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getObject(1, LocalDateTime.class);
    }
  }

  /** Whether the key column is a number: positions carry it as text and it must bind as one. */
  static boolean isNumericKey(
      Connection connection, SqlDialect dialect, String table, String keyColumn)
      throws SQLException {
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT "
                    + dialect.quote(keyColumn)
                    + " FROM "
                    + dialect.quote(table)
                    + " WHERE 1=0");
        ResultSet rs = s.executeQuery()) {
      return switch (rs.getMetaData().getColumnType(1)) {
        case Types.INTEGER,
            Types.BIGINT,
            Types.SMALLINT,
            Types.TINYINT,
            Types.NUMERIC,
            Types.DECIMAL ->
            true;
        default -> false;
      };
    }
  }
}
