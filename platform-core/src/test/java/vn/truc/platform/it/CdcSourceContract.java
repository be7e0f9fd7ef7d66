package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.truc.connector.api.ConnectorConfig;
import vn.truc.connector.api.SourceConnector;
import vn.truc.connector.api.SourceKind;
import vn.truc.connector.api.SourceRow;

/**
 * The change-capture sources' promises on a real PostgreSQL (logical decoding) and a real MariaDB
 * (binlog): a snapshot, then inserts, updates and deletes in commit order, the same changes again
 * after a poll from an earlier position, and after a restart only what came after the saved
 * position.
 */
abstract class CdcSourceContract extends EnginesContract {

  @ParameterizedTest
  @ValueSource(strings = {"cdc-postgres", "cdc-mariadb"})
  void snapshotThenInsertsUpdatesAndDeletesInOrder(String kindName) throws Exception {
    Db db = db(kindName, "people_" + kindName.replace('-', '_'));
    db.exec(
        "CREATE TABLE "
            + db.table()
            + " (id VARCHAR(12) PRIMARY KEY, name VARCHAR(100) NOT NULL, born DATE)");
    db.exec(
        "INSERT INTO "
            + db.table()
            + " VALUES ('k1', 'Nguyễn Văn An', '1985-03-12'), ('k2', 'Trần Thị Bình', NULL),"
            + " ('k3', 'Lê Văn Cường', '1988-11-20')");
    SourceKind kind = kind(kindName);
    ConnectorConfig config = kind.config().parse(db.settings());
    assertThat(kind.check(config, Set.of("id", "name", "born"))).isEmpty();

    String saved;
    try (SourceConnector source = kind.create(config)) {
      List<SourceRow> snapshot = pollUntil(source, null, 3);
      assertThat(snapshot)
          .extracting(r -> r.columns().get("id"))
          .containsExactlyInAnyOrder("k1", "k2", "k3");
      SourceRow k1 =
          snapshot.stream().filter(r -> r.columns().get("id").equals("k1")).findFirst().get();
      assertThat(k1.columns().get("born")).isEqualTo(java.sql.Date.valueOf("1985-03-12"));
      assertThat(k1.deleted()).isFalse();
      saved = snapshot.get(2).position();

      db.exec("UPDATE " + db.table() + " SET name = 'Nguyễn Văn Anh' WHERE id = 'k1'");
      db.exec("DELETE FROM " + db.table() + " WHERE id = 'k2'");
      db.exec("INSERT INTO " + db.table() + " VALUES ('k4', 'Phạm Thị Dung', '1995-01-01')");

      List<SourceRow> changes = pollUntil(source, saved, 3);
      assertThat(changes).extracting(r -> r.columns().get("id")).containsExactly("k1", "k2", "k4");
      assertThat(changes.get(0).columns().get("name")).isEqualTo("Nguyễn Văn Anh");
      assertThat(changes.get(1).deleted()).isTrue();
      // A delete carries the whole row, so it maps to a complete contract record.
      assertThat(changes.get(1).columns().get("name")).isEqualTo("Trần Thị Bình");
      assertThat(changes.get(2).deleted()).isFalse();

      // The platform failed to save the batch and asks again from where it was: same changes.
      List<SourceRow> again = pollUntil(source, saved, 3);
      assertThat(again).extracting(SourceRow::position).isEqualTo(positions(changes));
      saved = again.get(0).position(); // only the update was saved this time
      List<SourceRow> rest = pollUntil(source, saved, 2);
      assertThat(rest).extracting(r -> r.columns().get("id")).containsExactly("k2", "k4");
      saved = rest.get(1).position();
      assertThat(source.poll(saved, 10)).isEmpty();
    }

    // A new engine (a platform restart) resumes after the saved position: nothing again.
    db.exec("INSERT INTO " + db.table() + " VALUES ('k5', 'Hoàng Minh Đức', NULL)");
    try (SourceConnector source = kind.create(config)) {
      List<SourceRow> after = pollUntil(source, saved, 1);
      assertThat(after).extracting(r -> r.columns().get("id")).containsExactly("k5");
      assertThat(source.poll(after.get(0).position(), 10)).isEmpty();
    }

    // Deleted: the source gives back what it made, so the province's log is not held forever.
    try (SourceConnector source = kind.create(config)) {
      source.release();
    }
    if (kindName.equals("cdc-postgres")) {
      assertThat(
              db.count(
                  "SELECT count(*) FROM pg_replication_slots WHERE slot_name LIKE 'truc_people%'"))
          .isZero();
      assertThat(db.count("SELECT count(*) FROM pg_publication WHERE pubname LIKE 'truc_people%'"))
          .isZero();
    }
  }

  private static List<String> positions(List<SourceRow> rows) {
    return rows.stream().map(SourceRow::position).toList();
  }

  /** Polls from {@code position} until {@code count} changes came, as the ingest route would. */
  private static List<SourceRow> pollUntil(SourceConnector source, String position, int count) {
    List<SourceRow> rows = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () -> {
              // Without a save the next poll starts over from the same position.
              rows.clear();
              List<SourceRow> got = source.poll(position, count);
              rows.addAll(got);
              return rows.size() >= count;
            });
    return rows;
  }

  private static SourceKind kind(String name) {
    return ServiceLoader.load(SourceKind.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(k -> k.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private record Db(String url, String user, String password, String table, Path state) {

    void exec(String sql) throws Exception {
      try (Connection c = DriverManager.getConnection(url, user, password);
          Statement s = c.createStatement()) {
        s.execute(sql);
      }
    }

    long count(String sql) throws Exception {
      try (Connection c = DriverManager.getConnection(url, user, password);
          Statement s = c.createStatement();
          java.sql.ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    }

    Map<String, Object> settings() {
      Map<String, Object> s = new HashMap<>();
      s.put("jdbc.url", url);
      s.put("jdbc.user", user);
      s.put("jdbc.password", password);
      s.put("table", table);
      s.put("key.column", "id");
      s.put("state.dir", state.toString());
      return s;
    }
  }

  private Db db(String kind, String table) throws Exception {
    TestEngines e = engines();
    Path state =
        Files.createDirectories(
            Path.of("target", "cdc-it", getClass().getSimpleName() + "-" + System.nanoTime())
                .toAbsolutePath());
    return kind.equals("cdc-postgres")
        ? new Db(
            e.postgresDatabase("province_cdc"),
            e.postgresUser(),
            e.postgresPassword(),
            table,
            state)
        : new Db(
            e.mariaDbDatabase("province_cdc"), e.mariaDbUser(), e.mariaDbPassword(), table, state);
  }
}
