package vn.truc.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import vn.truc.connector.api.Columns;
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

  /** Bytes handed to the driver at a time: the batch is never held whole in the COPY format. */
  private static final int COPY_CHUNK = 1 << 16;

  private SqlDialect dialect;
  private String upsertSql;
  private String deleteSql;
  private String stageSql;
  private String copySql;
  private String mergeSql;

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
      try (PreparedStatement delete = connection.prepareStatement(deleteSql)) {
        List<SinkRecord> upserts = new ArrayList<>(latest.size());
        int deletes = 0;
        for (SinkRecord r : latest) {
          if (r.deleted()) {
            delete.setString(1, r.key());
            delete.setObject(2, timestamp(r.changedAt()));
            delete.addBatch();
            deletes++;
          } else {
            upserts.add(r);
          }
        }
        if (!upserts.isEmpty()) {
          if (stageSql != null) {
            copyUpsert(connection, upserts);
          } else {
            batchUpsert(connection, upserts);
          }
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

  private void batchUpsert(Connection connection, List<SinkRecord> upserts) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(upsertSql)) {
      for (SinkRecord r : upserts) {
        bind(upsert, r);
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  /**
   * PostgreSQL: the batch is COPYed into a session-local staging table and upserted from there in
   * one statement. COPY's text rows cost the driver and the server far less than binding and
   * parsing thousands of parameters (measured in docs/benchmarks.md); the upsert's guard is the
   * same statement as the batched path's, with SELECT in place of VALUES.
   */
  private void copyUpsert(Connection connection, List<SinkRecord> upserts) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(stageSql);
    }
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    try {
      CopyText rows = new CopyText(COPY_CHUNK + (COPY_CHUNK >> 2));
      Columns.Names names = null;
      int[] slots = null;
      for (SinkRecord r : upserts) {
        Map<String, Object> values = r.columns();
        // The key is the first column and the version the last (see the constructor).
        rows.value(r.key());
        if (values instanceof Columns row) {
          // The rows of a batch share their names: find the slots once, then read by position.
          if (row.names() != names) {
            names = row.names();
            slots = slots(names);
          }
          for (int slot : slots) {
            rows.value(slot < 0 ? null : row.value(slot));
          }
        } else {
          for (int i = 1; i < columns.size() - 1; i++) {
            rows.value(values.get(columns.get(i)));
          }
        }
        rows.value(r.changedAt());
        rows.endRow();
        if (rows.size() >= COPY_CHUNK) {
          copy.writeToCopy(rows.buffer(), 0, rows.size());
          rows.clear();
        }
      }
      if (rows.size() > 0) {
        copy.writeToCopy(rows.buffer(), 0, rows.size());
      }
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
    try (Statement s = connection.createStatement()) {
      s.executeUpdate(mergeSql);
    }
  }

  /** Where each data column (between the key and the version) is in rows of these names. */
  private int[] slots(Columns.Names names) {
    int[] slots = new int[columns.size() - 2];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = names.slotOf(columns.get(i + 1));
    }
    return slots;
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
    return Timestamp.valueOf(
        LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC));
  }

  // Everything that asks the database comes before the first assignment: a failure half-way
  // (the privilege query on a dropped connection) must leave the sink unprepared, to try again
  // with the next batch, not prepared without its statements.
  private synchronized void prepare(Connection connection) throws SQLException {
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
    boolean stage = found == SqlDialect.POSTGRESQL && mayCreateTemporaryTables(connection);
    dialect = found;
    upsertSql = dialect.upsert(table, keyColumn, versionColumn, columns, deliveredColumn);
    if (stage) {
      // Per session, emptied by every commit; "truc_stage" alone would clash between two sinks
      // sharing a pool.
      String staging = "truc_stage_" + Integer.toHexString(table.hashCode() & 0x7fffffff);
      String list = dialect.columnList(columns);
      stageSql =
          "CREATE TEMP TABLE IF NOT EXISTS "
              + dialect.quote(staging)
              + " ON COMMIT DELETE ROWS AS SELECT "
              + list
              + " FROM "
              + dialect.quote(table)
              + " WITH NO DATA";
      copySql = "COPY " + dialect.quote(staging) + " (" + list + ") FROM STDIN";
      mergeSql =
          dialect.upsertFrom(staging, table, keyColumn, versionColumn, columns, deliveredColumn);
    }
    deleteSql =
        "DELETE FROM "
            + dialect.quote(table)
            + " WHERE "
            + dialect.quote(keyColumn)
            + " = ? AND "
            + dialect.quote(versionColumn)
            + " <= ?";
  }

  // A receiver's account without the TEMPORARY privilege gets the batched statements instead.
  private static boolean mayCreateTemporaryTables(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery("SELECT has_database_privilege(current_database(), 'TEMPORARY')")) {
      return rs.next() && rs.getBoolean(1);
    }
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
