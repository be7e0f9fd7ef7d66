package vn.truc.connector.cdc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import vn.truc.connector.api.ConfigDef;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.ConnectorConfig;
import vn.truc.connector.jdbc.JdbcSettings;

/**
 * {@code cdc-postgres}: PostgreSQL logical decoding with the built-in pgoutput plugin. Debezium
 * creates the replication slot and a publication for the one table, and sets the table's replica
 * identity to FULL so that a delete carries the whole row.
 */
public final class CdcPostgresKind extends CdcKind {

  private final ConfigDef config = common();

  @Override
  public String name() {
    return "cdc-postgres";
  }

  @Override
  public ConfigDef config() {
    return config;
  }

  @Override
  Properties properties(ConnectorConfig config, String engineName, Path stateDir, String position) {
    return EngineProperties.postgres(
        commonProperties(config, engineName, stateDir),
        Database.of(config.string(JdbcSettings.URL)),
        config.string(JdbcSettings.TABLE),
        engineName,
        config.string(SNAPSHOT));
  }

  /**
   * A delete must carry the whole row (the contract's required fields travel with it), which
   * PostgreSQL logs only with REPLICA IDENTITY FULL. Set before the slot exists, so that no change
   * is ever logged with the key alone.
   */
  @Override
  void prepare(ConnectorConfig config) throws SQLException {
    String table = config.string(JdbcSettings.TABLE);
    try (Connection c = connect(config)) {
      String identity =
          single(
              c,
              "SELECT relreplident FROM pg_class WHERE oid = '"
                  + table.replace("'", "''")
                  + "'::regclass");
      if (!"f".equals(identity)) {
        try (var s = c.createStatement()) {
          s.execute("ALTER TABLE " + table + " REPLICA IDENTITY FULL");
        }
      }
    }
  }

  /**
   * A slot nobody reads keeps every WAL segment from being recycled until the province's disk
   * fills: a deleted connector drops its slot and publication.
   */
  @Override
  void release(ConnectorConfig config, String engineName, Path stateDir) throws SQLException {
    try (Connection c = connect(config);
        var s = c.createStatement()) {
      s.execute(
          "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
              + " WHERE slot_name = '"
              + engineName
              + "'");
      s.execute("DROP PUBLICATION IF EXISTS " + engineName);
    }
  }

  @Override
  List<ConfigProblem> checkCapture(Connection c, ConnectorConfig config) throws SQLException {
    List<ConfigProblem> problems = new ArrayList<>();
    String walLevel = single(c, "SHOW wal_level");
    if (!"logical".equals(walLevel)) {
      problems.add(
          new ConfigProblem(
              JdbcSettings.URL,
              "wal_level is "
                  + walLevel
                  + "; change capture needs wal_level=logical in postgresql.conf (then restart)"));
    }
    String canReplicate =
        single(c, "SELECT rolreplication OR rolsuper FROM pg_roles WHERE rolname = current_user");
    if (!"t".equals(canReplicate) && !"true".equals(canReplicate)) {
      problems.add(
          new ConfigProblem(
              JdbcSettings.USER,
              config.string(JdbcSettings.USER)
                  + " lacks the REPLICATION attribute: ALTER ROLE ... WITH REPLICATION"));
    }
    String table = config.string(JdbcSettings.TABLE);
    String identity =
        single(
            c,
            "SELECT CASE WHEN relreplident = 'f' OR pg_has_role(relowner, 'USAGE') THEN 'ok' END"
                + " FROM pg_class WHERE oid = '"
                + table.replace("'", "''")
                + "'::regclass");
    if (!"ok".equals(identity)) {
      problems.add(
          new ConfigProblem(
              JdbcSettings.TABLE,
              "deletes need the whole row: run ALTER TABLE "
                  + table
                  + " REPLICA IDENTITY FULL as its owner (the connector's user is not)"));
    }
    return problems;
  }
}
