package vn.truc.platform.api;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.truc.platform.deadletter.DeadLetterEntry;
import vn.truc.platform.deadletter.DeadLetterPage;
import vn.truc.platform.deadletter.DeadLetterService;
import vn.truc.platform.deadletter.EntryId;
import vn.truc.platform.flow.FlowType;

/**
 * {@code /api/connectors/{id}/dead-letters} and {@code /api/subscriptions/{id}/dead-letters}: list
 * and inspect the records a flow refused, with every reason; re-submit a connector's entries
 * through its current mapping, as they are or with corrected columns.
 */
@RestController
class DeadLetterController {

  private final DeadLetterService service;

  DeadLetterController(DeadLetterService service) {
    this.service = service;
  }

  @GetMapping("/api/{types}/{id}/dead-letters")
  DeadLetterPage list(
      @PathVariable String types,
      @PathVariable String id,
      @RequestParam(defaultValue = "0") long from,
      @RequestParam(defaultValue = "50") int limit) {
    if (from < 0) {
      throw new BadRequestException("from", "must be 0 or more");
    }
    if (limit < 1 || limit > DeadLetterService.MAX_LIMIT) {
      throw new BadRequestException(
          "limit", "must be between 1 and " + DeadLetterService.MAX_LIMIT);
    }
    return service.list(type(types), id, from, limit);
  }

  @GetMapping("/api/{types}/{id}/dead-letters/{entry}")
  DeadLetterEntry get(
      @PathVariable String types, @PathVariable String id, @PathVariable String entry) {
    return service.get(type(types), id, entryId(entry));
  }

  /**
   * Re-submits one entry; the body, optional, is {@code {"columns": {"NGAY_SINH": "28/02/1990"}}}:
   * columns to put over the original row before mapping it again.
   */
  @PostMapping("/api/connectors/{id}/dead-letters/{entry}/resubmit")
  DeadLetterService.Resubmitted resubmit(
      @PathVariable String id,
      @PathVariable String entry,
      @RequestParam(defaultValue = "false") boolean force,
      @RequestBody(required = false) Map<String, Object> body) {
    return service.resubmit(id, entryId(entry), columns(body), force);
  }

  /** Re-submits, as they are, every entry not yet re-submitted and published. */
  @PostMapping("/api/connectors/{id}/dead-letters/resubmit")
  DeadLetterService.ResubmittedAll resubmitAll(@PathVariable String id) {
    return service.resubmitAll(id);
  }

  private static Map<String, Object> columns(Map<String, Object> body) {
    if (body == null) {
      return Map.of();
    }
    for (String key : body.keySet()) {
      if (!key.equals("columns")) {
        throw new BadRequestException(key, "is not part of a re-submission; known: [columns]");
      }
    }
    Object columns = body.get("columns");
    if (columns == null) {
      return Map.of();
    }
    if (!(columns instanceof Map<?, ?> map)) {
      throw new BadRequestException("columns", "must be an object of column name to value");
    }
    for (Object value : map.values()) {
      if (value instanceof Map<?, ?> || value instanceof List<?>) {
        throw new BadRequestException("columns", "values must be text, numbers or null");
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> typed = (Map<String, Object>) map;
    return typed;
  }

  private static EntryId entryId(String text) {
    try {
      return EntryId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("entry", e.getMessage());
    }
  }

  private static FlowType type(String types) {
    return switch (types) {
      case "connectors" -> FlowType.CONNECTOR;
      case "subscriptions" -> FlowType.SUBSCRIPTION;
      default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    };
  }
}
