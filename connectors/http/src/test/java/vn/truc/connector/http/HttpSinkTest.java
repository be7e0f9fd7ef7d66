package vn.truc.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.truc.connector.http.TestReceiver.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.truc.connector.api.SinkConnector;
import vn.truc.connector.api.SinkRecord;
import vn.truc.connector.api.TargetColumn;
import vn.truc.connector.api.ValueType;

/** The http sink against a real receiver (the JDK's HTTP server) on a local port. */
class HttpSinkTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T1 = Instant.parse("2026-03-01T08:00:00.000001Z");
  private static final Instant T2 = Instant.parse("2026-03-02T09:30:00Z");
  private static final List<TargetColumn> COLUMNS =
      List.of(
          new TargetColumn("full_name", ValueType.STRING, false),
          new TargetColumn("date_of_birth", ValueType.DATE, true),
          new TargetColumn("salary_coefficient", ValueType.DECIMAL, true),
          new TargetColumn("salary_step", ValueType.INT, true),
          new TargetColumn("recruited_at", ValueType.TIMESTAMP, true),
          new TargetColumn("note", ValueType.STRING, true));

  private final TestReceiver receiver = new TestReceiver();

  HttpSinkTest() throws Exception {}

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void postsTheBatchAsOneJsonDocumentWithAnIdempotencyKey() throws Exception {
    List<SinkRecord> batch =
        List.of(person("037085000101", "Nguyễn Văn An", T1, "2026-03-01T08:00:00|1"), delete());
    try (SinkConnector sink = sink(receiver.url(), Map.of())) {
      assertThat(sink.write(batch)).isEqualTo(2);
    }

    assertThat(receiver.requests()).hasSize(1);
    TestReceiver.Request request = receiver.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/ingest");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("Idempotency-Key")).matches("[0-9a-f]{64}");
    assertThat(JSON.readTree(request.body()))
        .isEqualTo(
            JSON.readTree(
                """
                {"records": [
                  {"key": "037085000101", "changedAt": "2026-03-01T08:00:00.000001Z",
                   "sourcePosition": "2026-03-01T08:00:00|1", "deleted": false,
                   "fields": {"full_name": "Nguyễn Văn An", "date_of_birth": "1985-03-12",
                              "salary_coefficient": 4.650, "salary_step": 3,
                              "recruited_at": "2010-09-01T01:00:00Z", "note": null}},
                  {"key": "037190000102", "changedAt": "2026-03-02T09:30:00Z",
                   "sourcePosition": "2026-03-02T09:30:00|2", "deleted": true, "fields": {}}
                ]}
                """));
    assertThat(request.body()).as("decimals exactly as held").contains(":4.650,");
  }

  @Test
  void theSameBatchAlwaysCarriesTheSameKeyAndAnotherBatchAnother() throws Exception {
    List<SinkRecord> batch = List.of(person("037085000101", "An", T1, "p|1"));
    List<SinkRecord> later = List.of(person("037085000101", "An", T2, "p|7"));
    try (SinkConnector sink = sink(receiver.url(), Map.of())) {
      sink.write(batch);
      sink.write(batch); // the platform replaying a batch it could not commit
      sink.write(later);
    }
    List<String> keys = keys();
    assertThat(keys.get(1)).isEqualTo(keys.get(0));
    assertThat(keys.get(2)).isNotEqualTo(keys.get(0));
  }

  @Test
  void serviceUnavailableTwiceThenAcceptedMakesThreeAttemptsOfTheSameRequest() throws Exception {
    receiver.then(status(503, "maintenance"), status(503, "maintenance"));
    try (SinkConnector sink = sink(receiver.url(), Map.of("max.retries", 3))) {
      assertThat(sink.write(List.of(person("037085000101", "An", T1, "p|1")))).isEqualTo(1);
    }
    assertThat(receiver.requests()).hasSize(3);
    assertThat(keys()).containsOnly(keys().get(0));
    assertThat(receiver.requests())
        .extracting(TestReceiver.Request::body)
        .containsOnly(receiver.requests().get(0).body());
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void transientStatusesAreRetried(int status) throws Exception {
    receiver.then(status(status, "try later"));
    try (SinkConnector sink = sink(receiver.url(), Map.of())) {
      sink.write(List.of(person("037085000101", "An", T1, "p|1")));
    }
    assertThat(receiver.requests()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 503})
  void retryAfterIsHonoured(int status) throws Exception {
    receiver.then(status(status, "slow down", "Retry-After", "1"));
    try (SinkConnector sink =
        sink(receiver.url(), Map.of("backoff.initial.ms", 5, "backoff.max.ms", 5_000))) {
      sink.write(List.of(person("037085000101", "An", T1, "p|1")));
    }
    assertThat(receiver.requests()).hasSize(2);
    assertThat(gapBetweenFirstTwoRequests()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void retryAfterBeyondTheLongestBackoffIsCappedAtIt() throws Exception {
    receiver.then(status(503, "back in an hour", "Retry-After", "3600"));
    try (SinkConnector sink = sink(receiver.url(), Map.of("backoff.max.ms", 50))) {
      sink.write(List.of(person("037085000101", "An", T1, "p|1")));
    }
    assertThat(receiver.requests()).hasSize(2);
    assertThat(gapBetweenFirstTwoRequests()).isLessThan(Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 413, 422})
  void aRefusedBatchFailsAtOnceWithTheStatusAndTheReceiversReason(int status) throws Exception {
    receiver.then(status(status, "{\"error\": \"fullName is required\"}"));
    try (SinkConnector sink = sink(receiver.url(), Map.of("max.retries", 3))) {
      assertThatThrownBy(() -> sink.write(List.of(person("037085000101", "", T1, "p|1"))))
          .isInstanceOfSatisfying(
              HttpDeliveryException.class,
              e -> {
                assertThat(e.status()).isEqualTo(status);
                assertThat(e.attempts()).isEqualTo(1);
              })
          .hasMessageContaining(receiver.url())
          .hasMessageContaining("answered " + status)
          .hasMessageContaining("fullName is required")
          .hasMessageContaining("not retried");
    }
    assertThat(receiver.requests()).hasSize(1);
  }

  @Test
  void aRedirectIsNeitherFollowedNorRetried() throws Exception {
    receiver.then(status(307, "", "Location", "https://new.example/ingest?token=abc"));
    try (SinkConnector sink = sink(receiver.url(), Map.of())) {
      assertThatThrownBy(() -> sink.write(List.of(person("037085000101", "An", T1, "p|1"))))
          .hasMessageContaining("answered 307 to https://new.example/ingest?******")
          .hasMessageContaining("set url to the final address")
          .hasMessageNotContaining("abc");
    }
    assertThat(receiver.requests()).hasSize(1);
  }

  @Test
  void whenRetriesRunOutTheWriteFailsWithTheLastAnswer() throws Exception {
    receiver.then(status(500, "boom"), status(502, "bad gateway"), status(500, "boom again"));
    try (SinkConnector sink = sink(receiver.url(), Map.of("max.retries", 2))) {
      assertThatThrownBy(() -> sink.write(List.of(person("037085000101", "An", T1, "p|1"))))
          .isInstanceOfSatisfying(
              HttpDeliveryException.class,
              e -> {
                assertThat(e.status()).isEqualTo(500);
                assertThat(e.attempts()).isEqualTo(3);
              })
          .hasMessageContaining("POST " + receiver.url())
          .hasMessageContaining("failed 3 times")
          .hasMessageContaining("answered 500: boom again");
    }
    assertThat(receiver.requests()).hasSize(3);
  }

  @Test
  void aRequestWithoutAnswerInTimeIsRetriedWithTheSameKey() throws Exception {
    receiver.then(receiver.silence());
    try (SinkConnector sink = sink(receiver.url(), Map.of("timeout.ms", 1_000))) {
      assertThat(sink.write(List.of(person("037085000101", "An", T1, "p|1")))).isEqualTo(1);
    }
    assertThat(receiver.requests()).hasSize(2);
    assertThat(keys().get(1)).isEqualTo(keys().get(0));
  }

  @Test
  void aReceiverThatNeverAnswersFailsTheWriteNamingTheTimeout() throws Exception {
    receiver.then(receiver.silence(), receiver.silence());
    try (SinkConnector sink = sink(receiver.url(), Map.of("timeout.ms", 200, "max.retries", 1))) {
      assertThatThrownBy(() -> sink.write(List.of(person("037085000101", "An", T1, "p|1"))))
          .isInstanceOfSatisfying(HttpDeliveryException.class, e -> assertThat(e.status()).isZero())
          .hasMessageContaining("failed 2 times")
          .hasMessageContaining("no answer within 200 ms");
    }
  }

  @Test
  void anUnreachableReceiverIsRetriedThenFailsTheWrite() throws Exception {
    String closed = "http://127.0.0.1:" + closedPort() + "/ingest";
    try (SinkConnector sink = sink(closed, Map.of("max.retries", 2))) {
      assertThatThrownBy(() -> sink.write(List.of(person("037085000101", "An", T1, "p|1"))))
          .isInstanceOfSatisfying(
              HttpDeliveryException.class,
              e -> {
                assertThat(e.status()).isZero();
                assertThat(e.attempts()).isEqualTo(3);
              })
          .hasMessageContaining("POST " + closed)
          .hasMessageContaining("failed 3 times")
          .hasMessageContaining("cannot connect");
    }
  }

  @Test
  void theAuthHeaderIsSentButNeverShownInErrorsLogsOrToString() throws Exception {
    String secret = "Bearer s3cr3t-t0ken-value";
    receiver.then(
        status(503, "token s3cr3t-t0ken-value is fine, we are not"),
        status(401, "{\"error\": \"bad header " + secret + "\"}"));
    Map<String, Object> settings = Map.of("auth.header", secret);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try (SinkConnector sink = sink(receiver.url(), settings)) {
      assertThatThrownBy(() -> sink.write(List.of(person("037085000101", "An", T1, "p|1"))))
          .hasMessageContaining("answered 401")
          .hasMessageContaining("bad header ******")
          .hasMessageNotContaining("s3cr3t");
      assertThat(sink.toString()).contains(receiver.url()).doesNotContain("s3cr3t");
    } finally {
      System.setErr(stderr);
    }
    assertThat(receiver.requests()).extracting(r -> r.header("Authorization")).containsOnly(secret);
    assertThat(log.toString(StandardCharsets.UTF_8))
        .as("the retry was logged")
        .contains("answered 503")
        .doesNotContain("s3cr3t");
    assertThat(HttpSinkSettings.from(parse(receiver.url(), settings)).toString())
        .doesNotContain("s3cr3t");
    assertThat(parse(receiver.url(), settings).toString()).doesNotContain("s3cr3t");
  }

  @Test
  void theAuthHeaderCanHaveAnotherName() throws Exception {
    try (SinkConnector sink =
        sink(receiver.url(), Map.of("auth.header", "k-123", "auth.header.name", "X-Api-Key"))) {
      sink.write(List.of(person("037085000101", "An", T1, "p|1")));
    }
    TestReceiver.Request request = receiver.requests().get(0);
    assertThat(request.header("X-Api-Key")).isEqualTo("k-123");
    assertThat(request.header("Authorization")).isNull();
  }

  @Test
  void aQueryStringReachesTheReceiverButIsMaskedInErrors() throws Exception {
    receiver.then(status(400, "no"));
    try (SinkConnector sink = sink(receiver.url() + "?api_key=k-456", Map.of())) {
      assertThatThrownBy(() -> sink.write(List.of(person("037085000101", "An", T1, "p|1"))))
          .hasMessageContaining(receiver.url() + "?******")
          .hasMessageNotContaining("k-456");
    }
    assertThat(receiver.requests().get(0).query()).isEqualTo("api_key=k-456");
  }

  @Test
  void anEmptyBatchSendsNothing() throws Exception {
    try (SinkConnector sink = sink(receiver.url(), Map.of())) {
      assertThat(sink.write(List.of())).isZero();
    }
    assertThat(receiver.requests()).isEmpty();
  }

  @Test
  void aBatchLargerThanTheLimitGoesInSeveralRequestsWithStableKeys() throws Exception {
    List<SinkRecord> batch = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      batch.add(person("03708500010" + i, "Person " + i, T1, "p|" + i));
    }
    try (SinkConnector sink = sink(receiver.url(), Map.of("batch.max.records", 2))) {
      assertThat(sink.write(batch)).isEqualTo(5);
      sink.write(batch);
    }
    List<Integer> sizes = new ArrayList<>();
    for (TestReceiver.Request r : receiver.requests()) {
      sizes.add(JSON.readTree(r.body()).get("records").size());
    }
    assertThat(sizes).containsExactly(2, 2, 1, 2, 2, 1);
    List<String> keys = keys();
    assertThat(keys.subList(0, 3)).doesNotHaveDuplicates();
    assertThat(keys.subList(3, 6)).as("the replay's keys").isEqualTo(keys.subList(0, 3));
  }

  private Duration gapBetweenFirstTwoRequests() {
    List<TestReceiver.Request> r = receiver.requests();
    return Duration.ofNanos(r.get(1).arrivedNanos() - r.get(0).arrivedNanos());
  }

  private List<String> keys() {
    return receiver.requests().stream().map(r -> r.header("Idempotency-Key")).toList();
  }

  private static SinkRecord person(String key, String name, Instant changedAt, String position) {
    Map<String, Object> columns = new HashMap<>();
    columns.put("full_name", name);
    columns.put("date_of_birth", LocalDate.of(1985, 3, 12));
    columns.put("salary_coefficient", new BigDecimal("4.650"));
    columns.put("salary_step", 3);
    columns.put("recruited_at", Instant.parse("2010-09-01T01:00:00Z"));
    columns.put("note", null);
    return new SinkRecord(key, columns, changedAt, position, false);
  }

  private static SinkRecord delete() {
    return new SinkRecord("037190000102", Map.of(), T2, "2026-03-02T09:30:00|2", true);
  }

  static vn.truc.connector.api.ConnectorConfig parse(String url, Map<String, Object> more) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("url", url);
    // Small waits keep the retry tests fast; the defaults are for real receivers.
    settings.put("backoff.initial.ms", 5);
    settings.put("backoff.max.ms", 20);
    settings.put("timeout.ms", 5_000);
    settings.putAll(more);
    return new HttpSinkKind().config().parse(settings);
  }

  private static SinkConnector sink(String url, Map<String, Object> more) {
    return new HttpSinkKind().create(parse(url, more), COLUMNS);
  }

  static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
