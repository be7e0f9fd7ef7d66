package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.truc.platform.TrucApplication;
import vn.truc.platform.demo.CivilServantGenerator;

/**
 * What a provincial IT officer does through the API: validate a definition and read every problem,
 * register a connector (YAML) and a subscription (JSON), watch records flow, pause, resume, move
 * offsets, survive a platform restart, delete.
 */
abstract class ConnectorApiContract extends EnginesContract {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TestPlatform platform;
  private ConfigurableApplicationContext app;
  private final CivilServantGenerator people = new CivilServantGenerator(23);

  @BeforeAll
  void start() throws Exception {
    platform = TestPlatform.prepare(engines());
    app = startWithoutFlowFiles();
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void aConnectorLivesThroughTheApi() throws Exception {
    // 1. Validation lists every problem, each with its field, before anything runs.
    String broken =
        """
        id: P37 HR
        agency: P37
        contract: CivilServant
        kind: jdbc-polling
        settings: {jdbc.url: "jdbc:oracle:thin:@x", jdbc.user: u, table: T, key.column: K, timestamp.column: TS}
        mapping: {fullName: HO_TEN, shoeSize: CO_GIAY}
        """;
    JsonNode invalid =
        api().call("POST", "/api/connectors/validate", broken, "application/yaml").expect(200);
    assertThat(invalid.get("valid").asBoolean()).isFalse();
    assertThat(fields(invalid))
        .containsExactlyInAnyOrder(
            "id",
            "settings.jdbc.url",
            "mapping.shoeSize",
            "mapping.personalId",
            "mapping.dateOfBirth");

    JsonNode unreachable =
        api()
            .call(
                "POST",
                "/api/connectors/validate",
                yaml("p37-hr", "jdbc:mariadb://localhost:1/none", "HO_TEN", ""),
                "application/yaml")
            .expect(200);
    assertThat(fields(unreachable)).containsExactly("source.jdbc.url");

    JsonNode wrongColumn =
        api()
            .call(
                "POST",
                "/api/connectors/validate",
                yaml("p37-hr", platform.provinceUrl(), "HO_TEN_CU", ""),
                "application/yaml")
            .expect(200);
    assertThat(fields(wrongColumn)).containsExactly("source.HO_TEN_CU");

    JsonNode refused =
        api()
            .call(
                "POST",
                "/api/connectors",
                yaml("p37-hr", platform.provinceUrl(), "HO_TEN_CU", ""),
                "application/yaml")
            .expect(422);
    assertThat(fields(refused)).containsExactly("source.HO_TEN_CU");
    api().call("POST", "/api/connectors", "id: [unclosed", "application/yaml").expect(400);
    assertThat(
            fields(
                api()
                    .call("POST", "/api/connectors", "id: x\ncolour: blue", "application/yaml")
                    .expect(400)))
        .containsExactly("colour");

    // 2. Register: YAML for the connector, JSON for the subscription. The password is masked.
    JsonNode created =
        api()
            .call(
                "POST",
                "/api/connectors",
                yaml("p37-hr", platform.provinceUrl(), "HO_TEN", ""),
                "application/yaml")
            .expect(201);
    assertThat(created.at("/definition/settings/jdbc.password").asText()).isEqualTo("******");
    assertThat(created.toString()).doesNotContain(password());
    api().call("POST", "/api/subscriptions", subscriptionJson(), "application/json").expect(201);
    Grants.approve(api(), "bnv-national");

    platform.hire(people, 1, 300);
    await().atMost(Duration.ofSeconds(60)).until(() -> ministryCount() == 300);
    JsonNode status = api().call("GET", "/api/connectors/p37-hr/status", null, null).expect(200);
    assertThat(status.get("state").asText()).isEqualTo("RUNNING");
    assertThat(status.get("recordsOut").asLong()).isEqualTo(300);
    assertThat(status.get("position").asText()).endsWith("|300");
    assertThat(api().call("GET", "/api/connectors", null, null).expect(200)).hasSize(1);

    // 3. Paused, nothing flows; resumed, it catches up.
    assertThat(
            api()
                .call("POST", "/api/connectors/p37-hr/pause", null, null)
                .expect(200)
                .get("state")
                .asText())
        .isEqualTo("PAUSED");
    platform.hire(people, 301, 100);
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> ministryCount() == 300);
    api().call("POST", "/api/connectors/p37-hr/resume", null, null).expect(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> ministryCount() == 400);

    // 4. Offsets move only while paused; back to the start re-reads everything.
    api()
        .call("PUT", "/api/connectors/p37-hr/offsets", "{\"to\":\"start\"}", "application/json")
        .expect(409);
    api().call("POST", "/api/connectors/p37-hr/pause", null, null).expect(200);
    // A position the connector could never resume from is refused, with why; nothing is saved.
    JsonNode badPosition =
        api()
            .call(
                "PUT",
                "/api/connectors/p37-hr/offsets",
                "{\"position\":\"yesterday\"}",
                "application/json")
            .expect(422);
    assertThat(badPosition.at("/problems/0/field").asText()).isEqualTo("position");
    assertThat(badPosition.at("/problems/0/reason").asText()).contains("timestamp|key");
    assertThat(
            api()
                .call(
                    "PUT",
                    "/api/connectors/p37-hr/offsets",
                    "{\"to\":\"start\"}",
                    "application/json")
                .expect(200)
                .get("position")
                .isNull())
        .isTrue();
    long ingestedBefore = ingestedRecords();
    api().call("POST", "/api/connectors/p37-hr/resume", null, null).expect(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> ingestedRecords() >= ingestedBefore + 400);
    assertThat(ministryCount()).isEqualTo(400);

    // 5. Registered flows come back after a restart, paused ones paused.
    api().call("POST", "/api/subscriptions/bnv-national/pause", null, null).expect(200);
    app.close();
    app = startWithoutFlowFiles();
    assertThat(
            api()
                .call("GET", "/api/subscriptions/bnv-national/status", null, null)
                .expect(200)
                .get("state")
                .asText())
        .isEqualTo("PAUSED");
    assertThat(
            api()
                .call("GET", "/api/connectors/p37-hr/status", null, null)
                .expect(200)
                .get("state")
                .asText())
        .isEqualTo("RUNNING");
    platform.hire(people, 401, 50);
    api().call("POST", "/api/subscriptions/bnv-national/resume", null, null).expect(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> ministryCount() == 450);

    // 6. The CLI is the same API.
    assertThat(cli("connectors", "status", "p37-hr")).contains("\"state\": \"RUNNING\"");
    assertThat(cli("subscriptions", "list")).contains("bnv-national");

    // 7. The API describes itself (OpenAPI).
    JsonNode openApi = api().call("GET", "/v3/api-docs", null, null).expect(200);
    assertThat(openApi.get("paths").has("/api/{types}/validate")).isTrue();
    assertThat(openApi.get("paths").has("/subjects/{subject}/versions")).isTrue();

    // 8. Delete.
    api().call("DELETE", "/api/connectors/p37-hr", null, null).expect(204);
    api().call("GET", "/api/connectors/p37-hr", null, null).expect(404);
    assertThat(api().call("GET", "/api/connectors", null, null).expect(200)).isEmpty();

    // 9. Every administrative action is in the exchange ledger, by whom: the token's subject.
    java.util.List<String> actions = new java.util.ArrayList<>();
    try (var c = platform.platformDb();
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT actor, detail, first_position, last_position FROM exchange_log"
                        + " WHERE kind = 'ADMINISTERED' AND detail LIKE 'connector p37-hr %'"
                        + " ORDER BY seq")) {
      while (rs.next()) {
        assertThat(rs.getString(1)).isEqualTo("it-platform-admin");
        actions.add(rs.getString(2).replace("connector p37-hr ", "").replace(" (agency P37)", ""));
        if (rs.getString(2).contains("offsets moved")) {
          assertThat(rs.getString(3)).as("the position before").isNotNull();
        }
      }
    }
    assertThat(actions)
        .containsSubsequence("registered", "paused", "offsets moved", "resumed", "deleted");
    // Batches record the contract version they moved: CivilServant is at version 2.
    try (var c = platform.platformDb();
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT DISTINCT contract_version FROM exchange_log"
                        + " WHERE kind = 'INGESTED' AND actor = 'p37-hr'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(2);
      assertThat(rs.next()).as("one version only").isFalse();
    }
  }

  @Test
  void aFlowFileNamingAnUnknownAgencyStopsTheStartNamingIt() throws Exception {
    java.nio.file.Path file =
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "flow-files"))
            .resolve("unknown-agency.yaml");
    java.nio.file.Files.writeString(
        file,
        "connectors:\n"
            + yaml("p99-hr", platform.provinceUrl(), "HO_TEN", "")
                .replace("agency: P37", "agency: P99")
                .indent(4)
                .replaceFirst("^    id:", "  - id:"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                platform.startWithoutFlows(
                    "--truc.flows[0]=file:" + file.toAbsolutePath(),
                    "--truc.data-dir=" + java.nio.file.Path.of("target", "flow-files", "data")))
        .hasStackTraceContaining("agency")
        .hasStackTraceContaining("'P99'");
  }

  @Test
  void aMappingWhoseColumnCanNeverBecomeItsFieldIsRefused() throws Exception {
    // BAC_LUONG is an INT column: a number is at most a year, never a whole date.
    String definition =
        yaml("p37-types", platform.provinceUrl(), "HO_TEN", "recruitmentDate: BAC_LUONG");

    JsonNode checked =
        api().call("POST", "/api/connectors/validate", definition, "application/yaml").expect(200);
    assertThat(fields(checked)).containsExactly("mapping.recruitmentDate");
    assertThat(checked.at("/problems/0/reason").asText())
        .contains("'BAC_LUONG' is INT")
        .contains("cannot become a date");
    api().call("POST", "/api/connectors", definition, "application/yaml").expect(422);
  }

  private String yaml(String id, String url, String nameColumn, String extraMapping) {
    return ProvinceTable.connectorYaml(
        id,
        url,
        engines().mariaDbUser(),
        password(),
        java.util.List.of(
            "fullName: " + nameColumn,
            "dateOfBirth: NGAY_SINH",
            "gender: GIOI_TINH",
            "residence.provinceCode: MA_TINH",
            "residence.districtCode: MA_HUYEN",
            "residence.communeCode: MA_XA",
            extraMapping.isEmpty() ? "staffCategory: LOAI_CB" : extraMapping));
  }

  /** The embedded MariaDB accepts any password; a real one is needed to show it masked. */
  private String password() {
    return engines().mariaDbPassword().isEmpty() ? "s3cret" : engines().mariaDbPassword();
  }

  private String subscriptionJson() throws Exception {
    return MinistryTable.subscriptionJson("bnv-national", platform.ministryUrl(), engines());
  }

  private ConfigurableApplicationContext startWithoutFlowFiles() {
    return new SpringApplicationBuilder(TrucApplication.class)
        .run(
            "--spring.datasource.url=" + platform.platformUrl(),
            "--spring.datasource.username=" + engines().postgresUser(),
            "--spring.datasource.password=" + engines().postgresPassword(),
            "--spring.kafka.bootstrap-servers=" + engines().kafkaBootstrapServers(),
            "--server.port=0");
  }

  /** Runs deploy/bin/truc against this platform and returns what it prints. */
  private String cli(String... args) throws Exception {
    return TrucCli.run(app, args);
  }

  private long ministryCount() throws Exception {
    try (var c = platform.ministryDb();
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM civil_servant")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private long ingestedRecords() throws Exception {
    try (var c = platform.platformDb();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COALESCE(SUM(record_count), 0) FROM exchange_log WHERE kind = 'INGESTED'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static java.util.List<String> fields(JsonNode body) {
    java.util.List<String> fields = new java.util.ArrayList<>();
    body.get("problems").forEach(p -> fields.add(p.get("field").asText()));
    return fields;
  }

  private PlatformHttp api() {
    return PlatformHttp.asPlatformAdmin(app);
  }
}
