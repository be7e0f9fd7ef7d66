package vn.truc.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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
  private final SinkTable target;
  private final boolean autoCreate;
  private final String table;
  private final String keyColumn;
  private final String versionColumn;
  private final List<String> columns;
  private final String deliveredColumn;

  private SqlDialect dialect;
  private String upsertSql;
  private String deleteSql;

  /**
   * @param target the table, its key, version, data and delivered columns
   * @param autoCreate create the table on the first write when it does not exist; an existing table
   *     is never altered
   */
  JdbcUpsertSink(DataSource dataSource, SinkTable target, boolean autoCreate) {
    this.dataSource = dataSource;
    this.target = target;
    this.autoCreate = autoCreate;
    this.table = target.name();
    this.keyColumn = target.key();
    this.versionColumn = target.version();
    this.deliveredColumn = target.delivered();
    List<String> all = new ArrayList<>();
    all.add(keyColumn);
    all.addAll(target.columnNames());
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
    SqlDialect found = SqlDialect.of(connection);
    // Created before the batch's transaction: DDL commits implicitly in MariaDB. Only when
    // missing, as CREATE ... IF NOT EXISTS still needs the CREATE privilege in PostgreSQL.
    if (autoCreate && JdbcCheck.columns(connection, table).isEmpty()) {
      try (Statement create = connection.createStatement()) {
        create.execute(target.createStatement(found));
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    }
    dialect = found;
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
