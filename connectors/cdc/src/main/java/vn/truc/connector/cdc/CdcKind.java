package vn.truc.connector.cdc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import vn.truc.connector.api.ConfigDef;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.ConnectorConfig;
import vn.truc.connector.api.Setting;
import vn.truc.connector.api.SettingType;
import vn.truc.connector.api.SourceConnector;
import vn.truc.connector.api.SourceKind;
import vn.truc.connector.api.ValueType;
import vn.truc.connector.jdbc.JdbcCheck;
import vn.truc.connector.jdbc.JdbcPollingSourceKind;
import vn.truc.connector.jdbc.JdbcSettings;

/**
 * What the PostgreSQL and MariaDB change-capture kinds share: the JDBC settings every Trục database
 * connector has, plus where Debezium keeps its files and how the snapshot starts.
 */
abstract class CdcKind implements SourceKind {

  static final String NAME = "capture.name";
  static final String SNAPSHOT = "snapshot.mode";
  static final String STATE_DIR = "state.dir";
  static final String BATCH = "max.batch.size";

  /** Set by the platform to its data directory; Debezium's files live under it. */
  static final String STATE_DIR_PROPERTY = "truc.cdc.state-dir";

  ConfigDef common() {
    return JdbcSettings.common()
        .define(
            Setting.optional(
                NAME,
                SettingType.STRING,
                null,
                "name of the capture: Debezium's engine and, on PostgreSQL, the replication slot"
                    + " and publication; defaults to one derived from the URL and table"))
        .define(
            Setting.optional(
                    SNAPSHOT,
                    SettingType.STRING,
                    "initial",
                    "initial: copy the table once, then stream its changes; no_data: stream"
                        + " changes from now on only")
                .withCheck(
                    v ->
                        "initial".equals(v) || "no_data".equals(v)
                            ? java.util.Optional.empty()
                            : java.util.Optional.of("must be initial or no_data")))
        .define(
            Setting.optional(
                    BATCH, SettingType.INT, 2048, "most changes Debezium hands over at once")
                .atLeast(1))
        .define(
            Setting.optional(
                STATE_DIR,
                SettingType.STRING,
                null,
                "directory for Debezium's offset seed and schema history; defaults to the"
                    + " platform's data directory"));
  }

  String engineName(ConnectorConfig config) {
    if (config.has(NAME)) {
      return EngineProperties.safeName(config.string(NAME));
    }
    String basis = config.string(JdbcSettings.URL) + "|" + config.string(JdbcSettings.TABLE);
    String hash = Integer.toHexString(basis.hashCode() & 0x7fffffff);
    return EngineProperties.safeName("truc_" + config.string(JdbcSettings.TABLE) + "_" + hash);
  }

  Path stateDir(ConnectorConfig config) {
    if (config.has(STATE_DIR)) {
      return Path.of(config.string(STATE_DIR));
    }
    String platform = System.getProperty(STATE_DIR_PROPERTY);
    return platform != null
        ? Path.of(platform)
        : Path.of(System.getProperty("java.io.tmpdir"), "truc-cdc");
  }

  Properties commonProperties(ConnectorConfig config, String engineName, Path stateDir) {
    return EngineProperties.common(
        engineName,
        stateDir,
        Database.of(config.string(JdbcSettings.URL)),
        config.string(JdbcSettings.USER),
        config.string(JdbcSettings.PASSWORD),
        config.integer(BATCH));
  }

  @Override
  public SourceConnector create(ConnectorConfig config) {
    String engineName = engineName(config);
    Path stateDir = stateDir(config);
    return new CdcSource(
        engineName,
        stateDir.resolve(engineName + ".offsets"),
        position -> {
          prepare(config);
          return properties(config, engineName, stateDir, position);
        },
        () -> release(config, engineName, stateDir),
        () -> count(config),
        // One batch handed over and not yet saved, besides Debezium's queue (EngineProperties).
        config.integer(BATCH));
  }

  /** Drops what the capture made at the source and in the state directory. */
  abstract void release(ConnectorConfig config, String engineName, Path stateDir) throws Exception;

  /** Readies the database before each start; nothing by default. */
  void prepare(ConnectorConfig config) throws SQLException {}

  abstract Properties properties(
      ConnectorConfig config, String engineName, Path stateDir, String position);

  @Override
  public List<ConfigProblem> check(ConnectorConfig config, Set<String> columns) {
    List<String> needed = new ArrayList<>(columns);
    needed.add(config.string(JdbcSettings.KEY_COLUMN));
    List<ConfigProblem> problems = new ArrayList<>(JdbcCheck.check(config, needed));
    if (problems.isEmpty()) {
      try (Connection c = connect(config)) {
        problems.addAll(checkCapture(c, config));
      } catch (SQLException e) {
        problems.add(new ConfigProblem(JdbcSettings.URL, "cannot connect: " + e.getMessage()));
      }
    }
    return problems;
  }

  /** Whether the database is set up for change capture, each problem with how to fix it. */
  abstract List<ConfigProblem> checkCapture(Connection c, ConnectorConfig config)
      throws SQLException;

  @Override
  public Map<String, ValueType> columnTypes(ConnectorConfig config, Set<String> columns) {
    // Debezium hands values over as the JDBC driver would, so the polling kind's answer holds.
    return new JdbcPollingSourceKind().columnTypes(config, columns);
  }

  @Override
  public java.util.Optional<String> positionProblem(ConnectorConfig config, String position) {
    try {
      CdcPosition.parse(position);
      return java.util.Optional.empty();
    } catch (IllegalArgumentException e) {
      return java.util.Optional.of(e.getMessage());
    }
  }

  static Connection connect(ConnectorConfig config) throws SQLException {
    return DriverManager.getConnection(
        config.string(JdbcSettings.URL),
        config.string(JdbcSettings.USER),
        config.string(JdbcSettings.PASSWORD));
  }

  static String single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static long count(ConnectorConfig config) {
    try (Connection c = connect(config)) {
      String n = single(c, "SELECT COUNT(*) FROM " + config.string(JdbcSettings.TABLE));
      return n == null ? -1 : Long.parseLong(n);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
