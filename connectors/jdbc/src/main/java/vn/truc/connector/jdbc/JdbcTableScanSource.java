package vn.truc.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import vn.truc.connector.api.Columns;
import vn.truc.connector.api.SourceConnector;
import vn.truc.connector.api.SourceRow;

/**
 * The whole table, read in key order one page at a time, again every interval: for tables that keep
 * no update time. Every row of a pass carries the pass's start as its version, so a later pass
 * overwrites what an earlier one delivered and a replayed page changes nothing. It sees updates
 * only at the next pass, and deletes never; needs a unique, indexed key.
 */
public final class JdbcTableScanSource implements SourceConnector {

  private final DataSource dataSource;
  private final String table;
  private final String keyColumn;
  private final Duration interval;
  private final Clock clock;

  private SqlDialect dialect;
  private boolean numericKey;

  /**
   * @param interval time between the starts of two passes
   */
  public JdbcTableScanSource(
      DataSource dataSource, String table, String keyColumn, Duration interval, Clock clock) {
    this.dataSource = dataSource;
    this.table = table;
    this.keyColumn = keyColumn;
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  public List<SourceRow> poll(String position, int maxRows) throws SQLException {
    TableScan scan = TableScan.parse(position);
    if (scan == null) {
      scan = new TableScan(clock.instant(), null);
    }
    try (Connection connection = dataSource.getConnection()) {
      init(connection);
      List<SourceRow> rows = page(connection, scan, maxRows);
      if (rows.isEmpty() && !clock.instant().isBefore(scan.passStartedAt().plus(interval))) {
        // The pass is over and the interval has passed: the next one starts now.
        rows = page(connection, new TableScan(clock.instant(), null), maxRows);
      }
      return rows;
    }
  }

  /** What is left of the current pass; nothing between passes. */
  @Override
  public OptionalLong remaining(String position) throws SQLException {
    TableScan scan = TableScan.parse(position);
    try (Connection connection = dataSource.getConnection()) {
      init(connection);
      try (PreparedStatement statement =
          connection.prepareStatement(
              "SELECT COUNT(*) FROM " + dialect.quote(table) + where(scan))) {
        bind(statement, scan);
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          return OptionalLong.of(rs.getLong(1));
        }
      }
    }
  }

  private List<SourceRow> page(Connection connection, TableScan scan, int maxRows)
      throws SQLException {
    String sql =
        "SELECT * FROM "
            + dialect.quote(table)
            + where(scan)
            + " ORDER BY "
            + dialect.quote(keyColumn)
            + " LIMIT ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = bind(statement, scan);
      statement.setInt(i, maxRows);
      statement.setFetchSize(maxRows);
      try (ResultSet rs = statement.executeQuery()) {
        return read(rs, scan.passStartedAt(), maxRows);
      }
    }
  }

  private String where(TableScan scan) {
    return scan == null || scan.afterKey() == null
        ? ""
        : " WHERE " + dialect.quote(keyColumn) + " > ?";
  }

  private int bind(PreparedStatement statement, TableScan scan) throws SQLException {
    if (scan == null || scan.afterKey() == null) {
      return 1;
    }
    statement.setObject(1, numericKey ? Long.valueOf(scan.afterKey()) : scan.afterKey());
    return 2;
  }

  private List<SourceRow> read(ResultSet rs, Instant pass, int maxRows) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    String[] names = new String[n];
    int keyIndex = -1;
    for (int c = 1; c <= n; c++) {
      names[c - 1] = meta.getColumnLabel(c);
      if (names[c - 1].equalsIgnoreCase(keyColumn)) {
        keyIndex = c;
      }
    }
    Columns.Names columnNames = new Columns.Names(Arrays.asList(names));
    List<SourceRow> rows = new ArrayList<>(Math.min(maxRows, 10_000));
    while (rs.next()) {
      Columns columns = ResultRows.row(rs, columnNames, n);
      String key = rs.getString(keyIndex);
      rows.add(new SourceRow(columns, new TableScan(pass, key).position(), pass, false));
    }
    return rows;
  }

  private void init(Connection connection) throws SQLException {
    if (dialect == null) {
      dialect = SqlDialect.of(connection);
      numericKey = JdbcPollingSource.isNumericKey(connection, dialect, table, keyColumn);
    }
  }
}
