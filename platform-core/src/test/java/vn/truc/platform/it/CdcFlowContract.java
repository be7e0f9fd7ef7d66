package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import vn.truc.platform.demo.CivilServantGenerator;

/**
 * A province's HR table captured by change-data capture, end to end: the existing rows arrive by
 * the snapshot, then inserts, updates and deletes made in the province database reach the
 * ministry's table, on PostgreSQL (logical decoding) and MariaDB (binlog) alike.
 */
abstract class CdcFlowContract extends EnginesContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> COLUMNS =
      List.of(
          "SO_CCCD", "HO_TEN", "NGAY_SINH", "GIOI_TINH", "LOAI_CB", "MA_TINH", "MA_HUYEN", "MA_XA");

  private TestPlatform platform;
  private ConfigurableApplicationContext app;
  private final CivilServantGenerator people = new CivilServantGenerator(37);

  @BeforeAll
  void start() throws Exception {
    platform = TestPlatform.prepare(engines());
    app = platform.startWithoutFlows("--truc.data-dir=target/cdc-flow-it/" + System.nanoTime());
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"cdc-postgres", "cdc-mariadb"})
  void snapshotThenInsertsUpdatesAndDeletesReachTheMinistry(String kind) throws Exception {
    String suffix = kind.substring(4);
    // Both connectors publish to the one contract topic, which every subscription reads from its
    // start: each run hires its own people and looks only at them.
    long base = kind.equals("cdc-postgres") ? 0 : 100_000;
    Province province = province(kind, "cb_" + suffix);
    province.insert(base, 300);
    String ministry = engines().postgresDatabase("bnv_cdc_" + suffix);
    try (Connection c = ministryConnection(ministry);
        Statement s = c.createStatement()) {
      s.execute(CivilServantGenerator.ministryDdl());
    }

    api()
        .call(
            "POST", "/api/connectors", connector("p37-" + kind, kind, province), "application/json")
        .expect(201);
    api()
        .call(
            "POST", "/api/subscriptions", subscription("bnv-" + kind, ministry), "application/json")
        .expect(201);
    Grants.approve(api(), "bnv-" + kind);

    Map<String, String> expected = new LinkedHashMap<>();
    for (long n = base; n < base + 300; n++) {
      Object[] row = people.row(n, 0);
      expected.put((String) row[0], (String) row[3]);
    }
    awaitMinistry(ministry, expected, java.util.Set.of());

    // Changes in the province: 10 renamed, 5 removed, 20 hired.
    java.util.Set<String> removed = new java.util.HashSet<>();
    try (Connection c = province.connect()) {
      for (long n = base; n < base + 10; n++) {
        String id = (String) people.row(n, 0)[0];
        try (PreparedStatement s =
            c.prepareStatement(
                "UPDATE " + province.table() + " SET HO_TEN = ? WHERE SO_CCCD = ?")) {
          s.setString(1, "Đổi Tên " + n);
          s.setString(2, id);
          s.executeUpdate();
        }
        expected.put(id, "Đổi Tên " + n);
      }
      for (long n = base + 10; n < base + 15; n++) {
        String id = (String) people.row(n, 0)[0];
        try (PreparedStatement s =
            c.prepareStatement("DELETE FROM " + province.table() + " WHERE SO_CCCD = ?")) {
          s.setString(1, id);
          s.executeUpdate();
        }
        expected.remove(id);
        removed.add(id);
      }
    }
    province.insert(base + 300, 20);
    for (long n = base + 300; n < base + 320; n++) {
      Object[] row = people.row(n, 0);
      expected.put((String) row[0], (String) row[3]);
    }
    awaitMinistry(ministry, expected, removed);

    JsonNode status =
        api().call("GET", "/api/connectors/p37-" + kind + "/status", null, null).expect(200);
    assertThat(status.get("state").asText()).isEqualTo("RUNNING");
    assertThat(status.get("recordsIn").asLong()).isEqualTo(300 + 10 + 5 + 20);
    assertThat(status.get("recordsRejected").asLong()).isZero();
    // Caught up: the snapshot is done and nothing waits.
    assertThat(status.get("progress").get("percent").asDouble()).as("%s", status).isEqualTo(100.0);
    assertThat(status.get("progress").get("remaining").asLong()).isZero();
    assertThat(status.get("progress").get("etaSeconds").asLong()).isZero();
    // Every change in the exchange log once: no key published twice for one source position.
    List<String> entries = new java.util.ArrayList<>();
    long logged = 0;
    try (Connection c = platform.platformDb();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT record_count, first_position, last_position FROM exchange_log"
                    + " WHERE kind = 'INGESTED' AND actor = ? ORDER BY id")) {
      s.setString(1, "p37-" + kind);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          logged += rs.getLong(1);
          entries.add(rs.getLong(1) + " " + rs.getString(2) + " .. " + rs.getString(3));
        }
      }
    }
    assertThat(logged).as("ingested entries %s", entries).isEqualTo(335);
  }

  /** This run's people at the ministry are exactly the expected ones; the removed are gone. */
  private void awaitMinistry(
      String ministry, Map<String, String> expected, java.util.Set<String> removed) {
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              Map<String, String> ours = ministryNames(ministry);
              ours.keySet().retainAll(union(expected.keySet(), removed));
              assertThat(ours).isEqualTo(sorted(expected));
            });
  }

  private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    java.util.Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static Map<String, String> sorted(Map<String, String> m) {
    return new java.util.TreeMap<>(m);
  }

  private record Province(
      String url, String user, String password, String table, CivilServantGenerator people) {

    Connection connect() throws Exception {
      return DriverManager.getConnection(url, user, password);
    }

    void insert(long from, int count) throws Exception {
      String marks = "?, ".repeat(COLUMNS.size() - 1) + "?";
      try (Connection c = connect();
          PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO "
                      + table
                      + " ("
                      + String.join(", ", COLUMNS)
                      + ") VALUES ("
                      + marks
                      + ")")) {
        for (long n = from; n < from + count; n++) {
          Object[] row = people.row(n, 0);
          int i = 1;
          for (String column : COLUMNS) {
            s.setObject(i++, row[index(column)]);
          }
          s.addBatch();
        }
        s.executeBatch();
      }
    }

    private static int index(String column) {
      return java.util.Arrays.asList(CivilServantGenerator.COLUMNS).indexOf(column);
    }
  }

  private Province province(String kind, String table) throws Exception {
    TestEngines e = engines();
    String ddl =
        "CREATE TABLE "
            + table
            + " (SO_CCCD CHAR(12) PRIMARY KEY, HO_TEN VARCHAR(100) NOT NULL, NGAY_SINH VARCHAR(10),"
            + " GIOI_TINH VARCHAR(5), LOAI_CB VARCHAR(20), MA_TINH CHAR(2), MA_HUYEN CHAR(3),"
            + " MA_XA CHAR(5))";
    Province p =
        kind.equals("cdc-postgres")
            ? new Province(
                e.postgresDatabase("province_cdc"),
                e.postgresUser(),
                e.postgresPassword(),
                table,
                people)
            : new Province(
                e.mariaDbDatabase("province_cdc"),
                e.mariaDbUser(),
                e.mariaDbPassword(),
                table,
                people);
    try (Connection c = p.connect();
        Statement s = c.createStatement()) {
      s.execute(ddl);
    }
    return p;
  }

  private String connector(String id, String kind, Province p) throws Exception {
    Map<String, Object> settings = new HashMap<>();
    settings.put("jdbc.url", p.url());
    settings.put("jdbc.user", p.user());
    settings.put("jdbc.password", p.password());
    settings.put("table", p.table());
    settings.put("key.column", "SO_CCCD");
    Map<String, Object> mapping = new LinkedHashMap<>();
    mapping.put("personalId", "SO_CCCD");
    mapping.put("fullName", "HO_TEN");
    mapping.put("dateOfBirth", "NGAY_SINH");
    mapping.put("gender", "GIOI_TINH");
    mapping.put("staffCategory", "LOAI_CB");
    mapping.put("residence.provinceCode", "MA_TINH");
    mapping.put("residence.districtCode", "MA_HUYEN");
    mapping.put("residence.communeCode", "MA_XA");
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("agency", "P37");
    d.put("contract", "CivilServant");
    d.put("kind", kind);
    d.put("batchSize", 1000);
    d.put("pollIntervalMs", 100);
    d.put("settings", settings);
    d.put("mapping", mapping);
    d.put("constants", Map.of("residence.structure", "LEGACY_3_TIER"));
    return JSON.writeValueAsString(d);
  }

  private String subscription(String id, String ministryUrl) throws Exception {
    return MinistryTable.subscriptionJson(id, ministryUrl, engines());
  }

  private Connection ministryConnection(String url) throws Exception {
    return DriverManager.getConnection(url, engines().postgresUser(), engines().postgresPassword());
  }

  private Map<String, String> ministryNames(String url) throws Exception {
    return MinistryTable.names(url, engines());
  }

  private PlatformHttp api() {
    return PlatformHttp.asPlatformAdmin(app);
  }
}
