package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the platform's REST API as a client would, and checks the status it answers. */
final class PlatformHttp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  PlatformHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A response: its status and JSON body (null when empty). */
  record Reply(int status, JsonNode body) {
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
    r.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
  }
}
