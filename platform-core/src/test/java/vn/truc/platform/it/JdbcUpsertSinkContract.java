package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.truc.connector.api.ConfigDef;
import vn.truc.connector.api.SinkConnector;
import vn.truc.connector.api.SinkRecord;
import vn.truc.connector.jdbc.JdbcUpsertSinkKind;

/** The JDBC upsert sink's promises, on a real PostgreSQL and a real MariaDB. */
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

  private record Target(String url, String user, String password, String table) {}

  private Target target(String db, String table) throws Exception {
    TestEngines e = engines();
    Target t =
        db.equals("postgresql")
            ? new Target(e.postgresDatabase("sinks"), e.postgresUser(), e.postgresPassword(), table)
            : new Target(e.mariaDbDatabase("sinks"), e.mariaDbUser(), e.mariaDbPassword(), table);
    try (Connection c = DriverManager.getConnection(t.url(), t.user(), t.password());
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE "
              + table
              + " (id VARCHAR(12) PRIMARY KEY, name VARCHAR(100), changed_at TIMESTAMP(6) NOT NULL)");
    }
    return t;
  }

  private static SinkConnector sink(Target t) {
    JdbcUpsertSinkKind kind = new JdbcUpsertSinkKind();
    ConfigDef def = kind.config();
    Map<String, Object> settings = new HashMap<>();
    settings.put("jdbc.url", t.url());
    settings.put("jdbc.user", t.user());
    settings.put("jdbc.password", t.password());
    settings.put("table", t.table());
    settings.put("key.column", "id");
    settings.put("version.column", "changed_at");
    return kind.create(
        def.parse(settings),
        List.of(
            new vn.truc.connector.api.TargetColumn(
                "name", vn.truc.connector.api.ValueType.STRING, true)));
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
