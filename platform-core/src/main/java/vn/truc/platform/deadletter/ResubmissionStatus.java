package vn.truc.platform.deadletter;

import java.time.Instant;
import java.util.List;
import vn.truc.routes.mapping.FieldError;

/**
 * The last re-submission of a dead-letter entry.
 *
 * @param outcome RESUBMITTED (published to the contract topic) or REJECTED (still invalid)
 * @param at when it was tried
 * @param attempts how many times the entry was re-submitted
 * @param key the record key it was published under (RESUBMITTED only)
 * @param correctedColumns the columns the operator replaced in the last attempt
 * @param errors why the last attempt was refused (REJECTED only)
 */
public record ResubmissionStatus(
    Outcome outcome,
    Instant at,
    int attempts,
    String key,
    List<String> correctedColumns,
    List<FieldError> errors) {

  public enum Outcome {
    RESUBMITTED,
    REJECTED
  }

  public ResubmissionStatus {
    correctedColumns = correctedColumns == null ? List.of() : List.copyOf(correctedColumns);
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public boolean resolved() {
    return outcome == Outcome.RESUBMITTED;
  }
}
