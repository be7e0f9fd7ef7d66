package vn.truc.connector.http;

import java.net.URI;
import java.time.Duration;
import vn.truc.connector.api.ConnectorConfig;

/**
 * The typed settings of one http sink. {@link #toString()} masks the authentication value, so the
 * settings can be logged.
 *
 * @param authValue the authentication header's value, or null when none is sent
 */
record HttpSinkSettings(
    URI url,
    String authName,
    String authValue,
    Duration timeout,
    int maxRetries,
    Duration backoffInitial,
    Duration backoffMax,
    int batchMaxRecords) {

  static HttpSinkSettings from(ConnectorConfig config) {
    String auth =
        config.has(HttpSinkKind.AUTH_HEADER) ? config.string(HttpSinkKind.AUTH_HEADER) : "";
    return new HttpSinkSettings(
        URI.create(config.string(HttpSinkKind.URL)),
        config.string(HttpSinkKind.AUTH_HEADER_NAME),
        auth.isEmpty() ? null : auth,
        config.duration(HttpSinkKind.TIMEOUT_MS),
        config.integer(HttpSinkKind.MAX_RETRIES),
        config.duration(HttpSinkKind.BACKOFF_INITIAL_MS),
        config.duration(HttpSinkKind.BACKOFF_MAX_MS),
        config.integer(HttpSinkKind.BATCH_MAX_RECORDS));
  }

  /** The URL as messages and logs show it: no query string, which may carry a token. */
  String shownUrl() {
    return Redaction.url(url);
  }

  @Override
  public String toString() {
    return "HttpSinkSettings{url="
        + shownUrl()
        + ", "
        + authName
        + "="
        + (authValue == null ? "(none)" : "******")
        + ", timeout="
        + timeout.toMillis()
        + "ms, maxRetries="
        + maxRetries
        + ", backoff="
        + backoffInitial.toMillis()
        + ".."
        + backoffMax.toMillis()
        + "ms, batchMaxRecords="
        + batchMaxRecords
        + "}";
  }
}
