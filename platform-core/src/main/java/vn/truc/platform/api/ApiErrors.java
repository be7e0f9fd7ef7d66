package vn.truc.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.platform.deadletter.BadCorrectionException;
import vn.truc.platform.deadletter.DeadLettersUnavailableException;
import vn.truc.platform.deadletter.StillInvalidException;
import vn.truc.platform.deadletter.UnknownDeadLetterException;
import vn.truc.platform.flow.FlowConflictException;
import vn.truc.platform.flow.InvalidDefinitionException;
import vn.truc.platform.flow.UnknownFlowException;
import vn.truc.platform.grant.GrantException;
import vn.truc.routes.mapping.FieldError;

/**
 * Errors of the flow, grant and dead-letter API, one shape for all: {@code {"error": "...",
 * "problems": [{"field", "reason"}]}}. 400 unreadable, 404 unknown flow or entry, 409 wrong state
 * (or already re-submitted), 422 invalid definition or a re-submitted record still invalid (its
 * field errors also in full under {@code errors}), 503 Kafka unavailable.
 */
@RestControllerAdvice(
    assignableTypes = {
      FlowController.class,
      DeadLetterController.class,
      GrantController.class,
      OperationsController.class
    })
class ApiErrors {

  @ExceptionHandler(StillInvalidException.class)
  ResponseEntity<Map<String, Object>> stillInvalid(StillInvalidException e) {
    List<ConfigProblem> problems = e.errors().stream().map(ApiErrors::problem).toList();
    ResponseEntity<Map<String, Object>> response =
        body(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "The re-submitted record is still invalid; it stays a dead letter. Fix every field"
                + " listed (a corrected row, the source or the mapping) and re-submit it",
            problems);
    response.getBody().put("errors", e.errors());
    return response;
  }

  @ExceptionHandler(BadCorrectionException.class)
  ResponseEntity<Map<String, Object>> badCorrection(BadCorrectionException e) {
    return body(
        HttpStatus.BAD_REQUEST,
        "The corrections cannot apply to this entry",
        List.of(new ConfigProblem("columns", e.getMessage())));
  }

  @ExceptionHandler(DeadLettersUnavailableException.class)
  ResponseEntity<Map<String, Object>> unavailable(DeadLettersUnavailableException e) {
    return body(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), List.of());
  }

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

  @ExceptionHandler({UnknownFlowException.class, UnknownDeadLetterException.class})
  ResponseEntity<Map<String, Object>> unknown(RuntimeException e) {
    return body(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
  }

  @ExceptionHandler(FlowConflictException.class)
  ResponseEntity<Map<String, Object>> conflict(FlowConflictException e) {
    return body(HttpStatus.CONFLICT, e.getMessage(), List.of());
  }

  @ExceptionHandler(GrantException.class)
  ResponseEntity<Map<String, Object>> grant(GrantException e) {
    HttpStatus status =
        switch (e.kind()) {
          case UNKNOWN -> HttpStatus.NOT_FOUND;
          case CONFLICT -> HttpStatus.CONFLICT;
          case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    return body(status, e.getMessage(), e.problems());
  }

  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(Exception e) {
    return body(
        HttpStatus.BAD_REQUEST, "The request body cannot be read: " + e.getMessage(), List.of());
  }

  private static ConfigProblem problem(FieldError e) {
    return new ConfigProblem(
        e.field(), e.message() + (e.value() == null ? "" : " (value: '" + e.value() + "')"));
  }

  private static ResponseEntity<Map<String, Object>> body(
      HttpStatus status, String error, List<ConfigProblem> problems) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("problems", problems);
    return ResponseEntity.status(status).body(body);
  }
}
