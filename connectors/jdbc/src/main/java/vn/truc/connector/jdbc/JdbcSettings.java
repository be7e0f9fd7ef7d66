package vn.truc.connector.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import vn.truc.connector.api.ConfigDef;
import vn.truc.connector.api.ConnectorConfig;
import vn.truc.connector.api.Setting;
import vn.truc.connector.api.SettingType;

/** Settings every JDBC connector shares, and the pool made from them. */
public final class JdbcSettings {

  public static final String URL = "jdbc.url";
  public static final String USER = "jdbc.user";
  public static final String PASSWORD = "jdbc.password";
  public static final String TABLE = "table";
  public static final String KEY_COLUMN = "key.column";
  public static final String POOL_SIZE = "pool.size";

  private JdbcSettings() {}

  public static ConfigDef common() {
    return new ConfigDef()
        .define(
            Setting.required(
                    URL, SettingType.STRING, "JDBC URL, jdbc:postgresql://… or jdbc:mariadb://…")
                .withCheck(
                    v ->
                        v.toString().startsWith("jdbc:postgresql:")
                                || v.toString().startsWith("jdbc:mariadb:")
                                || v.toString().startsWith("jdbc:mysql:")
                            ? Optional.empty()
                            : Optional.of(
                                "must start with jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:")))
        .define(Setting.required(USER, SettingType.STRING, "database user"))
        .define(Setting.optional(PASSWORD, SettingType.PASSWORD, "", "database password"))
        .define(Setting.required(TABLE, SettingType.STRING, "table name"))
        .define(Setting.required(KEY_COLUMN, SettingType.STRING, "column that keys each row"))
        .define(
            Setting.optional(POOL_SIZE, SettingType.INT, 2, "connections kept open").atLeast(1));
  }

  static HikariDataSource pool(ConnectorConfig config, String name) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setJdbcUrl(config.string(URL));
    hikari.setUsername(config.string(USER));
    hikari.setPassword(config.string(PASSWORD));
    hikari.setMaximumPoolSize(config.integer(POOL_SIZE));
    hikari.setMinimumIdle(1);
    if (config.string(URL).startsWith("jdbc:postgresql:")) {
      // One multi-row INSERT per batch instead of one round trip per row.
      hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    // A province database that is down must not stop the platform from starting: the route
    // retries and reports it in health instead.
    hikari.setInitializationFailTimeout(-1);
    // Fail fast while a database is down, so the routes' retry settings (not a 30 s wait per
    // attempt) govern how long a batch is held before the consumer re-reads it.
    hikari.setConnectionTimeout(5_000);
    return new HikariDataSource(hikari);
  }
}
