package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.truc.connector.api.Columns;
import vn.truc.connector.api.ConfigDef;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.ConnectorConfig;
import vn.truc.connector.api.SinkConnector;
import vn.truc.connector.api.SinkRecord;
import vn.truc.connector.api.SourceConnector;
import vn.truc.connector.api.SourceRow;
import vn.truc.connector.api.TargetColumn;
import vn.truc.connector.api.ValueType;
import vn.truc.connector.jdbc.JdbcPollingSourceKind;
import vn.truc.connector.jdbc.JdbcUpsertSinkKind;

/**
 * The JDBC connectors' promises on a real PostgreSQL and a real MariaDB: the upsert sink's
 * ordering, its table creation and its live check; the polling source's count of what remains.
 */
abstract class JdbcUpsertSinkContract extends EnginesContract {

  private static final Instant T1 = Instant.parse("2026-03-01T08:00:00.000001Z");
  private static final Instant T2 = Instant.parse("2026-03-01T08:00:00.000002Z");
  private static final Instant T3 = Instant.parse("2026-03-02T08:00:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void newestVersionWinsWhateverTheOrderAndReplaysChangeNothing(String db) throws Exception {
    Target target = target(db, "newest_" + db);
    try (SinkConnector sink = sink(target)) {
      sink.write(List.of(record("k1", "mới", T2)));
      sink.write(List.of(record("k1", "cũ", T1))); // older, arrives late
      assertThat(names(target)).containsExactlyEntriesOf(Map.of("k1", "mới"));

      // Three versions of one key in one batch: only the newest is written.
      List<SinkRecord> batch =
          List.of(record("k2", "b", T2), record("k2", "c", T3), record("k2", "a", T1));
      sink.write(batch);
      sink.write(batch); // a redelivered batch
      assertThat(names(target)).containsEntry("k2", "c").hasSize(2);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void deleteRemovesOnlyVersionsItIsNewerThan(String db) throws Exception {
    Target target = target(db, "deletes_" + db);
    try (SinkConnector sink = sink(target)) {
      sink.write(List.of(record("k1", "x", T2), record("k2", "y", T2)));
      sink.write(List.of(delete("k1", T3), delete("k2", T1)));
      assertThat(names(target)).containsExactlyEntriesOf(Map.of("k2", "y"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void rowsAsColumnsAreReadByNameWhateverTheirOrder(String db) throws Exception {
    Target target = database(db, "columns_" + db);
    createTable(
        target,
        "(id VARCHAR(12) PRIMARY KEY, name VARCHAR(100), unit VARCHAR(100),"
            + " changed_at TIMESTAMP(6) NOT NULL)");
    // Two sets of names in one batch, neither in the table's order: one with a column the sink
    // does not write, one without "unit".
    Columns.Names wide = new Columns.Names(List.of("extra", "unit", "name"));
    Columns.Names narrow = new Columns.Names(List.of("name"));
    List<SinkRecord> batch =
        List.of(
            new SinkRecord("k1", wide.row(new Object[] {"x", "Sở Nội vụ", "An"}), T1, "1", false),
            new SinkRecord("k2", narrow.row(new Object[] {"Bình"}), T1, "2", false),
            new SinkRecord("k3", wide.row(new Object[] {"y", null, "Chi"}), T1, "3", false));
    try (SinkConnector sink =
        new JdbcUpsertSinkKind()
            .create(
                new JdbcUpsertSinkKind().config().parse(settings(target)),
                List.of(
                    new TargetColumn("name", ValueType.STRING, true),
                    new TargetColumn("unit", ValueType.STRING, true)))) {
      sink.write(batch);
    }

    Map<String, String> rows = new HashMap<>();
    try (Connection c =
            DriverManager.getConnection(target.url(), target.user(), target.password());
        ResultSet rs =
            c.createStatement().executeQuery("SELECT id, name, unit FROM " + target.table())) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getString(2) + "/" + rs.getString(3));
      }
    }
    assertThat(rows)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("k1", "An/Sở Nội vụ", "k2", "Bình/null", "k3", "Chi/null"));
  }

  @org.junit.jupiter.api.Test
  void anAccountThatMayNotCreateTemporaryTablesGetsTheBatchedStatements() throws Exception {
    TestEngines e = engines();
    String url = e.postgresDatabase("sinks_no_temp");
    try (Connection c = DriverManager.getConnection(url, e.postgresUser(), e.postgresPassword());
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS no_temp"
              + " (id VARCHAR(12) PRIMARY KEY, name VARCHAR(100), changed_at TIMESTAMP(6) NOT NULL)");
      s.execute("TRUNCATE no_temp");
      // Roles are the server's, not the database's: a kept engine already has it.
      s.execute(
          "DO $$ BEGIN CREATE ROLE receiver_no_temp LOGIN PASSWORD 'r';"
              + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
      s.execute("REVOKE TEMPORARY ON DATABASE sinks_no_temp FROM PUBLIC");
      s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON no_temp TO receiver_no_temp");
    }
    Target t = new Target(url, "receiver_no_temp", "r", "no_temp");
    try (Connection c = DriverManager.getConnection(url, t.user(), t.password());
        Statement s = c.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> s.execute("CREATE TEMP TABLE staging_probe (a INT)"))
          .hasMessageContaining("permission denied");
    }

    try (SinkConnector sink = sink(t)) {
      sink.write(List.of(record("k1", "a", T1), record("k2", "b", T1)));
      sink.write(List.of(record("k1", "c", T2)));
    }

    assertThat(names(t)).containsExactlyInAnyOrderEntriesOf(Map.of("k1", "c", "k2", "b"));
  }

  /** Every type a contract field can give a column, as FieldTypes derives them. */
  private static final List<TargetColumn> TYPED =
      List.of(
          new TargetColumn("full_name", ValueType.STRING, false),
          new TargetColumn("date_of_birth", ValueType.STRING, false),
          new TargetColumn("salary_step", ValueType.INT, true),
          new TargetColumn("population", ValueType.LONG, true),
          new TargetColumn("ratio", ValueType.DOUBLE, true),
          new TargetColumn("salary_coefficient", ValueType.DECIMAL, true),
          new TargetColumn("missing", ValueType.BOOLEAN, false),
          new TargetColumn("recruitment_date", ValueType.DATE, true),
          new TargetColumn("changed_at_source", ValueType.TIMESTAMP, true),
          new TargetColumn("photo", ValueType.BYTES, true));

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void createsAMissingTableWithContractTypesWhenAsked(String db) throws Exception {
    Target target = database(db, "auto_" + db);
    JdbcUpsertSinkKind kind = new JdbcUpsertSinkKind();
    Map<String, Object> settings = settings(target);
    settings.put("delivered.column", "delivered_at");
    assertThat(kind.check(kind.config().parse(settings), TYPED))
        .extracting(ConfigProblem::field)
        .containsExactly("table");
    settings.put("table.auto.create", "true");
    ConnectorConfig config = kind.config().parse(settings);
    assertThat(kind.check(config, TYPED)).isEmpty();

    Instant sourceTime = Instant.parse("2026-02-03T04:05:06.123456Z");
    Map<String, Object> values = new HashMap<>();
    values.put("full_name", "Nguyễn Thị Hương");
    values.put("date_of_birth", "1985-03");
    values.put("salary_step", 3);
    values.put("population", 9_876_543_210L);
    values.put("ratio", 0.125d);
    values.put("salary_coefficient", new BigDecimal("2.34"));
    values.put("missing", true);
    values.put("recruitment_date", LocalDate.of(2007, 6, 1));
    values.put("changed_at_source", sourceTime);
    values.put("photo", new byte[] {1, 2, 3});
    try (SinkConnector sink = kind.create(config, TYPED)) {
      sink.write(List.of(new SinkRecord("001085012345", values, T1, "p1", false)));
      values.put("salary_step", 4);
      sink.write(List.of(new SinkRecord("001085012345", values, T2, "p2", false)));
      values.put("salary_step", 2);
      sink.write(List.of(new SinkRecord("001085012345", values, T1, "p1", false)));
    }

    try (Connection c =
            DriverManager.getConnection(target.url(), target.user(), target.password());
        ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + target.table())) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("id")).isEqualTo("001085012345");
      assertThat(rs.getString("full_name")).isEqualTo("Nguyễn Thị Hương");
      assertThat(rs.getString("date_of_birth")).isEqualTo("1985-03");
      assertThat(rs.getInt("salary_step")).isEqualTo(4);
      assertThat(rs.getLong("population")).isEqualTo(9_876_543_210L);
      assertThat(rs.getDouble("ratio")).isEqualTo(0.125d);
      assertThat(rs.getBigDecimal("salary_coefficient")).isEqualByComparingTo("2.34");
      assertThat(rs.getBoolean("missing")).isTrue();
      assertThat(rs.getObject("recruitment_date", LocalDate.class))
          .isEqualTo(LocalDate.of(2007, 6, 1));
      assertThat(rs.getObject("changed_at_source", LocalDateTime.class))
          .isEqualTo(LocalDateTime.ofInstant(sourceTime, ZoneOffset.UTC));
      assertThat(rs.getBytes("photo")).containsExactly(1, 2, 3);
      assertThat(rs.getObject("changed_at", LocalDateTime.class))
          .isEqualTo(LocalDateTime.ofInstant(T2, ZoneOffset.UTC));
      assertThat(rs.getTimestamp("delivered_at")).isNotNull();
      assertThat(rs.next()).isFalse();
    }
    // The table Trục made passes Trục's own check, auto-create on or off.
    assertThat(kind.check(config, TYPED)).isEmpty();
    settings.put("table.auto.create", "false");
    assertThat(kind.check(kind.config().parse(settings), TYPED)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void checkNamesEachMissingAndEachWrongTypedColumn(String db) throws Exception {
    Target target = database(db, "checked_" + db);
    createTable(
        target,
        "(id VARCHAR(12) PRIMARY KEY, name VARCHAR(100), recruitment_date INTEGER,"
            + " changed_at TIMESTAMP(6) NOT NULL)");
    JdbcUpsertSinkKind kind = new JdbcUpsertSinkKind();
    Map<String, Object> settings = settings(target);
    settings.put("delivered.column", "delivered_at");
    // Auto-create changes nothing for a table that exists: it is never altered.
    settings.put("table.auto.create", "true");
    List<TargetColumn> columns =
        List.of(
            new TargetColumn("name", ValueType.STRING, false),
            new TargetColumn("recruitment_date", ValueType.DATE, true),
            new TargetColumn("salary_step", ValueType.INT, true));

    List<ConfigProblem> problems = kind.check(kind.config().parse(settings), columns);

    assertThat(problems)
        .extracting(ConfigProblem::field)
        .containsExactly("delivered.column", "columns.recruitment_date", "columns.salary_step");
    assertThat(problems.get(1).reason())
        .contains("'recruitment_date' is INT")
        .contains("cannot hold the field's DATE values");
    assertThat(problems.get(2).reason()).contains("ADD COLUMN").contains("salary_step");
    assertThat(kind.check(kind.config().parse(settings), columns.subList(0, 1)))
        .extracting(ConfigProblem::field)
        .containsExactly("delivered.column");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void pollingSourceCountsWhatRemainsAndReportsColumnTypes(String db) throws Exception {
    Target source = database(db, "hr_" + db);
    try (Connection c =
            DriverManager.getConnection(source.url(), source.user(), source.password());
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE "
              + source.table()
              + " (ma_cb BIGINT PRIMARY KEY, ho_ten VARCHAR(100), ngay_sinh DATE, bac_luong INT,"
              + " he_so DECIMAL(4,2), cap_nhat TIMESTAMP(6) NOT NULL)");
      s.execute(
          "INSERT INTO "
              + source.table()
              + " (ma_cb, ho_ten, ngay_sinh, bac_luong, he_so, cap_nhat) VALUES"
              + " (1, 'A', '1985-03-12', 1, 2.34, '2020-01-01 00:00:00'),"
              + " (2, 'B', '1986-03-12', 2, 2.67, '2020-01-02 00:00:00'),"
              + " (3, 'C', '1987-03-12', 3, 3.00, '2020-01-02 00:00:00'),"
              + " (4, 'D', '1988-03-12', 4, 3.33, '2020-01-03 00:00:00'),"
              + " (5, 'E', '1989-03-12', 5, 3.66, '2020-01-04 00:00:00')");
    }
    JdbcPollingSourceKind kind = new JdbcPollingSourceKind();
    Map<String, Object> settings = new HashMap<>();
    settings.put("jdbc.url", source.url());
    settings.put("jdbc.user", source.user());
    settings.put("jdbc.password", source.password());
    settings.put("table", source.table());
    settings.put("key.column", "ma_cb");
    settings.put("timestamp.column", "cap_nhat");
    settings.put("timestamp.zone", "UTC");
    ConnectorConfig config = kind.config().parse(settings);

    try (SourceConnector connector = kind.create(config)) {
      assertThat(connector.remaining(null)).hasValue(5);
      List<SourceRow> first = connector.poll(null, 2);
      String position = first.get(first.size() - 1).position();
      // Rows 2 and 3 share a timestamp: the key splits them exactly where the poll stopped.
      assertThat(position).isEqualTo("2020-01-02T00:00|2");
      assertThat(connector.remaining(position)).hasValue(3);
      assertThat(connector.remaining("2020-01-02T00:00|")).hasValue(4);
      List<SourceRow> rest = connector.poll(position, 100);
      assertThat(rest).hasSize(3);
      assertThat(connector.remaining(rest.get(2).position())).hasValue(0);
    }

    assertThat(
            kind.columnTypes(
                config,
                Set.of("ma_cb", "HO_TEN", "ngay_sinh", "bac_luong", "he_so", "cap_nhat", "nope")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "ma_cb", ValueType.LONG,
                "HO_TEN", ValueType.STRING,
                "ngay_sinh", ValueType.DATE,
                "bac_luong", ValueType.INT,
                "he_so", ValueType.DECIMAL,
                "cap_nhat", ValueType.TIMESTAMP));
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void aTableWithoutUpdateTimeIsReadWholeByKeyEachInterval(String db) throws Exception {
    Target source = database(db, "scan_" + db);
    try (Connection c =
            DriverManager.getConnection(source.url(), source.user(), source.password());
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE " + source.table() + " (ma_cb BIGINT PRIMARY KEY, ho_ten VARCHAR(100))");
      s.execute(
          "INSERT INTO "
              + source.table()
              + " VALUES (10, 'A'), (2, 'B'), (33, 'C'), (4, 'D'), (5, 'E')");
    }
    java.time.Instant t0 = java.time.Instant.parse("2026-11-22T01:00:00Z");
    java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
        new java.util.concurrent.atomic.AtomicReference<>(t0);
    java.time.Clock clock =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public java.time.Instant instant() {
            return now.get();
          }
        };
    try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource()) {
      pool.setJdbcUrl(source.url());
      pool.setUsername(source.user());
      pool.setPassword(source.password());
      SourceConnector scan =
          new vn.truc.connector.jdbc.JdbcTableScanSource(
              pool, source.table(), "ma_cb", java.time.Duration.ofHours(1), clock);

      assertThat(scan.remaining(null)).hasValue(5);
      List<SourceRow> first = scan.poll(null, 3);
      // Numeric keys in numeric order, every row versioned by the start of its pass.
      assertThat(first)
          .extracting(r -> r.columns().get("ma_cb").toString())
          .containsExactly("2", "4", "5");
      assertThat(first).extracting(SourceRow::changedAt).containsOnly(t0);
      String position = first.get(2).position();
      assertThat(scan.remaining(position)).hasValue(2);
      List<SourceRow> rest = scan.poll(position, 3);
      assertThat(rest)
          .extracting(r -> r.columns().get("ma_cb").toString())
          .containsExactly("10", "33");
      String end = rest.get(1).position();
      assertThat(scan.poll(end, 3)).as("the pass is over; the next waits").isEmpty();

      now.set(t0.plus(java.time.Duration.ofMinutes(61)));
      List<SourceRow> next = scan.poll(end, 10);
      assertThat(next).hasSize(5);
      assertThat(next).extracting(SourceRow::changedAt).containsOnly(now.get());
    }
  }

  private record Target(String url, String user, String password, String table) {}

  /** Where a table of that name would be; the table is not created. */
  private Target database(String db, String table) throws Exception {
    TestEngines e = engines();
    return db.equals("postgresql")
        ? new Target(e.postgresDatabase("sinks"), e.postgresUser(), e.postgresPassword(), table)
        : new Target(e.mariaDbDatabase("sinks"), e.mariaDbUser(), e.mariaDbPassword(), table);
  }

  private Target target(String db, String table) throws Exception {
    Target t = database(db, table);
    createTable(
        t, "(id VARCHAR(12) PRIMARY KEY, name VARCHAR(100), changed_at TIMESTAMP(6) NOT NULL)");
    return t;
  }

  private static void createTable(Target t, String columns) throws Exception {
    try (Connection c = DriverManager.getConnection(t.url(), t.user(), t.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + t.table() + " " + columns);
    }
  }

  private static Map<String, Object> settings(Target t) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("jdbc.url", t.url());
    settings.put("jdbc.user", t.user());
    settings.put("jdbc.password", t.password());
    settings.put("table", t.table());
    settings.put("key.column", "id");
    settings.put("version.column", "changed_at");
    return settings;
  }

  private static SinkConnector sink(Target t) {
    JdbcUpsertSinkKind kind = new JdbcUpsertSinkKind();
    ConfigDef def = kind.config();
    return kind.create(
        def.parse(settings(t)), List.of(new TargetColumn("name", ValueType.STRING, true)));
  }

  private static SinkRecord record(String key, String name, Instant version) {
    return new SinkRecord(key, Map.of("name", name), version, version.toString(), false);
  }

  private static SinkRecord delete(String key, Instant version) {
    return new SinkRecord(key, Map.of(), version, version.toString(), true);
  }

  private static Map<String, String> names(Target t) throws Exception {
    Map<String, String> names = new HashMap<>();
    try (Connection c = DriverManager.getConnection(t.url(), t.user(), t.password());
        ResultSet rs = c.createStatement().executeQuery("SELECT id, name FROM " + t.table())) {
      while (rs.next()) {
        names.put(rs.getString(1), rs.getString(2));
      }
    }
    return names;
  }
}
