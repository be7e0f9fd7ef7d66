package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.truc.platform.TrucApplication;
import vn.truc.platform.demo.CivilServantGenerator;

/**
 * A ministry that receives civil servants over HTTP instead of into its database: province table ->
 * Kafka -> {@code http} subscription -> the ministry's endpoint. The endpoint is down for the first
 * batches and later loses an answer after applying a batch; every person must still arrive with the
 * latest values, and every replay of a batch must carry that batch's Idempotency-Key, so the
 * endpoint applies it once.
 */
abstract class HttpSinkContract extends EnginesContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "Bearer bnv-it-s3cret";
  private static final int HIRES = 600;
  private static final int RAISES = 150;

  private TestPlatform platform;
  private HttpSinkReceiver ministry;
  private ConfigurableApplicationContext app;

  @BeforeAll
  void start() throws Exception {
    platform = TestPlatform.prepare(engines());
    ministry = new HttpSinkReceiver();
    app =
        new SpringApplicationBuilder(TrucApplication.class)
            .run(
                "--spring.datasource.url=" + platform.platformUrl(),
                "--spring.datasource.username=" + engines().postgresUser(),
                "--spring.datasource.password=" + engines().postgresPassword(),
                "--spring.kafka.bootstrap-servers=" + engines().kafkaBootstrapServers(),
                "--server.port=0");
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
    if (ministry != null) {
      ministry.close();
    }
  }

  @Test
  void everyPersonArrivesWithTheLatestValuesAndReplaysCarryTheirBatchKey() throws Exception {
    platform.hire(new CivilServantGenerator(41), 1, HIRES);
    // Two failures: the sink's own retry (max.retries 1) fails too, so the platform's route
    // redelivers the batch; the third POST of that same batch is accepted.
    ministry.unavailableFor(2);

    api().call("POST", "/api/subscriptions", subscription(), "application/json").expect(201);
    Grants.approve(api(), "bnv-http");
    assertThat(ministry.probes()).as("the check at registration").containsExactly(SECRET);
    JsonNode shown = api().call("GET", "/api/subscriptions/bnv-http", null, null).expect(200);
    assertThat(shown.toString()).doesNotContain(SECRET);
    api().call("POST", "/api/connectors", connector(), "application/yaml").expect(201);

    awaitConvergence();
    List<HttpSinkReceiver.Post> firstBatch = ministry.posts().subList(0, 3);
    assertThat(firstBatch).extracting(HttpSinkReceiver.Post::status).containsExactly(503, 503, 200);
    assertThat(firstBatch)
        .extracting(HttpSinkReceiver.Post::idempotencyKey)
        .as("one key for the batch, through the sink's retry and the platform's redelivery")
        .containsOnly(firstBatch.get(0).idempotencyKey());
    assertThat(firstBatch)
        .extracting(HttpSinkReceiver.Post::records)
        .containsOnly(firstBatch.get(0).records());
    assertThat(ministry.posts())
        .extracting(HttpSinkReceiver.Post::authorization)
        .containsOnly(SECRET);
    JsonNode status =
        api().call("GET", "/api/subscriptions/bnv-http/status", null, null).expect(200);
    assertThat(status.get("state").asText()).isEqualTo("RUNNING");
    assertThat(status.get("lastError").asText())
        .as("the outage shows in the status, without the credentials")
        .contains("POST " + ministry.url())
        .contains("answered 503")
        .doesNotContain("s3cret");

    // The ministry applies the next batch but its answer is lost: the sink times out and sends
    // the batch again, under the same key, and the ministry does not apply it twice.
    ministry.loseTheNextAnswer();
    try (Connection p = platform.provinceDb();
        Statement s = p.createStatement()) {
      s.executeUpdate(
          "UPDATE CB_CONG_CHUC SET BAC_LUONG = BAC_LUONG + 1, HE_SO_LUONG = HE_SO_LUONG + 0.33,"
              + " NGAY_CAP_NHAT = CURRENT_TIMESTAMP(6) WHERE MA_CB <= "
              + RAISES);
    }
    awaitConvergence();
    // Applied before its answer was lost, so converged already; the replay comes on timeout.
    int lost = indexOfStatus(ministry.posts(), 0);
    assertThat(lost).as("a batch whose answer was lost").isNotNegative();
    await("the batch sent again after its answer was lost")
        .atMost(Duration.ofSeconds(30))
        .until(() -> ministry.posts().size() > lost + 1);
    List<HttpSinkReceiver.Post> posts = ministry.posts();
    HttpSinkReceiver.Post replay = posts.get(lost + 1);
    assertThat(replay.idempotencyKey()).isEqualTo(posts.get(lost).idempotencyKey());
    assertThat(replay.records()).isEqualTo(posts.get(lost).records());
    assertThat(replay.status()).isEqualTo(200);
  }

  private void awaitConvergence() {
    await("the ministry's endpoint holds the province's latest values")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(
                        Convergence.differences(Convergence.province(platform), ministry.people()))
                    .isEmpty());
  }

  private static int indexOfStatus(List<HttpSinkReceiver.Post> posts, int status) {
    for (int i = 0; i < posts.size(); i++) {
      if (posts.get(i).status() == status) {
        return i;
      }
    }
    return -1;
  }

  private String subscription() throws Exception {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("url", ministry.url());
    settings.put("auth.header", SECRET);
    settings.put("max.retries", 1);
    settings.put("backoff.initial.ms", 50);
    settings.put("backoff.max.ms", 200);
    // Short, so the lost answer is given up on quickly; the local endpoint answers in ms.
    settings.put("timeout.ms", 2_000);
    settings.put("batch.max.records", 250);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", "bnv-http");
    d.put("agency", "BNV");
    d.put("contract", "CivilServant");
    d.put("kind", "http");
    d.put("settings", settings);
    d.put(
        "columns",
        Map.of(
            "full_name", "fullName",
            "date_of_birth", "dateOfBirth",
            "salary_step", "salaryStep",
            "salary_coefficient", "salaryCoefficient",
            "source_position", "header.sourcePosition"));
    d.put("grant", Grants.terms("fullName", "dateOfBirth", "salaryStep", "salaryCoefficient"));
    return JSON.writeValueAsString(d);
  }

  private String connector() {
    return ProvinceTable.connectorYaml(
        "p37-hr",
        platform.provinceUrl(),
        engines().mariaDbUser(),
        engines().mariaDbPassword(),
        java.util.List.of(
            "fullName: HO_TEN",
            "dateOfBirth: NGAY_SINH",
            "gender: GIOI_TINH",
            "staffCategory: LOAI_CB",
            "salaryStep: BAC_LUONG",
            "salaryCoefficient: HE_SO_LUONG",
            "residence.provinceCode: MA_TINH",
            "residence.districtCode: MA_HUYEN",
            "residence.communeCode: MA_XA"));
  }

  private PlatformHttp api() {
    return PlatformHttp.asPlatformAdmin(app);
  }
}
