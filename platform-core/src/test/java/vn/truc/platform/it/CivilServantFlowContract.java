package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.truc.platform.demo.CivilServantGenerator;
import vn.truc.routes.serde.AvroWireSerde;
import vn.truc.routes.serde.SchemaLookup;

/**
 * The foundation's flow, province HR table -> Kafka -> national table, on real engines. Every
 * engine set (embedded, containers) runs this same contract.
 */
abstract class CivilServantFlowContract extends EnginesContract {

  private static final int FIRST_HIRES = 3_000;
  private static final int UPDATES = 1_000;
  private static final int LATER_HIRES = 1_000;
  private static final String BAD_ID = "037190999999";

  @Test
  void everyChangeArrivesOnceWithItsLatestValuesAcrossARestart() throws Exception {
    TestEngines engines = engines();
    TestPlatform t = TestPlatform.prepare(engines);
    String province = t.provinceUrl();
    String ministry = t.ministryUrl();
    String platform = t.platformUrl();
    CivilServantGenerator generator = new CivilServantGenerator(7);
    t.hire(generator, 1, FIRST_HIRES);
    try (Connection p = t.provinceDb()) {
      insertBadRow(p);
    }

    ConfigurableApplicationContext app = t.start();
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> count(ministry, "SELECT COUNT(*) FROM civil_servant") > 0);
    String idsBefore = registryIds(app);
    app.close(); // in the middle of the flow

    try (Connection p = province(province);
        Statement s = p.createStatement()) {
      // Decomposed diacritics, as some input methods write them; they must arrive as NFC.
      s.executeUpdate(
          "UPDATE CB_CONG_CHUC SET BAC_LUONG = BAC_LUONG + 1, HE_SO_LUONG = HE_SO_LUONG + 0.33,"
              + " HO_TEN = CONCAT('Nguye"
              + "\u0302\u0303"
              + "n ', HO_TEN), NGAY_CAP_NHAT = CURRENT_TIMESTAMP(6) WHERE MA_CB <= "
              + UPDATES);
    }
    t.hire(generator, FIRST_HIRES + 2, LATER_HIRES);

    app = t.start();
    try {
      assertThat(registryIds(app)).as("schema ids survive a restart").isEqualTo(idsBefore);
      int expected = FIRST_HIRES + LATER_HIRES;
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> assertThat(ministryRows(ministry)).isEqualTo(provinceRows(province)));
      assertThat(provinceRows(province)).hasSize(expected);
      assertThat(ministryRows(ministry).get(personalIdOf(province, 1)).fullName())
          .startsWith("Nguyễn ")
          .isEqualTo(
              Normalizer.normalize(
                  ministryRows(ministry).get(personalIdOf(province, 1)).fullName(),
                  Normalizer.Form.NFC));

