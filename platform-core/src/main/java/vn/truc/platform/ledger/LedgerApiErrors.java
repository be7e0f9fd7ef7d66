package vn.truc.platform.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the ledger API, in the platform's one shape: {@code {"error", "problems"}}. */
@RestControllerAdvice(assignableTypes = LedgerController.class)
class LedgerApiErrors {

  @ExceptionHandler(LedgerRequestException.class)
  ResponseEntity<Map<String, Object>> bad(LedgerRequestException e) {
    return body("The request cannot be answered as asked", e.field, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> mistyped(MethodArgumentTypeMismatchException e) {
    return body("The request cannot be answered as asked", e.getName(), "must be a whole number");
  }

  private static ResponseEntity<Map<String, Object>> body(
      String error, String field, String reason) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("field", field);
    problem.put("reason", reason);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("problems", List.of(problem));
    // JSON whatever the client asked for (text/csv included): an error is not a CSV table.
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body);
  }
}
