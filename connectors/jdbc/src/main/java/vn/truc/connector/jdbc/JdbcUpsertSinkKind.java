package vn.truc.connector.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import vn.truc.connector.api.ConfigDef;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.ConnectorConfig;
import vn.truc.connector.api.Setting;
import vn.truc.connector.api.SettingType;
import vn.truc.connector.api.SinkConnector;
import vn.truc.connector.api.SinkKind;
import vn.truc.connector.api.SinkRecord;
import vn.truc.connector.api.TargetColumn;

/** {@code jdbc-upsert}: batched idempotent upsert, newest version wins. */
public final class JdbcUpsertSinkKind implements SinkKind {

  public static final String VERSION_COLUMN = "version.column";
  public static final String DELIVERED_COLUMN = "delivered.column";
  public static final String AUTO_CREATE = "table.auto.create";

  private static final ConfigDef CONFIG =
      JdbcSettings.common()
          .define(
              Setting.optional(
                  VERSION_COLUMN,
                  SettingType.STRING,
                  "source_changed_at",
                  "timestamp column holding the version of each row; an older version never"
                      + " overwrites a newer one"))
          .define(
              Setting.optional(
                  DELIVERED_COLUMN,
                  SettingType.STRING,
                  null,
                  "optional timestamp column set to the database's time of each write, so the"
                      + " receiver can see when a record arrived"))
          .define(
              Setting.optional(
                  AUTO_CREATE,
                  SettingType.BOOLEAN,
                  false,
                  "create the table on the first write when it does not exist: the key column as"
                      + " primary key, the data columns typed from the contract, the version"
                      + " column and the delivered column if set; an existing table is never"
                      + " altered"));

  @Override
  public String name() {
    return "jdbc-upsert";
  }

  @Override
  public ConfigDef config() {
    return CONFIG;
  }

  /**
   * Checks the live table: that it exists (or will be created), that it has the key, version,
   * delivered and data columns, and that each column's SQL type can hold what the sink writes.
   */
  @Override
  public List<ConfigProblem> check(ConnectorConfig config, List<TargetColumn> columns) {
    SinkTable table = table(config, columns);
    return JdbcCheck.withConnection(
        config,
        c ->
            SinkTableCheck.problems(
                table,
                JdbcCheck.columns(c, table.name()),
                config.bool(AUTO_CREATE),
                SqlDialect.of(c),
                config.string(JdbcSettings.USER)));
  }

  @Override
  public SinkConnector create(ConnectorConfig config, List<TargetColumn> columns) {
    HikariDataSource pool = JdbcSettings.pool(config, "sink-" + config.string(JdbcSettings.TABLE));
    JdbcUpsertSink sink =
        new JdbcUpsertSink(pool, table(config, columns), config.bool(AUTO_CREATE));
    return new SinkConnector() {
      @Override
      public int write(List<SinkRecord> records) throws Exception {
        return sink.write(records);
      }

      @Override
      public void close() {
        pool.close();
      }
    };
  }

  private static SinkTable table(ConnectorConfig config, List<TargetColumn> columns) {
    return new SinkTable(
        config.string(JdbcSettings.TABLE),
        config.string(JdbcSettings.KEY_COLUMN),
        config.string(VERSION_COLUMN),
        columns,
        config.has(DELIVERED_COLUMN) ? config.string(DELIVERED_COLUMN) : null);
  }
}
