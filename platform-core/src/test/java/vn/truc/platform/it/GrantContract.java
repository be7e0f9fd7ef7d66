package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.truc.platform.demo.CivilServantGenerator;
import vn.truc.platform.security.Role;
import vn.truc.platform.security.TokenMinter;

/**
 * Each ministry gets exactly what it was granted, for a named purpose, while the grant is in force.
 * One province feeds CivilServant; the Ministry of Home Affairs (BNV) and the Ministry of Public
 * Security (BCA) subscribe under grants that the BNV's data-owner approver decides on: one narrowed
 * to leave out ethnicity and religion, into the BNV's table; one limited to the rows of one of the
 * two source provinces (Ninh Bình P37 and Hà Nội P01), onto the BCA's own topic; one from now on,
 * expiring after seconds. Then a revocation. What each receiver holds is read from its table and
 * its topic, as the receiver would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class GrantContract extends EnginesContract {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The province whose rows alone the BCA is granted: Hà Nội, the second source. */
  private static final String PROVINCE = "P01";

  /** The generator's number of a person: the last six digits of its personal ID number. */
  private static final String NUMBER = "CAST(RIGHT(SO_CCCD, 6) AS UNSIGNED)";

  private static final List<String> SENSITIVE_VALUES = List.of("Phật giáo", "Công giáo", "Mường");

  private TestPlatform platform;
  private ConfigurableApplicationContext app;
  private PlatformHttp bnvAdmin;
  private PlatformHttp bcaAdmin;
  private PlatformHttp bnvApprover;
  private String bnvApproverToken;
  private PlatformHttp auditor;
  private final CivilServantGenerator people = new CivilServantGenerator(51);
  private String hanoiUrl;

  @BeforeAll
  void start() throws Exception {
    platform = TestPlatform.prepare(engines());
    app = platform.startWithoutFlows("--truc.grants.watch-interval-ms=250");
    TokenMinter minter = TestTokens.minter(TestTokens.keyFile(app));
    bnvAdmin = as(minter, "bnv-it", "BNV", Role.AGENCY_ADMIN);
    bcaAdmin = as(minter, "bca-it", "BCA", Role.AGENCY_ADMIN);
    bnvApproverToken =
        minter.mint(
            TokenMinter.Claims.valid(
                "bnv-data-owner", "BNV", List.of(Role.APPROVER), Duration.ofHours(1)));
    bnvApprover = new PlatformHttp(TestPlatform.baseUrl(app), bnvApproverToken);
    auditor = as(minter, "inspector", null, Role.AUDITOR);
    hanoiUrl = engines().mariaDbDatabase("hanoi_hr");
    try (Connection c = hanoi()) {
      c.createStatement().execute(CivilServantGenerator.provinceDdl());
    }
    PlatformHttp admin = PlatformHttp.asPlatformAdmin(app);
    admin
        .call(
            "POST",
            "/api/connectors",
            connectorYaml("p37-hr", "P37", platform.provinceUrl()),
            "application/yaml")
        .expect(201);
    admin
        .call(
            "POST", "/api/connectors", connectorYaml("p01-hr", "P01", hanoiUrl), "application/yaml")
        .expect(201);
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  @Order(1)
  void badRequestsAreRefusedNamingTheFieldAndTheReason() throws Exception {
    assertProblem(
        bnvAdmin.call(
            "POST", "/api/subscriptions", tableFeed("x-a", "Nope", terms()), "application/json"),
        422,
        "contract",
        "unknown contract 'Nope'");
    Map<String, Object> t = terms("fullName", "shoeSize");
    assertProblem(
        post(tableFeed("x-b", "CivilServant", t)), 422, "grant.fields.shoeSize", "no field");
    t = terms("fullName");
    t.put("filter", Map.of("residence.planet", List.of("Mars")));
    assertProblem(
        post(tableFeed("x-c", "CivilServant", t)),
        422,
        "grant.filter.residence.planet",
        "no field");
    t = terms("fullName");
    t.put("validUntil", "2020-01-01");
    assertProblem(post(tableFeed("x-d", "CivilServant", t)), 422, "grant.validUntil", "past");
    assertProblem(
        post(tableFeed("x-e", "CivilServant", terms("fullName", "religion"))),
        422,
        "grant.fields.religion",
        "sensitive");
    t = terms("fullName");
    t.remove("purpose");
    assertProblem(post(tableFeed("x-f", "CivilServant", t)), 422, "grant.purpose", "required");
    assertThat(post("{\"id\": \"x-g\", \"grant\": {\"fields\": [").status()).isEqualTo(400);
    String huge = "{\"id\": \"x-h\", \"padding\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    assertProblem(post(huge), 413, "body", "at most");
    for (String id : List.of("x-a", "x-b", "x-c", "x-d", "x-e", "x-f", "x-g", "x-h")) {
      bnvAdmin.call("GET", "/api/subscriptions/" + id, null, null).expect(404);
    }
  }

  @Test
  @Order(2)
  void eachReceiverGetsOnlyTheFieldsAndRowsItWasGranted() throws Exception {
    platform.hire(people, 1, 300);
    hireInHanoi(1, 100);
    // The BNV asks for ethnicity and religion too; its data owner grants the rest.
    Map<String, Object> asked = terms("fullName", "dateOfBirth", "ethnicity", "religion");
    asked.put("sensitive", true);
    post(tableFeed("bnv-staff", "CivilServant", asked)).expect(201);
    JsonNode waiting =
        bnvAdmin.call("GET", "/api/subscriptions/bnv-staff/status", null, null).expect(200);
    assertThat(waiting.get("state").asText()).isEqualTo("AWAITING_GRANT");
    JsonNode approved =
        bnvApprover
            .call(
                "POST",
                "/api/grants/bnv-staff.1/approve",
                "{\"fields\": [\"fullName\", \"dateOfBirth\"], \"sensitive\": false,"
                    + " \"reason\": \"ethnicity and religion are not needed for pay grades\"}",
                "application/json")
            .expect(200);
    assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
    assertThat(approved.get("decidedBy").asText()).isEqualTo("bnv-data-owner");

    // The BCA receives one province's staff on its own topic.
    Map<String, Object> province = terms("fullName", "residence");
    province.put("filter", Map.of("header.sourceAgency", List.of(PROVINCE)));
    province.put("purpose", "RESIDENCE_CHECK");
    bcaAdmin
        .call("POST", "/api/subscriptions", topicFeed("bca-province", province), "application/json")
        .expect(201);
    // The data owner works from the command line: what is waiting, then the decision.
    assertThat(cli("grants", "list", "--status", "PENDING")).contains("\"bca-province.1\"");
    assertThat(cli("grants", "approve", "bca-province.1", "--reason", "residence checks \"pilot\""))
        .contains("\"status\": \"APPROVED\"")
        .contains("residence checks \\\"pilot\\\"");

    await("the BNV's table holds every person")
        .atMost(Duration.ofSeconds(60))
        .until(() -> tableCount() == 400);
    try (Connection c = platform.ministryDb();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FILTER (WHERE ethnicity IS NOT NULL OR religion IS NOT NULL),"
                        + " count(*) FILTER (WHERE full_name IS NULL) FROM civil_servant")) {
      rs.next();
      assertThat(rs.getInt(1)).as("rows holding ethnicity or religion").isZero();
      assertThat(rs.getInt(2)).as("rows without the granted name").isZero();
    }
    Set<String> expected = hanoiIds();
    assertThat(expected).hasSize(100);
    List<ConsumerRecord<String, byte[]>> onTopic = awaitTopic("bca-province", expected.size());
    Set<String> keys = new TreeSet<>();
    for (ConsumerRecord<String, byte[]> r : onTopic) {
      String raw = new String(r.value(), StandardCharsets.UTF_8);
      SENSITIVE_VALUES.forEach(v -> assertThat(raw).doesNotContain(v));
      GenericRecord record = decode(r.value());
      assertThat(record.getSchema().getField("religion")).isNull();
      assertThat(record.getSchema().getField("ethnicity")).isNull();
      assertThat(record.getSchema().getField("dateOfBirth")).isNull();
      assertThat(((GenericRecord) record.get("header")).get("sourceAgency").toString())
          .isEqualTo(PROVINCE);
      keys.add(r.key());
    }
    assertThat(keys).isEqualTo(expected);
    JsonNode status =
        bcaAdmin.call("GET", "/api/subscriptions/bca-province/status", null, null).expect(200);
    assertThat(status.get("recordsFiltered").asLong()).as("Ninh Bình's rows").isEqualTo(300);
  }

  @Test
  @Order(3)
  void aGrantFromNowOnDeliversWhatComesAfterItAndNothingOnceItExpires() throws Exception {
    Map<String, Object> brief = terms("fullName");
    brief.put("startFrom", "now");
    brief.put("validUntil", Instant.now().plusSeconds(25).toString());
    brief.put("purpose", "PAYROLL_AUDIT");
    post(topicFeed("bnv-brief", brief)).expect(201);
    bnvApprover.call("POST", "/api/grants/bnv-brief.1/approve", null, null).expect(200);
    await("delivering")
        .atMost(Duration.ofSeconds(10))
        .until(() -> state("bnv-staff").equals("RUNNING") && state("bnv-brief").equals("RUNNING"));

    platform.hire(people, 301, 50);
    assertThat(new TreeSet<>(keysOf(awaitTopic("bnv-brief", 50))))
        .as("only what came after the approval")
        .isEqualTo(idsBetween(301, 350));

    await("the grant expires and delivery stops")
        .atMost(Duration.ofSeconds(40))
        .until(() -> state("bnv-brief").equals("AWAITING_GRANT"));
    JsonNode grant = auditor.call("GET", "/api/grants/bnv-brief.1", null, null).expect(200);
    assertThat(grant.get("status").asText()).isEqualTo("EXPIRED");
    platform.hire(people, 351, 50);
    hireInHanoi(101, 50);
    await().atMost(Duration.ofSeconds(60)).until(() -> tableCount() == 550);
    awaitTopic("bca-province", 150);
    assertThat(readTopic("bnv-brief")).as("nothing after expiry").hasSize(50);
  }

  @Test
  @Order(4)
  void revokingAGrantStopsDeliveryWithinSeconds() throws Exception {
    JsonNode revoked =
        JSON.readTree(
            cli("grants", "revoke", "bnv-staff.1", "--reason", "pay-grade review finished"));
    assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
    await("delivery stops")
        .atMost(Duration.ofSeconds(5))
        .until(() -> state("bnv-staff").equals("AWAITING_GRANT"));
    platform.hire(people, 401, 60);
    hireInHanoi(151, 50);
    awaitTopic("bca-province", 200);
    assertThat(tableCount()).as("nothing delivered after the revocation").isEqualTo(550);
    // Approving again is refused: a revoked grant stays revoked; a new request is needed.
    bnvApprover.call("POST", "/api/grants/bnv-staff.1/approve", null, null).expect(409);
  }

  @Test
  @Order(5)
  void theLedgerRecordsEveryDecisionAndEachPersonsTrail() throws Exception {
    JsonNode entries =
        auditor
            .call("GET", "/api/ledger/entries?outcome=ADMINISTERED&size=500", null, null)
            .expect(200);
    List<String> decisions = new ArrayList<>();
    entries
        .get("entries")
        .forEach(
            e -> {
              String detail = e.path("detail").asText();
              if (detail.startsWith("grant ")) {
                decisions.add(
                    detail.substring(0, detail.indexOf(" (")) + " by " + e.get("actor").asText());
              }
            });
    assertThat(decisions)
        .contains(
            "grant bnv-staff.1 requested by bnv-it",
            "grant bnv-staff.1 approved by bnv-data-owner",
            "grant bca-province.1 requested by bca-it",
            "grant bca-province.1 approved by bnv-data-owner",
            "grant bnv-staff.1 revoked by bnv-data-owner");
    // Someone of the province, delivered to both ministries before the revocation.
    String both = hanoiIds().iterator().next();
    JsonNode trail = auditor.call("GET", "/api/ledger/subjects/" + both, null, null).expect(200);
    Map<String, String> purposes = new HashMap<>();
    trail
        .get("deliveries")
        .forEach(
            d ->
                purposes.put(
                    d.get("agency").asText() + " " + d.get("grant").asText(),
                    d.get("purpose").asText()));
    assertThat(purposes)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "BNV bnv-staff.1", "CIVIL_SERVICE_MANAGEMENT",
                "BCA bca-province.1", "RESIDENCE_CHECK"));
    JsonNode nobody =
        auditor.call("GET", "/api/ledger/subjects/099999999999", null, null).expect(200);
    assertThat(nobody.get("deliveries")).isEmpty();
    auditor.call("GET", "/api/ledger/verify", null, null).expect(200);
  }

  @Test
  @Order(6)
  void everyBatchHasAnOperationalRecordAndMetrics() throws Exception {
    await("the operational records of the BCA's deliveries")
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode ops =
                  auditor
                      .call(
                          "GET",
                          "/api/operations?flow=bca-province&route=deliver&size=1000",
                          null,
                          null)
                      .expect(200);
              long records = 0;
              for (JsonNode op : ops) {
                assertThat(op.get("bytes").asLong()).isPositive();
                assertThat(op.get("durationMicros").asLong()).isPositive();
                assertThat(op.get("fault").isNull()).isTrue();
                records += op.get("records").asLong();
              }
              assertThat(records).as("records delivered to the BCA").isEqualTo(200);
            });
    JsonNode ingest =
        auditor.call("GET", "/api/operations?flow=p01-hr&route=ingest", null, null).expect(200);
    assertThat(ingest).isNotEmpty();
    JsonNode bytes =
        auditor
            .call("GET", "/actuator/metrics/truc.batch.bytes?tag=id:bca-province", null, null)
            .expect(200);
    assertThat(bytes.at("/measurements/0/value").asDouble()).as("batches measured").isPositive();
    auditor.call("GET", "/api/operations?outcome=maybe", null, null).expect(400);
  }

  // --- the receivers, read as they would ---------------------------------------------------------

  private int tableCount() throws Exception {
    try (Connection c = platform.ministryDb();
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM civil_servant")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Hà Nội's staff, numbered from 100,001 so that no ID number is also one of Ninh Bình's. */
  private void hireInHanoi(int from, int count) throws Exception {
    try (Connection c = hanoi()) {
      people.insert(c, 100_000 + from, count);
    }
  }

  private Set<String> hanoiIds() throws Exception {
    Set<String> ids = new TreeSet<>();
    try (Connection c = hanoi();
        ResultSet rs = c.createStatement().executeQuery("SELECT SO_CCCD FROM CB_CONG_CHUC")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private Connection hanoi() throws Exception {
    return java.sql.DriverManager.getConnection(
        hanoiUrl, engines().mariaDbUser(), engines().mariaDbPassword());
  }

  private List<ConsumerRecord<String, byte[]>> awaitTopic(String subscription, int count) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    await(count + " records on truc.sub." + subscription)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              found.clear();
              found.addAll(readTopic(subscription));
              assertThat(found.size()).isGreaterThanOrEqualTo(count);
            });
    assertThat(found).hasSize(count);
    return found;
  }

  /** Everything on the subscription's topic, read from the start by a new consumer. */
  private List<ConsumerRecord<String, byte[]>> readTopic(String subscription) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, engines().kafkaBootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + System.nanoTime());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            p,
            new org.apache.kafka.common.serialization.StringDeserializer(),
            new ByteArrayDeserializer())) {
      String topic = "truc.sub." + subscription;
      var partitions =
          consumer.partitionsFor(topic).stream()
              .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        consumer.poll(Duration.ofMillis(200)).forEach(all::add);
      }
    }
    return all;
  }

  /** A record of the wire format, with the writer schema fetched from the platform's registry. */
  private GenericRecord decode(byte[] value) throws Exception {
    assertThat(value[0]).as("magic byte").isZero();
    int id = ByteBuffer.wrap(value, 1, 4).getInt();
    JsonNode schema = auditor.call("GET", "/schemas/ids/" + id, null, null).expect(200);
    Schema writer = new Schema.Parser().parse(schema.get("schema").asText());
    return new GenericDatumReader<GenericRecord>(writer)
        .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
  }

  private static List<String> keysOf(List<ConsumerRecord<String, byte[]>> records) {
    return records.stream().map(ConsumerRecord::key).toList();
  }

  /** Personal ID numbers of people {@code from}..{@code to}. */
  private Set<String> idsBetween(int from, int to) throws Exception {
    Set<String> ids = new TreeSet<>();
    try (Connection c = platform.provinceDb();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT SO_CCCD FROM CB_CONG_CHUC WHERE "
                        + NUMBER
                        + " BETWEEN "
                        + from
                        + " AND "
                        + to)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private String state(String subscription) throws Exception {
    return auditor
        .call("GET", "/api/subscriptions/" + subscription + "/status", null, null)
        .expect(200)
        .get("state")
        .asText();
  }

  // --- requests --------------------------------------------------------------------------------

  /** deploy/bin/truc as the BNV's data owner. */
  private String cli(String... args) throws Exception {
    return TrucCli.run(TestPlatform.baseUrl(app), bnvApproverToken, args);
  }

  private PlatformHttp.Reply post(String body) throws Exception {
    return bnvAdmin.call("POST", "/api/subscriptions", body, "application/json");
  }

  private static void assertProblem(
      PlatformHttp.Reply reply, int status, String field, String reason) {
    assertThat(reply.status()).as("status; body %s", reply.body()).isEqualTo(status);
    List<String> problems = new ArrayList<>();
    reply
        .body()
        .get("problems")
        .forEach(p -> problems.add(p.get("field").asText() + ": " + p.get("reason").asText()));
    assertThat(problems).anyMatch(p -> p.startsWith(field + ": ") && p.contains(reason));
  }

  private static Map<String, Object> terms(String... fields) {
    return Grants.terms(fields);
  }

  private String tableFeed(String id, String contract, Map<String, Object> grant) throws Exception {
    Map<String, Object> d =
        JSON.readValue(
            MinistryTable.subscriptionJson(id, platform.ministryUrl(), engines()),
            new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {});
    d.put("contract", contract);
    d.put(
        "columns",
        Map.of(
            "full_name", "fullName",
            "date_of_birth", "dateOfBirth",
            "ethnicity", "ethnicity",
            "religion", "religion",
            "source_agency", "header.sourceAgency",
            "source_position", "header.sourcePosition",
            "trace_id", "header.traceId"));
    d.put("grant", grant);
    return JSON.writeValueAsString(d);
  }

  private static String topicFeed(String id, Map<String, Object> grant) throws Exception {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("agency", id.startsWith("bca") ? "BCA" : "BNV");
    d.put("contract", "CivilServant");
    d.put("kind", "kafka-topic");
    d.put("grant", grant);
    return JSON.writeValueAsString(d);
  }

  private String connectorYaml(String id, String agency, String url) {
    return ProvinceTable.connectorYaml(
        id,
        agency,
        url,
        engines().mariaDbUser(),
        engines().mariaDbPassword(),
        List.of(
            "fullName: HO_TEN",
            "dateOfBirth: NGAY_SINH",
            "gender: GIOI_TINH",
            "ethnicity: DAN_TOC",
            "religion: TON_GIAO",
            "residence.provinceCode: MA_TINH",
            "residence.districtCode: MA_HUYEN",
            "residence.communeCode: MA_XA",
            "staffCategory: LOAI_CB"));
  }

  private PlatformHttp as(TokenMinter minter, String subject, String agency, Role role) {
    return new PlatformHttp(
        TestPlatform.baseUrl(app),
        minter.mint(TokenMinter.Claims.valid(subject, agency, List.of(role), Duration.ofHours(1))));
  }
}
