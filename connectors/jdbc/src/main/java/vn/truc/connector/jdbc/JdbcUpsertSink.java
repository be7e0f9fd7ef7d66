package vn.truc.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import vn.truc.connector.api.SinkConnector;
import vn.truc.connector.api.SinkRecord;

/**
 * Batched, idempotent upsert into one table. The newest version of each key wins: within a batch
 * only the latest record of a key is written, and against the table the version column guards the
 * update, so replays and out-of-order redeliveries change nothing.
 */
public final class JdbcUpsertSink implements SinkConnector {

  private final DataSource dataSource;
  private final String table;
  private final String keyColumn;
  private final String versionColumn;
  private final List<String> columns;
  private final String deliveredColumn;

  private SqlDialect dialect;
  private String upsertSql;
  private String deleteSql;

  /**
   * @param columns the data columns written from each record, not counting the key and version
   * @param deliveredColumn a timestamp column set to the time of each write, or null
   */
  public JdbcUpsertSink(
      DataSource dataSource,
      String table,
      String keyColumn,
      String versionColumn,
      List<String> columns,
      String deliveredColumn) {
    this.deliveredColumn = deliveredColumn;
    this.dataSource = dataSource;
    this.table = table;
    this.keyColumn = keyColumn;
    this.versionColumn = versionColumn;
    List<String> all = new ArrayList<>();
    all.add(keyColumn);
    all.addAll(columns);
    all.add(versionColumn);
    this.columns = List.copyOf(all);
  }

  @Override
  public int write(List<SinkRecord> records) throws SQLException {
    if (records.isEmpty()) {
      return 0;
    }
    List<SinkRecord> latest = latestPerKey(records);
    try (Connection connection = dataSource.getConnection()) {
      prepare(connection);
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement upsert = connection.prepareStatement(upsertSql);
          PreparedStatement delete = connection.prepareStatement(deleteSql)) {
        int upserts = 0;
        int deletes = 0;
        for (SinkRecord r : latest) {
          if (r.deleted()) {
            delete.setString(1, r.key());
            delete.setObject(2, timestamp(r.changedAt()));
            delete.addBatch();
            deletes++;
          } else {
            bind(upsert, r);
            upsert.addBatch();
            upserts++;
          }
        }
        if (upserts > 0) {
          upsert.executeBatch();
        }
        if (deletes > 0) {
          delete.executeBatch();
        }
        connection.commit();
        return latest.size();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private void bind(PreparedStatement statement, SinkRecord r) throws SQLException {
    int i = 1;
    for (String column : columns) {
      Object value;
      if (column.equals(keyColumn)) {
        value = r.key();
      } else if (column.equals(versionColumn)) {
        value = timestamp(r.changedAt());
      } else {
        value = r.columns().get(column);
      }
      statement.setObject(i++, value instanceof Instant instant ? timestamp(instant) : value);
    }
  }

  // Timestamps are written as UTC wall time in both dialects, so that comparisons in SQL agree
  // with the order of Instants whatever the server's time zone.
  private static Timestamp timestamp(Instant instant) {
    return Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
  }

  private void prepare(Connection connection) throws SQLException {
    if (dialect != null) {
      return;
    }
    dialect = SqlDialect.of(connection);
    upsertSql = dialect.upsert(table, keyColumn, versionColumn, columns, deliveredColumn);
    deleteSql =
        "DELETE FROM "
            + dialect.quote(table)
            + " WHERE "
            + dialect.quote(keyColumn)
            + " = ? AND "
            + dialect.quote(versionColumn)
            + " <= ?";
  }

  /** Keeps the newest record of each key; for equal versions, the later one in the batch. */
  static List<SinkRecord> latestPerKey(List<SinkRecord> records) {
    Map<String, SinkRecord> byKey = new LinkedHashMap<>(records.size() * 2);
    for (SinkRecord r : records) {
      byKey.merge(r.key(), r, (old, now) -> now.changedAt().isBefore(old.changedAt()) ? old : now);
    }
    return new ArrayList<>(byKey.values());
  }
}
