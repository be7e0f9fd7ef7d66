package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grant terms the integration tests' subscriptions ask for, and the owner's approval of them:
 * every test subscription delivers only once its grant is approved, as in production.
 */
final class Grants {

  private Grants() {}

  /** Terms asking for {@code fields} of CivilServant for a year, every row, for HR management. */
  static Map<String, Object> terms(String... fields) {
    Map<String, Object> terms = new LinkedHashMap<>();
    terms.put("fields", List.of(fields));
    terms.put("purpose", "CIVIL_SERVICE_MANAGEMENT");
    terms.put("legalBasis", "Keeping the national civil-servant database");
    terms.put("legalDocument", "194/2025/NĐ-CP");
    terms.put("validUntil", LocalDate.now().plusYears(1).toString());
    return terms;
  }

  /** Approves, as the caller of {@code http}, the subscription's pending request; returns it. */
  static JsonNode approve(PlatformHttp http, String subscription) throws Exception {
    JsonNode pending =
        http.call("GET", "/api/grants?status=PENDING&subscription=" + subscription, null, null)
            .expect(200);
    assertThat(pending).as("pending requests of %s", subscription).hasSize(1);
    String id = pending.get(0).get("id").asText();
    return http.call("POST", "/api/grants/" + id + "/approve", null, null).expect(200);
  }
}