      assertTranslatedToTheContract(ministry);
      assertTopicHasEachVersionOnce(engines, platform);
      assertBadRowDeadLettered(engines, platform);
      assertHealthAndMetrics(app);
    } finally {
      app.close();
    }
  }

  /** What the ministry must end up holding for each person: the province's latest version. */
  record Person(
      String fullName,
      int salaryStep,
      BigDecimal coefficient,
      String dateOfBirth,
      LocalDateTime changedAt) {}

  private Map<String, Person> provinceRows(String url) throws SQLException {
    Map<String, Person> rows = new HashMap<>();
    try (Connection c = province(url);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT SO_CCCD, HO_TEN, BAC_LUONG, HE_SO_LUONG, NGAY_SINH, NGAY_CAP_NHAT"
                        + " FROM CB_CONG_CHUC WHERE SO_CCCD <> '"
                        + BAD_ID
                        + "'")) {
      while (rs.next()) {
        String dob = rs.getString(5);
        String iso =
            dob.length() == 4
                ? dob
                : dob.substring(6) + "-" + dob.substring(3, 5) + "-" + dob.substring(0, 2);
        rows.put(
            rs.getString(1),
            new Person(
                Normalizer.normalize(rs.getString(2), Normalizer.Form.NFC),
                rs.getInt(3),
                rs.getBigDecimal(4).setScale(2),
                iso,
                rs.getObject(6, LocalDateTime.class)));
      }
    }
    return rows;
  }

  private Map<String, Person> ministryRows(String url) throws SQLException {
    Map<String, Person> rows = new HashMap<>();
    try (Connection c = ministry(url);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT personal_id, full_name, salary_step, salary_coefficient, date_of_birth,"
                        + " source_changed_at FROM civil_servant")) {
      while (rs.next()) {
        rows.put(
            rs.getString(1),
            new Person(
                rs.getString(2),
                rs.getInt(3),
                rs.getBigDecimal(4).setScale(2),
                rs.getString(5),
                rs.getObject(6, LocalDateTime.class)));
      }
    }
    return rows;
  }

  /**
   * Legacy codes arrive as 2025 units, except Phường Quang Trung (13285), which was split in 2025
   * and keeps its legacy code rather than being guessed; ethnic groups arrive as their codes.
   */
  private void assertTranslatedToTheContract(String ministry) throws SQLException {
    Map<String, Long> byStructure = new HashMap<>();
    try (Connection c = ministry(ministry);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT residence_structure || ':' || CASE WHEN residence_structure ="
                        + " 'LEGACY_3_TIER' THEN residence_commune ELSE 'any' END, COUNT(*)"
                        + " FROM civil_servant GROUP BY 1")) {
      while (rs.next()) {
        byStructure.put(rs.getString(1), rs.getLong(2));
      }
    }
    assertThat(byStructure).containsOnlyKeys("UNITS_2025_2_TIER:any", "LEGACY_3_TIER:13285");
    assertThat(
            count(ministry, "SELECT COUNT(*) FROM civil_servant WHERE ethnicity !~ '^[0-9]{2}$'"))
        .isZero();
  }

  private void assertTopicHasEachVersionOnce(TestEngines e, String platform) throws Exception {
    SchemaLookup registry = registry(platform);
    AvroWireSerde serde = new AvroWireSerde(registry);
    Set<String> versions = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r :
        Topics.readAll(e.kafkaBootstrapServers(), "truc.civilservant.v1")) {
      GenericRecord record = serde.deserialize(r.value(), null);
      String version =
          record.get("personalId")
              + "@"
              + ((GenericRecord) record.get("header")).get("sourcePosition");
      if (!versions.add(version)) {
        duplicates.add(version);
      }
    }
    assertThat(versions).hasSizeGreaterThanOrEqualTo(FIRST_HIRES + LATER_HIRES);
    assertThat(duplicates).as("records published twice").isEmpty();
  }

  private void assertBadRowDeadLettered(TestEngines e, String platform) throws Exception {
    List<ConsumerRecord<byte[], byte[]>> dead =
        Topics.readAll(e.kafkaBootstrapServers(), "truc.dlq.ingest.p37-hr");
    assertThat(dead).hasSize(1);
    Header errors = dead.get(0).headers().lastHeader("truc.errors");
    assertThat(new String(errors.value(), StandardCharsets.UTF_8))
        .contains("dateOfBirth")
        .contains("31/02/1990");
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).contains(BAD_ID);
    assertThat(
            count(
                platform,
                "SELECT COUNT(*) FROM exchange_log WHERE kind = 'REJECTED' AND '"
                    + BAD_ID
                    + "' = ANY(record_keys)"))
        .isEqualTo(1);
  }

  /** Every version's schema id of the contract's subject, as a registry client sees them. */
  private static String registryIds(ConfigurableApplicationContext app) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    StringBuilder ids = new StringBuilder();
    for (int v = 1; v <= 2; v++) {
      String body =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create(
                              TestPlatform.baseUrl(app)
                                  + "/subjects/truc.civilservant.v1-value/versions/"
                                  + v))
                      .header("Authorization", "Bearer " + TestTokens.platformAdmin(app))
                      .build(),
                  BodyHandlers.ofString())
              .body();
      ids.append(body.replaceAll(".*\"id\":(\\d+).*", "$1")).append(',');
    }
    assertThat(ids.toString()).matches("\\d+,\\d+,");
    return ids.toString();
  }

  private void assertHealthAndMetrics(ConfigurableApplicationContext app) throws Exception {
    String base = TestPlatform.baseUrl(app);
    HttpClient http = HttpClient.newHttpClient();
    String health =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                BodyHandlers.ofString())
            .body();
    assertThat(health).contains("\"status\":\"UP\"").contains("\"kafka\"").contains("\"db\"");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              String metrics =
                  http.send(
                          HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                          BodyHandlers.ofString())
                      .body();
              assertThat(metrics)
                  .containsPattern("truc_records_out_total\\{.*id=\"p37-hr\".*\\} [1-9]")
                  .containsPattern("truc_records_rejected_total\\{.*id=\"p37-hr\"")
                  .containsPattern("truc_records_out_total\\{.*id=\"bnv-national\".*\\} [1-9]")
                  .contains("truc_batch_duration_seconds")
                  .contains("truc_records_latency_seconds")
                  .containsPattern("truc_consumer_lag\\{.*id=\"bnv-national\".*\\} 0.0");
            });
  }

  private SchemaLookup registry(String platform) {
    return new SchemaLookup() {
      @Override
      public int idFor(String subject, Schema schema) {
        throw new UnsupportedOperationException("the test only reads");
      }

      @Override
      public Schema byId(int id) {
        try (Connection c = ministry(platform);
            PreparedStatement s =
                c.prepareStatement("SELECT schema_text FROM registry_schema WHERE id = ?")) {
          s.setInt(1, id);
          ResultSet rs = s.executeQuery();
          rs.next();
          return new Schema.Parser().parse(rs.getString(1));
        } catch (SQLException ex) {
          throw new IllegalStateException(ex);
        }
      }
    };
  }

  private String personalIdOf(String province, int maCb) throws SQLException {
    try (Connection c = province(province);
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT SO_CCCD FROM CB_CONG_CHUC WHERE MA_CB = " + maCb)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void insertBadRow(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO CB_CONG_CHUC (SO_CCCD, HO_TEN, NGAY_SINH, GIOI_TINH, LOAI_CB)"
              + " VALUES ('"
              + BAD_ID
              + "', 'Trần Thị Lỗi', '31/02/1990', 'Nữ', 'Công chức')");
    }
  }

  private Connection province(String url) throws SQLException {
    return DriverManager.getConnection(url, engines().mariaDbUser(), engines().mariaDbPassword());
  }

  private Connection ministry(String url) throws SQLException {
    return DriverManager.getConnection(url, engines().postgresUser(), engines().postgresPassword());
  }

  private long count(String postgresUrl, String sql) throws SQLException {
    try (Connection c = ministry(postgresUrl);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
