package vn.truc.connector.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import vn.truc.connector.api.ConfigDef;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.ConnectorConfig;
import vn.truc.connector.api.Setting;
import vn.truc.connector.api.SettingType;
import vn.truc.connector.api.SourceConnector;
import vn.truc.connector.api.SourceKind;
import vn.truc.connector.api.SourceRow;
import vn.truc.connector.api.ValueType;

/**
 * {@code jdbc-polling}: incremental polling on an update timestamp plus key or, for a table that
 * keeps no update time, the whole table by key, again every {@code scan.interval.ms}.
 */
public final class JdbcPollingSourceKind implements SourceKind {

  public static final String TIMESTAMP_COLUMN = "timestamp.column";
  public static final String ZONE = "timestamp.zone";
  public static final String DELAY = "timestamp.delay.ms";
  public static final String SCAN_INTERVAL = "scan.interval.ms";

  private static final ConfigDef CONFIG =
      JdbcSettings.common()
          .define(
              Setting.optional(
                  TIMESTAMP_COLUMN,
                  SettingType.STRING,
                  null,
                  "column holding each row's last-update time; must be set on every insert and"
                      + " update, and indexed together with the key column. Without it the whole"
                      + " table is read by key every scan.interval.ms"))
          .define(
              Setting.optional(
                      ZONE,
                      SettingType.STRING,
                      "Asia/Ho_Chi_Minh",
                      "time zone in which the source writes its timestamps")
                  .withCheck(JdbcPollingSourceKind::validZone))
          .define(
              Setting.optional(
                      DELAY,
                      SettingType.DURATION_MS,
                      0L,
                      "rows younger than this are left for the next poll, so that a transaction"
                          + " still open at poll time is not skipped; set it above your longest"
                          + " write transaction")
                  .atLeast(0))
          .define(
              Setting.optional(
                      SCAN_INTERVAL,
                      SettingType.DURATION_MS,
                      3_600_000L,
                      "without a timestamp column: time between the starts of two full passes"
                          + " over the table")
                  .atLeast(1_000));

  @Override
  public String name() {
    return "jdbc-polling";
  }

  @Override
  public ConfigDef config() {
    return CONFIG;
  }

  @Override
  public SourceConnector create(ConnectorConfig config) {
    HikariDataSource pool =
        JdbcSettings.pool(config, "source-" + config.string(JdbcSettings.TABLE));
    SourceConnector source =
        config.has(TIMESTAMP_COLUMN)
            ? new JdbcPollingSource(
                pool,
                config.string(JdbcSettings.TABLE),
                config.string(JdbcSettings.KEY_COLUMN),
                config.string(TIMESTAMP_COLUMN),
                ZoneId.of(config.string(ZONE)),
                config.duration(DELAY))
            : new JdbcTableScanSource(
                pool,
                config.string(JdbcSettings.TABLE),
                config.string(JdbcSettings.KEY_COLUMN),
                config.duration(SCAN_INTERVAL),
                java.time.Clock.systemUTC());
    return new SourceConnector() {
      @Override
      public List<SourceRow> poll(String position, int maxRows) throws Exception {
        return source.poll(position, maxRows);
      }

      @Override
      public OptionalLong remaining(String position) throws Exception {
        return source.remaining(position);
      }

      @Override
      public void close() {
        pool.close();
      }
    };
  }

  @Override
  public List<ConfigProblem> check(ConnectorConfig config, Set<String> columns) {
    Set<String> needed = new LinkedHashSet<>(columns);
    needed.add(config.string(JdbcSettings.KEY_COLUMN));
    if (config.has(TIMESTAMP_COLUMN)) {
      needed.add(config.string(TIMESTAMP_COLUMN));
    }
    return JdbcCheck.check(config, needed);
  }

  /**
   * The types from the table's metadata. Empty when the database cannot be reached: {@link #check}
   * reports that; a column missing from the table or of a type Trục does not reason about is left
   * out.
   */
  @Override
  public Map<String, ValueType> columnTypes(ConnectorConfig config, Set<String> columns) {
    try (Connection c = JdbcCheck.connect(config)) {
      Map<String, JdbcTypes.LiveColumn> live =
          JdbcCheck.columns(c, config.string(JdbcSettings.TABLE));
      Map<String, ValueType> types = new LinkedHashMap<>();
      for (String column : columns) {
        JdbcTypes.LiveColumn found =
            column == null ? null : live.get(column.toLowerCase(Locale.ROOT));
        if (found != null) {
          JdbcTypes.valueType(found).ifPresent(t -> types.put(column, t));
        }
      }
      return types;
    } catch (SQLException e) {
      return Map.of();
    }
  }

  @Override
  public Optional<String> positionProblem(ConnectorConfig config, String position) {
    try {
      if (config.has(TIMESTAMP_COLUMN)) {
        Watermark.parse(position);
      } else {
        TableScan.parse(position);
      }
      return Optional.empty();
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static Optional<String> validZone(Object value) {
    try {
      ZoneId.of(value.toString());
      return Optional.empty();
    } catch (DateTimeException e) {
      return Optional.of("is not a time zone id such as Asia/Ho_Chi_Minh");
    }
  }
}
