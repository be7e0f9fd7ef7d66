package vn.truc.connector.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vn.truc.connector.api.ConfigDef;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.ConnectorConfig;
import vn.truc.connector.api.Setting;
import vn.truc.connector.api.SettingType;
import vn.truc.connector.api.SinkConnector;
import vn.truc.connector.api.SinkKind;
import vn.truc.connector.api.TargetColumn;

/**
 * {@code http}: each batch is POSTed as one JSON document to a receiver's URL, with an
 * Idempotency-Key the receiver can de-duplicate replays by, and retried with backoff while the
 * receiver is unreachable or overloaded.
 */
public final class HttpSinkKind implements SinkKind {

  public static final String URL = "url";
  public static final String AUTH_HEADER = "auth.header";
  public static final String AUTH_HEADER_NAME = "auth.header.name";
  public static final String TIMEOUT_MS = "timeout.ms";
  public static final String MAX_RETRIES = "max.retries";
  public static final String BACKOFF_INITIAL_MS = "backoff.initial.ms";
  public static final String BACKOFF_MAX_MS = "backoff.max.ms";
  public static final String BATCH_MAX_RECORDS = "batch.max.records";

  // Headers the JDK client sets itself and refuses to take from a caller.
  private static final Set<String> RESTRICTED_HEADERS =
      Set.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "upgrade",
          "content-type",
          "idempotency-key");

  private static final ConfigDef CONFIG =
      new ConfigDef()
          .define(
              Setting.required(
                      URL,
                      SettingType.STRING,
                      "the receiver's endpoint, http:// or https://; every batch is POSTed to it"
                          + " as one JSON document")
                  .withCheck(v -> urlProblem(v.toString())))
          .define(
              Setting.optional(
                      AUTH_HEADER,
                      SettingType.PASSWORD,
                      null,
                      "value of the authentication header sent with every request, e.g. 'Bearer"
                          + " <token>'; never logged nor shown")
                  .withCheck(
                      v ->
                          // Tabs are allowed in header values; other control characters
                          // (line breaks above all) would be refused or split the header.
                          v.toString().matches("[^\\x00-\\x08\\x0A-\\x1F\\x7F]*")
                              ? Optional.empty()
                              : Optional.of("must be one line of printable characters")))
          .define(
              Setting.optional(
                      AUTH_HEADER_NAME,
                      SettingType.STRING,
                      "Authorization",
                      "name of the header that carries auth.header, e.g. X-Api-Key")
                  .withCheck(v -> headerNameProblem(v.toString())))
          .define(
              Setting.optional(
                      TIMEOUT_MS,
                      SettingType.DURATION_MS,
                      10_000L,
                      "how long one request may take, connecting and reading the answer"
                          + " included, before it counts as failed and is retried")
                  .atLeast(1))
          .define(
              Setting.optional(
                      MAX_RETRIES,
                      SettingType.INT,
                      3,
                      "retries of a request that failed for a transient reason (no connection,"
                          + " timeout, 408, 429, 5xx) before the batch fails and the platform"
                          + " retries it later")
                  .atLeast(0))
          .define(
              Setting.optional(
                      BACKOFF_INITIAL_MS,
                      SettingType.DURATION_MS,
                      500L,
                      "wait before the first retry; doubled on each further retry, with jitter")
                  .atLeast(1))
          .define(
              Setting.optional(
                      BACKOFF_MAX_MS,
                      SettingType.DURATION_MS,
                      10_000L,
                      "longest wait between two retries, also the most a Retry-After header"
                          + " is honoured")
                  .atLeast(1))
          .define(
              Setting.optional(
                      BATCH_MAX_RECORDS,
                      SettingType.INT,
                      1_000,
                      "most records in one request; a larger batch is sent as several"
                          + " requests, each with its own Idempotency-Key")
                  .atLeast(1));

  @Override
  public String name() {
    return "http";
  }

  @Override
  public ConfigDef config() {
    return CONFIG;
  }

  @Override
  public SinkConnector create(ConnectorConfig config, List<TargetColumn> columns) {
    HttpSinkSettings settings = HttpSinkSettings.from(config);
    return new HttpSink(settings, new ReceiverClient(settings), columns);
  }

  /** Sends the receiver an empty batch, exactly as a real one would be sent, once. */
  @Override
  public List<ConfigProblem> check(ConnectorConfig config, List<TargetColumn> columns) {
    HttpSinkSettings settings = HttpSinkSettings.from(config);
    return new ReceiverProbe(settings, new ReceiverClient(settings))
        .problem()
        .map(reason -> List.of(new ConfigProblem(URL, reason)))
        .orElse(List.of());
  }

  static Optional<String> urlProblem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("must start with http:// or https://");
    }
    if (uri.getHost() == null) {
      return Optional.of("names no host (write an international domain name in its xn-- form)");
    }
    if (uri.getRawUserInfo() != null) {
      // The URL shows up in status and logs; credentials belong in the masked auth.header.
      return Optional.of("must not carry credentials; put them in " + AUTH_HEADER);
    }
    return Optional.empty();
  }

  private static Optional<String> headerNameProblem(String name) {
    if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
      return Optional.of("is not a valid HTTP header name");
    }
    if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      return Optional.of("is a header the sink sets itself");
    }
    return Optional.empty();
  }
}
