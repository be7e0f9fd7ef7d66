package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
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
 * A province drops CSV exports into a folder: good rows reach the ministry, unreadable and invalid
 * rows go to the connector's dead-letter topic with their line, and the file is moved away with its
 * report. A record on the contract topic that cannot be decoded goes to the subscription's
 * dead-letter topic without holding back the good records around it.
 *
 * <p>The tests share one platform and the contract topic; they run in order because a subscription
 * registered later reads the topic from its beginning, which would add the second test's rows to
 * the first test's ministry table.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FileDropFlowContract extends EnginesContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTRACT_TOPIC = "truc.civilservant.v1";
  private static final String HEADER =
      "SO_CCCD,HO_TEN,NGAY_SINH,GIOI_TINH,LOAI_CB,MA_TINH,MA_HUYEN,MA_XA";

  private TestPlatform platform;
  private ConfigurableApplicationContext app;
  private Path dropRoot;

  @BeforeAll
  void start() throws Exception {
    platform = TestPlatform.prepare(engines());
    dropRoot =
        Files.createDirectories(
            Path.of("target", "file-drop-it", getClass().getSimpleName() + "-" + System.nanoTime())
                .toAbsolutePath());
    app = platform.startWithoutFlows();
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  @Test
  @Order(1)
  void aDroppedFileWithGoodAndBadRows() throws Exception {
    Path drop = Files.createDirectories(dropRoot.resolve("p37"));
    api()
        .call("POST", "/api/connectors", connectorYaml("p37-drop", drop), "application/yaml")
        .expect(201);
    api()
        .call(
            "POST",
            "/api/subscriptions",
            subscriptionJson("bnv-national", platform.ministryUrl()),
            "application/json")
        .expect(201);
    Grants.approve(api(), "bnv-national");

    // "Trần Thị Bình" written decomposed (NFD), as some Windows tools export it.
    String nfdName = Normalizer.normalize("Trần Thị Bình", Normalizer.Form.NFD);
    assertThat(nfdName).isNotEqualTo("Trần Thị Bình");
    String file = "p37-2026-11.csv";
    // Header on line 1; line 4 has an impossible date, line 6 one field too many.
    dropCsv(
        drop,
        file,
        List.of(
            "037085000101,Nguyễn Văn An,12/03/1985,Nam,Công chức,37,372,14428",
            "037190000102," + nfdName + ",05/07/1990,Nữ,Viên chức,37,372,14428",
            "037190000106,Võ Thị Lỗi,31/02/1990,Nữ,Công chức,37,372,14428",
            "037088000103,Lê Văn Cường,20/11/1988,Nam,Công chức,37,375,14596",
            "037085000107,Đỗ Văn Thừa,10/10/1985,Nam,Công chức,37,372,14428,THUA",
            "037195000104,Phạm Thị Dung,01/01/1995,Nữ,Công chức,37,375,14596",
            "037201000105,Hoàng Minh Đức,15/06/2001,Nam,Cán bộ,37,372,14428"));

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("037085000101", "Nguyễn Văn An");
    expected.put("037088000103", "Lê Văn Cường");
    expected.put("037190000102", "Trần Thị Bình");
    expected.put("037195000104", "Phạm Thị Dung");
    expected.put("037201000105", "Hoàng Minh Đức");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(ministryNames(platform.ministryUrl())).isEqualTo(expected));
    // Stored as NFC, whatever the file held.
    for (String name : ministryNames(platform.ministryUrl()).values()) {
      assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).as(name).isTrue();
    }

    // The connector's dead letters: exactly the two bad rows, each with its reason and its line.
    String dlq = "truc.dlq.ingest.p37-drop";
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Topics.readAll(engines().kafkaBootstrapServers(), dlq).size() >= 2);
    List<ConsumerRecord<byte[], byte[]>> dead =
        new ArrayList<>(Topics.readAll(engines().kafkaBootstrapServers(), dlq));
    assertThat(dead).hasSize(2);
    dead.sort(Comparator.comparing(r -> header(r, "truc.position")));
    assertThat(header(dead.get(0), "truc.position")).isEqualTo(file + "|4");
    assertThat(header(dead.get(0), "truc.errors"))
        .contains("dateOfBirth")
        .contains("31/02/1990")
        .doesNotContain("source-row");
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).contains("037190000106");
    assertThat(header(dead.get(1), "truc.position")).isEqualTo(file + "|6");
    assertThat(header(dead.get(1), "truc.errors"))
        .contains("source-row")
        .contains("9 fields where the header")
        .doesNotContain("dateOfBirth");
    assertThat(new String(dead.get(1).value(), StandardCharsets.UTF_8)).contains("037085000107");

    // The exchange log names both rejected rows.
    try (Connection c = platform.platformDb();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT record_count, record_keys, detail FROM exchange_log"
                        + " WHERE kind = 'REJECTED' AND actor = 'p37-drop'")) {
      assertThat(rs.next()).as("a REJECTED entry for p37-drop").isTrue();
      assertThat(rs.getInt(1)).isEqualTo(2);
      assertThat((String[]) rs.getArray(2).getArray())
          .containsExactlyInAnyOrder("037190000106", "037085000107");
      assertThat(rs.getString(3)).contains(dlq);
      assertThat(rs.next()).as("only one REJECTED entry").isFalse();
    }

    JsonNode status = api().call("GET", "/api/connectors/p37-drop/status", null, null).expect(200);
    assertThat(status.get("state").asText()).isEqualTo("RUNNING");
    assertThat(status.get("recordsIn").asLong()).isEqualTo(7);
    assertThat(status.get("recordsOut").asLong()).isEqualTo(5);
    assertThat(status.get("recordsRejected").asLong()).isEqualTo(2);
    assertThat(status.get("position").asText()).isEqualTo(file + "|8");

    // Done: moved on the poll after its last row was saved, with its report next to it.
    Path processed = drop.resolve("processed");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Files.exists(processed.resolve(file))
                    && Files.exists(processed.resolve(file + ".report.json")));
    assertThat(drop.resolve(file)).doesNotExist();
    JsonNode report = JSON.readTree(processed.resolve(file + ".report.json").toFile());
    assertThat(report.get("rows").asLong()).isEqualTo(7);
    assertThat(report.get("errorRows").asLong()).isEqualTo(1);
    assertThat(report.get("errors").toString()).contains("line 6");
    assertThat(report.get("firstLine").asLong()).isEqualTo(2);
    assertThat(report.get("lastLine").asLong()).isEqualTo(8);
    assertThat(report.get("position").asText()).isEqualTo(file + "|8");
  }

  @Test
  @Order(2)
  void aPoisonRecordDoesNotBlockItsBatch() throws Exception {
    String ministry = engines().postgresDatabase("bnv_poison");
    try (Connection c =
            DriverManager.getConnection(
                ministry, engines().postgresUser(), engines().postgresPassword());
        Statement s = c.createStatement()) {
      s.execute(CivilServantGenerator.ministryDdl());
    }
    api()
        .call(
            "POST",
            "/api/subscriptions",
            subscriptionJson("bnv-poison", ministry),
            "application/json")
        .expect(201);
    Grants.approve(api(), "bnv-poison");
    // Paused while the topic fills, so the poison record and its neighbours come in one go.
    api().call("POST", "/api/subscriptions/bnv-poison/pause", null, null).expect(200);

    Path drop = Files.createDirectories(dropRoot.resolve("p37-poison"));
    api()
        .call("POST", "/api/connectors", connectorYaml("p37-drop-poison", drop), "application/yaml")
        .expect(201);
    dropCsv(
        drop,
        "before.csv",
        List.of(
            "037086000201,Bùi Văn Bảy,02/02/1986,Nam,Công chức,37,372,14428",
            "037192000202,Đặng Thị Tám,03/03/1992,Nữ,Viên chức,37,375,14596",
            "037087000203,Ngô Văn Chín,04/04/1987,Nam,Công chức,37,372,14428"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "before.csv|4".equals(connectorPosition("p37-drop-poison")));

    byte[] poison = "not avro at all".getBytes(StandardCharsets.UTF_8);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines().kafkaBootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      producer
          .send(
              new ProducerRecord<>(
                  CONTRACT_TOPIC, "poison-key".getBytes(StandardCharsets.UTF_8), poison))
          .get();
    }

    dropCsv(
        drop,
        "after.csv",
        List.of(
            "037193000204,Lý Thị Mười,05/05/1993,Nữ,Công chức,37,372,14428",
            "037089000205,Trịnh Văn Một,06/06/1989,Nam,Cán bộ,37,375,14596",
            "037194000206,Mai Thị Hai,07/07/1994,Nữ,Viên chức,37,372,14428"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "after.csv|4".equals(connectorPosition("p37-drop-poison")));

    api().call("POST", "/api/subscriptions/bnv-poison/resume", null, null).expect(200);
    List<String> good =
        List.of(
            "037086000201",
            "037192000202",
            "037087000203",
            "037193000204",
            "037089000205",
            "037194000206");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(ministryNames(ministry).keySet()).containsAll(good));

    String dlq = "truc.dlq.delivery.bnv-poison";
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !Topics.readAll(engines().kafkaBootstrapServers(), dlq).isEmpty());
    List<ConsumerRecord<byte[], byte[]>> dead =
        Topics.readAll(engines().kafkaBootstrapServers(), dlq);
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).value()).isEqualTo(poison);
    assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("poison-key");
    assertThat(header(dead.get(0), "truc.errors")).containsIgnoringCase("wire format");
    assertThat(header(dead.get(0), "truc.position")).startsWith(CONTRACT_TOPIC + "/");

    try (Connection c = platform.platformDb();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT record_count, record_keys, detail FROM exchange_log"
                        + " WHERE kind = 'REJECTED' AND actor = 'bnv-poison'")) {
      assertThat(rs.next()).as("a REJECTED entry for bnv-poison").isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat((String[]) rs.getArray(2).getArray()).containsExactly("poison-key");
      assertThat(rs.getString(3)).contains(dlq);
      assertThat(rs.next()).as("only one REJECTED entry").isFalse();
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode status =
                  api().call("GET", "/api/subscriptions/bnv-poison/status", null, null).expect(200);
              assertThat(status.get("state").asText()).isEqualTo("RUNNING");
              assertThat(status.get("recordsRejected").asLong()).isEqualTo(1);
              assertThat(status.get("recordsOut").asLong()).isGreaterThanOrEqualTo(good.size());
              assertThat(status.get("lag").asLong()).isZero();
              assertThat(status.has("lastError")).as("lastError in %s", status).isFalse();
            });
  }

  private String connectorYaml(String id, Path directory) {
    return """
        id: %s
        agency: P37
        contract: CivilServant
        kind: file-drop
        pollIntervalMs: 200
        settings:
          directory: "%s"
          settle.ms: 200
        mapping:
          personalId: SO_CCCD
          fullName: HO_TEN
          dateOfBirth: NGAY_SINH
          gender: GIOI_TINH
          staffCategory: LOAI_CB
          residence.provinceCode: MA_TINH
          residence.districtCode: MA_HUYEN
          residence.communeCode: MA_XA
        constants:
          residence.structure: LEGACY_3_TIER
        """
        .formatted(id, directory);
  }

  private String subscriptionJson(String id, String ministryUrl) throws Exception {
    return MinistryTable.subscriptionJson(id, ministryUrl, engines());
  }

  /**
   * Writes a UTF-8 CSV with a BOM and CRLF line ends under a name the connector never reads, then
   * moves it into place in one step.
   */
  private static void dropCsv(Path directory, String name, List<String> rows) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.write((HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
    for (String row : rows) {
      bytes.write((row + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    Path temp = directory.resolve("." + name + ".part");
    Files.write(temp, bytes.toByteArray());
    Files.move(temp, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private Map<String, String> ministryNames(String url) throws Exception {
    return MinistryTable.names(url, engines());
  }

  private String connectorPosition(String id) throws Exception {
    JsonNode position =
        api()
            .call("GET", "/api/connectors/" + id + "/status", null, null)
            .expect(200)
            .get("position");
    return position == null || position.isNull() ? null : position.asText();
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    assertThat(h).as("header %s", name).isNotNull();
    return new String(h.value(), StandardCharsets.UTF_8);
  }

  /** Every record of a topic, from its beginning to the end offsets when called. */
  private PlatformHttp api() {
    return PlatformHttp.asPlatformAdmin(app);
  }
}
