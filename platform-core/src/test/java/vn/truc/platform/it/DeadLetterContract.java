package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.truc.platform.demo.CivilServantGenerator;

/**
 * What a provincial IT officer does with rejected rows: list the connector's dead letters (API and
 * CLI), inspect one, re-submit a corrected row, see a still-bad one refused with its field errors,
 * fix the connector's mapping and re-submit the rest. Re-submitted records reach the ministry
 * through the subscription with their original change time, so one the province has meanwhile fixed
 * at the source does not overwrite the newer version.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DeadLetterContract extends EnginesContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONNECTOR = "p37-dl";
  private static final String SUBSCRIPTION = "bnv-dl";
  private static final int GOOD = 20;

  // Rows the connector rejects; the ID numbers agree with each row's birth date and gender.
  private static final String BAD_DATE = "037190000901"; // 31 February
  private static final String BAD_COMMUNE = "037085000902"; // no such legacy commune
  private static final String BAD_DISTRICT = "037088000903"; // commune 14428 is not in 375
  private static final String FIXED_AT_SOURCE = "037192000904"; // commune 14596 is not in 372

  private TestPlatform platform;
  private ConfigurableApplicationContext app;

  /** Entry ids ({@code partition-offset}) by the personal ID of their row. */
  private final Map<String, String> entries = new HashMap<>();

  @BeforeAll
  void start() throws Exception {
    platform = TestPlatform.prepare(engines());
    app = platform.startWithoutFlows();
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  @Order(1)
  void rejectedRowsAreListedAndInspected() throws Exception {
    api().call("POST", "/api/subscriptions", subscriptionJson(), "application/json").expect(201);
    Grants.approve(api(), SUBSCRIPTION);
    platform.hire(new CivilServantGenerator(31), 1, GOOD);
    try (Connection c = platform.provinceDb();
        Statement s = c.createStatement()) {
      insert(s, BAD_DATE, "Trần Thị Lỗi", "31/02/1990", "Nữ", "372", "14428");
      insert(s, BAD_COMMUNE, "Lê Văn Sai", "12/03/1985", "Nam", "372", "99999");
      insert(s, BAD_DISTRICT, "Phạm Văn Huyện", "20/11/1988", "Nam", "375", "14428");
      insert(s, FIXED_AT_SOURCE, "Đỗ Thị Xã", "03/03/1992", "Nữ", "372", "14596");
    }
    api().call("POST", "/api/connectors", connectorYaml(true), "application/yaml").expect(201);
    await().atMost(Duration.ofSeconds(60)).until(() -> ministryCount() == GOOD);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> list("connectors", CONNECTOR, 0, 50).get("total").asLong() == 4);

    JsonNode page = list("connectors", CONNECTOR, 0, 50);
    assertThat(page.get("topic").asText()).isEqualTo("truc.dlq.ingest." + CONNECTOR);
    assertThat(page.get("next").isNull()).isTrue();
    for (JsonNode e : page.get("entries")) {
      assertThat(e.get("connector").asText()).isEqualTo(CONNECTOR);
      assertThat(e.get("contract").asText()).isEqualTo("CivilServant");
      assertThat(e.get("position").asText()).contains("|");
      assertThat(e.get("changedAt").asText()).isNotEmpty();
      assertThat(e.get("errors")).isNotEmpty();
      assertThat(e.get("resubmitted").asBoolean()).isFalse();
      assertThat(e.has("row")).as("rows only when one entry is inspected").isFalse();
      JsonNode one = entry(e.get("id").asText()).expect(200);
      entries.put(one.at("/row/SO_CCCD").asText(), e.get("id").asText());
    }
    assertThat(entries).containsOnlyKeys(BAD_DATE, BAD_COMMUNE, BAD_DISTRICT, FIXED_AT_SOURCE);

    // Paged: three, then the last one.
    JsonNode first = list("connectors", CONNECTOR, 0, 3);
    assertThat(first.get("entries")).hasSize(3);
    assertThat(first.get("next").asLong()).isEqualTo(3);
    JsonNode second = list("connectors", CONNECTOR, 3, 3);
    assertThat(second.get("entries")).hasSize(1);
    assertThat(second.get("next").isNull()).isTrue();
    List<String> paged = new ArrayList<>();
    first.get("entries").forEach(e -> paged.add(e.get("id").asText()));
    second.get("entries").forEach(e -> paged.add(e.get("id").asText()));
    assertThat(paged).containsExactlyInAnyOrderElementsOf(entries.values());

    // One entry: the original row, every reason, the source's change time.
    JsonNode badDate = entry(entries.get(BAD_DATE)).expect(200);
    assertThat(badDate.at("/row/NGAY_SINH").asText()).isEqualTo("31/02/1990");
    assertThat(badDate.at("/row/HO_TEN").asText()).isEqualTo("Trần Thị Lỗi");
    assertThat(badDate.at("/errors/0/field").asText()).isEqualTo("dateOfBirth");
    assertThat(badDate.at("/errors/0/value").asText()).isEqualTo("31/02/1990");
    assertThat(
            LocalDateTime.ofInstant(
                java.time.Instant.parse(badDate.get("changedAt").asText()),
                java.time.ZoneOffset.UTC))
        .isEqualTo(provinceChangedAt(BAD_DATE));
    assertThat(fields(entry(entries.get(BAD_DISTRICT)).expect(200).get("errors")))
        .containsExactly("residence.districtCode");

    // The CLI lists the same entries.
    String listed = cli("dead-letters", CONNECTOR, "--limit", "10");
    assertThat(JSON.readTree(listed).get("total").asLong()).isEqualTo(4);
    entries.values().forEach(id -> assertThat(listed).contains("\"" + id + "\""));

    api().call("GET", "/api/connectors/nope/dead-letters", null, null).expect(404);
    api().call("GET", "/api/subscriptions/" + CONNECTOR + "/dead-letters", null, null).expect(404);
    api()
        .call("GET", "/api/connectors/" + CONNECTOR + "/dead-letters/0-999999", null, null)
        .expect(404);
    api()
        .call("GET", "/api/connectors/" + CONNECTOR + "/dead-letters/first", null, null)
        .expect(400);
  }

  @Test
  @Order(2)
  void aCorrectedRowIsResubmittedAndAStillBadOneRefused() throws Exception {
    // As it is, the unknown commune is refused again, with its field errors; it stays unresolved.
    JsonNode refused = resubmit(entries.get(BAD_COMMUNE), null, false).expect(422);
    assertThat(fields(refused.get("problems"))).contains("residence.communeCode");
    assertThat(refused.at("/errors/0/value").asText()).isEqualTo("99999");
    JsonNode stillBad = entry(entries.get(BAD_COMMUNE)).expect(200);
    assertThat(stillBad.get("resubmitted").asBoolean()).isFalse();
    assertThat(stillBad.at("/resubmission/outcome").asText()).isEqualTo("REJECTED");
    assertThat(stillBad.at("/resubmission/attempts").asInt()).isEqualTo(1);
    // A correction naming a column the row does not have is a typo, not a fix.
    resubmit(entries.get(BAD_COMMUNE), "{\"columns\": {\"MA_XAA\": \"14428\"}}", false).expect(400);

    long logBefore = Convergence.lastLogId(platform);
    JsonNode done =
        resubmit(entries.get(BAD_DATE), "{\"columns\": {\"NGAY_SINH\": \"28/02/1990\"}}", false)
            .expect(200);
    assertThat(done.get("outcome").asText()).isEqualTo("RESUBMITTED");
    assertThat(done.get("key").asText()).isEqualTo(BAD_DATE);

    // It reaches the ministry with the row's original change time.
    await().atMost(Duration.ofSeconds(30)).until(() -> ministryRow(BAD_DATE) != null);
    assertThat(ministryRow(BAD_DATE))
        .containsEntry("full_name", "Trần Thị Lỗi")
        .containsEntry("date_of_birth", "1990-02-28")
        .containsEntry("source_changed_at", provinceChangedAt(BAD_DATE));

    JsonNode resolved = entry(entries.get(BAD_DATE)).expect(200);
    assertThat(resolved.get("resubmitted").asBoolean()).isTrue();
    assertThat(resolved.at("/resubmission/outcome").asText()).isEqualTo("RESUBMITTED");
    assertThat(resolved.at("/resubmission/key").asText()).isEqualTo(BAD_DATE);
    assertThat(resolved.at("/resubmission/correctedColumns/0").asText()).isEqualTo("NGAY_SINH");
    try (Connection c = platform.platformDb();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT record_keys, detail FROM exchange_log"
                    + " WHERE kind = 'RESUBMITTED' AND actor = ? AND id > ?")) {
      s.setString(1, CONNECTOR);
      s.setLong(2, logBefore);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as("a RESUBMITTED entry").isTrue();
        assertThat((String[]) rs.getArray(1).getArray()).containsExactly(BAD_DATE);
        assertThat(rs.getString(2)).contains("truc.dlq.ingest." + CONNECTOR).contains("NGAY_SINH");
        assertThat(rs.next()).isFalse();
      }
    }

    // Not twice, unless forced.
    resubmit(entries.get(BAD_DATE), null, false).expect(409);
  }

  @Test
  @Order(3)
  void aMappingFixTakesEffectAndNeverOverwritesANewerVersion() throws Exception {
    // The province fixes one row at the source meanwhile: the connector publishes that version.
    try (Connection c = platform.provinceDb();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE CB_CONG_CHUC SET MA_HUYEN = '375', HO_TEN = 'Đỗ Thị Xã Mới',"
              + " NGAY_CAP_NHAT = CURRENT_TIMESTAMP(6) WHERE SO_CCCD = '"
              + FIXED_AT_SOURCE
              + "'");
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ministryRow(FIXED_AT_SOURCE) != null
                    && "Đỗ Thị Xã Mới".equals(ministryRow(FIXED_AT_SOURCE).get("full_name")));

    // The district column proves unreliable: the connector stops mapping it.
    api()
        .call("PUT", "/api/connectors/" + CONNECTOR, connectorYaml(false), "application/yaml")
        .expect(200);
    long logBefore = Convergence.lastLogId(platform);
    JsonNode all = JSON.readTree(cli("resubmit", CONNECTOR, "--all"));
    assertThat(all.get("resubmitted").asInt()).isEqualTo(2);
    assertThat(all.get("rejected").asInt()).isEqualTo(1);
    assertThat(all.get("skipped").asInt()).isEqualTo(1);
    assertThat(all.get("refused").asInt()).isZero();
    assertThat(all.at("/rejectedEntries/0/id").asText()).isEqualTo(entries.get(BAD_COMMUNE));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ministryRow(BAD_DISTRICT) != null
                    && Convergence.deliveredAfter(platform, logBefore).contains(FIXED_AT_SOURCE));
    assertThat(ministryRow(BAD_DISTRICT))
        .containsEntry("full_name", "Phạm Văn Huyện")
        .containsEntry("source_changed_at", provinceChangedAt(BAD_DISTRICT));
    // The old version arrived after the fixed one, and lost to it.
    assertThat(ministryRow(FIXED_AT_SOURCE))
        .containsEntry("full_name", "Đỗ Thị Xã Mới")
        .containsEntry("source_changed_at", provinceChangedAt(FIXED_AT_SOURCE));
    assertThat(ministryCount()).isEqualTo(GOOD + 3);

    Map<String, Boolean> resubmitted = new LinkedHashMap<>();
    list("connectors", CONNECTOR, 0, 50)
        .get("entries")
        .forEach(e -> resubmitted.put(e.get("id").asText(), e.get("resubmitted").asBoolean()));
    assertThat(resubmitted)
        .containsEntry(entries.get(BAD_DATE), true)
        .containsEntry(entries.get(BAD_DISTRICT), true)
        .containsEntry(entries.get(FIXED_AT_SOURCE), true)
        .containsEntry(entries.get(BAD_COMMUNE), false);
    assertThat(entry(entries.get(BAD_COMMUNE)).expect(200).at("/resubmission/attempts").asInt())
        .isEqualTo(2);
  }

  @Test
  @Order(4)
  void aSubscriptionsDeadLettersAreListedToo() throws Exception {
    byte[] poison = "not avro at all".getBytes(StandardCharsets.UTF_8);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines().kafkaBootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      producer
          .send(
              new ProducerRecord<>(
                  "truc.civilservant.v1", "poison".getBytes(StandardCharsets.UTF_8), poison))
          .get();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> list("subscriptions", SUBSCRIPTION, 0, 10).get("total").asLong() == 1);
    JsonNode e = list("subscriptions", SUBSCRIPTION, 0, 10).at("/entries/0");
    assertThat(e.get("subscription").asText()).isEqualTo(SUBSCRIPTION);
    assertThat(e.get("key").asText()).isEqualTo("poison");
    assertThat(e.get("position").asText()).startsWith("truc.civilservant.v1/");
    assertThat(e.at("/errors/0/rule").asText()).isEqualTo("undecodable");
    assertThat(e.at("/errors/0/message").asText()).containsIgnoringCase("wire format");
    JsonNode inspected =
        api()
            .call(
                "GET",
                "/api/subscriptions/" + SUBSCRIPTION + "/dead-letters/" + e.get("id").asText(),
                null,
                null)
            .expect(200);
    assertThat(Base64.getDecoder().decode(inspected.get("value").asText())).isEqualTo(poison);

    JsonNode openApi = api().call("GET", "/v3/api-docs", null, null).expect(200);
    assertThat(openApi.get("paths").has("/api/{types}/{id}/dead-letters")).isTrue();
    assertThat(openApi.get("paths").has("/api/connectors/{id}/dead-letters/{entry}/resubmit"))
        .isTrue();
  }

  private static void insert(
      Statement s,
      String personalId,
      String name,
      String born,
      String gender,
      String district,
      String commune)
      throws Exception {
    s.executeUpdate(
        "INSERT INTO CB_CONG_CHUC (SO_CCCD, HO_TEN, NGAY_SINH, GIOI_TINH, LOAI_CB, MA_TINH,"
            + " MA_HUYEN, MA_XA) VALUES ('"
            + String.join(
                "', '", personalId, name, born, gender, "Công chức", "37", district, commune)
            + "')");
  }

  private String connectorYaml(boolean mapDistrict) {
    java.util.List<String> mapping =
        new java.util.ArrayList<>(
            java.util.List.of(
                "fullName: HO_TEN",
                "dateOfBirth: NGAY_SINH",
                "gender: GIOI_TINH",
                "staffCategory: LOAI_CB",
                "residence.provinceCode: MA_TINH",
                "residence.communeCode: MA_XA"));
    if (mapDistrict) {
      mapping.add("residence.districtCode: MA_HUYEN");
    }
    return ProvinceTable.connectorYaml(
        CONNECTOR,
        platform.provinceUrl(),
        engines().mariaDbUser(),
        engines().mariaDbPassword(),
        mapping);
  }

  private String subscriptionJson() throws Exception {
    return MinistryTable.subscriptionJson(SUBSCRIPTION, platform.ministryUrl(), engines());
  }

  private JsonNode list(String types, String id, long from, int limit) throws Exception {
    return api()
        .call(
            "GET",
            "/api/" + types + "/" + id + "/dead-letters?from=" + from + "&limit=" + limit,
            null,
            null)
        .expect(200);
  }

  private PlatformHttp.Reply entry(String id) throws Exception {
    return api().call("GET", "/api/connectors/" + CONNECTOR + "/dead-letters/" + id, null, null);
  }

  private PlatformHttp.Reply resubmit(String id, String body, boolean force) throws Exception {
    return api()
        .call(
            "POST",
            "/api/connectors/" + CONNECTOR + "/dead-letters/" + id + "/resubmit?force=" + force,
            body,
            body == null ? null : "application/json");
  }

  /** The ministry's row of a person (name, date of birth, source change time), null if none. */
  private Map<String, Object> ministryRow(String personalId) throws Exception {
    try (Connection c = platform.ministryDb();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT full_name, date_of_birth, source_changed_at FROM civil_servant"
                    + " WHERE personal_id = ?")) {
      s.setString(1, personalId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Map<String, Object> row = new HashMap<>();
        row.put("full_name", rs.getString(1));
        row.put("date_of_birth", rs.getString(2));
        row.put("source_changed_at", rs.getObject(3, LocalDateTime.class));
        return row;
      }
    }
  }

  private LocalDateTime provinceChangedAt(String personalId) throws Exception {
    try (Connection c = platform.provinceDb();
        PreparedStatement s =
            c.prepareStatement("SELECT NGAY_CAP_NHAT FROM CB_CONG_CHUC WHERE SO_CCCD = ?")) {
      s.setString(1, personalId);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getObject(1, LocalDateTime.class);
      }
    }
  }

  private long ministryCount() throws Exception {
    return Convergence.ministryCount(platform);
  }

  private static List<String> fields(JsonNode items) {
    List<String> fields = new ArrayList<>();
    items.forEach(p -> fields.add(p.get("field").asText()));
    return fields;
  }

  /** Runs deploy/bin/truc against this platform and returns what it prints. */
  private String cli(String... args) throws Exception {
    return TrucCli.run(app, args);
  }

  private PlatformHttp api() {
    return PlatformHttp.asPlatformAdmin(app);
  }
}
