package vn.truc.connector.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import vn.truc.connector.api.ConfigDef;
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
                      + " receiver can see when a record arrived"));

  @Override
  public String name() {
    return "jdbc-upsert";
  }

  @Override
  public ConfigDef config() {
    return CONFIG;
  }

  @Override
  public List<vn.truc.connector.api.ConfigProblem> check(
      ConnectorConfig config, List<TargetColumn> columns) {
    List<String> needed =
        new java.util.ArrayList<>(columns.stream().map(TargetColumn::name).toList());
    needed.add(config.string(JdbcSettings.KEY_COLUMN));
    needed.add(config.string(VERSION_COLUMN));
    if (config.has(DELIVERED_COLUMN)) {
      needed.add(config.string(DELIVERED_COLUMN));
    }
    return JdbcCheck.check(config, needed);
  }

  @Override
  public SinkConnector create(ConnectorConfig config, List<TargetColumn> columns) {
    HikariDataSource pool = JdbcSettings.pool(config, "sink-" + config.string(JdbcSettings.TABLE));
    JdbcUpsertSink sink =
        new JdbcUpsertSink(
            pool,
            config.string(JdbcSettings.TABLE),
            config.string(JdbcSettings.KEY_COLUMN),
            config.string(VERSION_COLUMN),
            columns.stream().map(TargetColumn::name).toList(),
            config.has(DELIVERED_COLUMN) ? config.string(DELIVERED_COLUMN) : null);
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
}
