package vn.truc.platform.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.truc.platform.ops.OperationRecords;

/**
 * {@code GET /api/operations}: the operational records of recent batches (time taken, records,
 * bytes, fault), newest first, for operators and auditors; the same figures are Micrometer metrics
 * ({@code truc.batch.duration}, {@code truc.batch.bytes}, {@code truc.records.*}).
 */
@RestController
class OperationsController {

  private final OperationRecords records;

  OperationsController(OperationRecords records) {
    this.records = records;
  }

  @GetMapping("/api/operations")
  List<Map<String, Object>> search(
      @RequestParam(required = false) String flow,
      @RequestParam(required = false) String route,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    if (page < 0 || size < 1 || size > 1000) {
      throw new BadRequestException("size", "page from 0, size from 1 to 1000");
    }
    if (outcome != null && !outcome.equals("ok") && !outcome.equals("fault")) {
      throw new BadRequestException("outcome", "is 'ok' or 'fault'");
    }
    return records.search(
        flow, route, outcome, instant("from", from), instant("to", to), page, size);
  }

  private static Instant instant(String name, String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(name, "is not an instant like 2026-11-22T08:00:00Z");
    }
  }
}
