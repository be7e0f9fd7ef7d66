package vn.truc.platform.agency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/agencies}: the agencies whose codes definitions and tokens may name. */
@RestController
class AgencyController {

  private final AgencyRegistry agencies;

  AgencyController(AgencyRegistry agencies) {
    this.agencies = agencies;
  }

  @GetMapping("/api/agencies")
  List<Agency> list() {
    return agencies.all();
  }

  @GetMapping("/api/agencies/{code}")
  ResponseEntity<?> get(@PathVariable String code) {
    return agencies
        .find(code)
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(
            () -> {
              // The error shape of the rest of the API (ApiErrors).
              Map<String, Object> body = new LinkedHashMap<>();
              body.put(
                  "error", "no agency has the code '" + code + "'; GET /api/agencies lists them");
              body.put("problems", List.of());
              return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
            });
  }
}
