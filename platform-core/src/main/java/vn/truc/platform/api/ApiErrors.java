package vn.truc.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.platform.flow.FlowConflictException;
import vn.truc.platform.flow.InvalidDefinitionException;
import vn.truc.platform.flow.UnknownFlowException;

/**
 * Errors of the platform API, one shape for all: {@code {"error": "...", "problems": [{"field",
 * "reason"}]}}. 400 unreadable, 404 unknown, 409 wrong state, 422 invalid definition.
 */
@RestControllerAdvice(assignableTypes = FlowController.class)
class ApiErrors {

  @ExceptionHandler(InvalidDefinitionException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidDefinitionException e) {
    return body(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "The definition has problems; fix every one listed",
        e.problems());
  }

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<Map<String, Object>> bad(BadRequestException e) {
    return body(
        HttpStatus.BAD_REQUEST,
        "The request cannot be read",
        List.of(new ConfigProblem(e.field, e.getMessage())));
  }

  @ExceptionHandler(UnknownFlowException.class)
  ResponseEntity<Map<String, Object>> unknown(UnknownFlowException e) {
    return body(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
  }

  @ExceptionHandler(FlowConflictException.class)
  ResponseEntity<Map<String, Object>> conflict(FlowConflictException e) {
    return body(HttpStatus.CONFLICT, e.getMessage(), List.of());
  }

  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(Exception e) {
    return body(
        HttpStatus.BAD_REQUEST, "The request body cannot be read: " + e.getMessage(), List.of());
  }

  private static ResponseEntity<Map<String, Object>> body(
      HttpStatus status, String error, List<ConfigProblem> problems) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("problems", problems);
    return ResponseEntity.status(status).body(body);
  }
}
