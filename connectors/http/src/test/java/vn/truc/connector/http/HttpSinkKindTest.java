package vn.truc.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.truc.connector.http.TestReceiver.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.SinkKind;

/** The kind's declared settings and its live check against a real receiver. */
class HttpSinkKindTest {

  private final HttpSinkKind kind = new HttpSinkKind();

  @Test
  void isFoundByThePlatformUnderItsName() {
    assertThat(ServiceLoader.load(SinkKind.class).stream().map(p -> p.get().name()))
        .contains("http");
  }

  @Test
  void defaultsFillWhatIsNotSet() {
    HttpSinkSettings s =
        HttpSinkSettings.from(kind.config().parse(Map.of("url", "https://bnv.example/truc")));
    assertThat(s.authName()).isEqualTo("Authorization");
    assertThat(s.authValue()).isNull();
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.maxRetries()).isEqualTo(3);
    assertThat(s.backoffInitial()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.backoffMax()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.batchMaxRecords()).isEqualTo(1_000);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "url|                         |is required",
        "url|ftp://bnv.example/in     |must start with http:// or https://",
        "url|bnv.example/in           |must start with http:// or https://",
        "url|http://u:p@bnv.example/  |must not carry credentials",
        "url|http://bnv example/      |is not a valid URL",
        "url|https://bộnộivụ.vn/in     |names no host",
        "auth.header.name|X Api Key   |is not a valid HTTP header name",
        "auth.header.name|Content-Length|is a header the sink sets itself",
        "auth.header.name|Idempotency-Key|is a header the sink sets itself",
        "timeout.ms|0                 |must be at least 1",
        "max.retries|-1               |must be at least 0",
        "batch.max.records|0          |must be at least 1",
      })
  void aWrongSettingIsAProblemOnItsField(String field, String value, String reason) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("url", "https://bnv.example/truc");
    settings.put(field, value == null ? "" : value);
    assertThat(kind.config().validate(settings))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo(field);
              assertThat(p.reason()).contains(reason);
            });
  }

  @Test
  void anAuthHeaderOnTwoLinesIsRefused() {
    assertThat(
            kind.config()
                .validate(Map.of("url", "https://bnv.example/", "auth.header", "a\r\nX-Evil: 1")))
        .extracting(ConfigProblem::field)
        .containsExactly("auth.header");
  }

  @Test
  void theCheckSendsAnEmptyBatchAsARealOneWouldBe() throws Exception {
    try (TestReceiver receiver = new TestReceiver()) {
      assertThat(check(receiver.url(), Map.of("auth.header", "Bearer t"))).isEmpty();
      assertThat(receiver.requests()).hasSize(1);
      TestReceiver.Request probe = receiver.requests().get(0);
      assertThat(probe.method()).isEqualTo("POST");
      assertThat(new ObjectMapper().readTree(probe.body()))
          .isEqualTo(new ObjectMapper().readTree("{\"records\": []}"));
      assertThat(probe.header("Authorization")).isEqualTo("Bearer t");
      assertThat(probe.header("Idempotency-Key")).matches("[0-9a-f]{64}");
    }
  }

  @Test
  void theCheckOfAClosedPortIsAProblemOnTheUrl() throws Exception {
    String url = "http://127.0.0.1:" + HttpSinkTest.closedPort() + "/ingest";
    assertThat(check(url, Map.of()))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("url");
              assertThat(p.reason()).contains("cannot reach " + url).contains("cannot connect");
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "401|check auth.header",
        "403|check auth.header",
        "404|no endpoint at this URL",
        "405|does not accept POST",
        "500|failing or down",
        "503|failing or down",
        "400|must accept an empty batch",
      })
  void theCheckReportsAReceiverThatRefusesOnTheUrl(int status, String hint) throws Exception {
    try (TestReceiver receiver = new TestReceiver()) {
      receiver.then(status(status, "nope"));
      assertThat(check(receiver.url(), Map.of("auth.header", "Bearer t0p-s3cret")))
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.field()).isEqualTo("url");
                assertThat(p.reason())
                    .contains(receiver.url() + " answered " + status + ": nope")
                    .contains(hint)
                    .doesNotContain("s3cret");
              });
      assertThat(receiver.requests()).as("the check does not retry").hasSize(1);
    }
  }

  @Test
  void theCheckOfAReceiverThatNeverAnswersNamesTheTimeout() throws Exception {
    try (TestReceiver receiver = new TestReceiver()) {
      receiver.then(receiver.silence());
      assertThat(check(receiver.url(), Map.of("timeout.ms", 200)))
          .extracting(ConfigProblem::reason)
          .singleElement()
          .asString()
          .contains("no answer within 200 ms");
    }
  }

  private List<ConfigProblem> check(String url, Map<String, Object> more) {
    return kind.check(HttpSinkTest.parse(url, more), List.of());
  }
}
