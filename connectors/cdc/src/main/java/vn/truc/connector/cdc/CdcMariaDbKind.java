package vn.truc.connector.cdc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import vn.truc.connector.api.ConfigDef;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.ConnectorConfig;
import vn.truc.connector.api.Setting;
import vn.truc.connector.api.SettingType;
import vn.truc.connector.jdbc.JdbcSettings;

/**
 * {@code cdc-mariadb}: the MariaDB (or MySQL) binlog, read as a replica would. Debezium keeps the
 * table's schema history in a file next to its offsets; if that file is lost, the connector
 * rebuilds it from the current table definition and resumes from the saved position.
 */
public final class CdcMariaDbKind extends CdcKind {

  static final String SERVER_ID = "server.id";

  private final ConfigDef config =
      common()
          .define(
              Setting.optional(
                      SERVER_ID,
                      SettingType.LONG,
                      null,
                      "replica server id, unique among the database's replicas; defaults to one"
                          + " derived from the capture name")
                  .atLeast(1));

  @Override
  public String name() {
    return "cdc-mariadb";
  }

  @Override
  public ConfigDef config() {
    return config;
  }

  @Override
  Properties properties(ConnectorConfig config, String engineName, Path stateDir, String position) {
    Path history = stateDir.resolve(engineName + ".history");
    String mode = config.string(SNAPSHOT);
    if (position != null && !Files.exists(history)) {
      // Resuming without the schema history: rebuild it from the table as it is now.
      mode = "recovery";
    }
    long serverId =
        config.has(SERVER_ID)
            ? config.longValue(SERVER_ID)
            : 100_000L + (engineName.hashCode() & 0x7fffffffL) % 1_000_000_000L;
    return EngineProperties.mariaDb(
        commonProperties(config, engineName, stateDir),
        Database.of(config.string(JdbcSettings.URL)).name(),
        config.string(JdbcSettings.TABLE),
        serverId,
        history,
        mode);
  }

  @Override
  void release(ConnectorConfig config, String engineName, Path stateDir) throws Exception {
    Files.deleteIfExists(stateDir.resolve(engineName + ".history"));
  }

  @Override
  List<ConfigProblem> checkCapture(Connection c, ConnectorConfig config) throws SQLException {
    List<ConfigProblem> problems = new ArrayList<>();
    String logBin = single(c, "SELECT @@log_bin");
    if (!"1".equals(logBin) && !"ON".equalsIgnoreCase(logBin)) {
      problems.add(
          new ConfigProblem(
              JdbcSettings.URL,
              "the binary log is off; change capture needs log_bin, binlog_format=ROW and"
                  + " binlog_row_image=FULL in the server's configuration"));
      return problems;
    }
    String format = single(c, "SELECT @@binlog_format");
    if (format == null || !"ROW".equals(format.toUpperCase(Locale.ROOT))) {
      problems.add(
          new ConfigProblem(
              JdbcSettings.URL, "binlog_format is " + format + "; change capture needs ROW"));
    }
    String image = single(c, "SELECT @@binlog_row_image");
    if (image == null || !"FULL".equals(image.toUpperCase(Locale.ROOT))) {
      problems.add(
          new ConfigProblem(
              JdbcSettings.URL,
              "binlog_row_image is "
                  + image
                  + "; change capture needs FULL (deletes carry the row)"));
    }
    return problems;
  }
}
