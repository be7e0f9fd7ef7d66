package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Calls the platform's REST API as a client would, with a bearer token, and checks the status it
 * answers.
 */
final class PlatformHttp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String token;
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * @param token sent as {@code Authorization: Bearer}; null to call without one
   */
  PlatformHttp(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** A platform administrator's client of a platform running in this JVM. */
  static PlatformHttp asPlatformAdmin(ConfigurableApplicationContext app) {
    return new PlatformHttp(TestPlatform.baseUrl(app), TestTokens.platformAdmin(app));
  }

  /** A response: its status, JSON body (null when empty) and WWW-Authenticate header. */
  record Reply(int status, JsonNode body, String wwwAuthenticate) {
    JsonNode expect(int expected) {
      assertThat(status).as("HTTP status; body %s", body).isEqualTo(expected);
      return body;
    }
  }

  Reply call(String method, String path, String body, String contentType) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (contentType != null) {
      r.header("Content-Type", contentType);
    }
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    r.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(),
        body(response.body()),
        response.headers().firstValue("WWW-Authenticate").orElse(null));
  }

  /** JSON as a tree; text that is not JSON (metrics, YAML) as one text node; empty as null. */
  private static JsonNode body(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
      return JSON.getNodeFactory().textNode(text);
    }
  }
}
