package vn.truc.routes.ingest;

import java.util.List;
import vn.truc.routes.mapping.FieldError;

/**
 * What became of a re-submitted entry: published under {@code key}, or refused again with {@code
 * errors}.
 */
public record ReplayOutcome(String key, List<FieldError> errors) {

  public ReplayOutcome {
    errors = List.copyOf(errors);
  }

  public static ReplayOutcome published(String key) {
    return new ReplayOutcome(key, List.of());
  }

  public static ReplayOutcome rejected(List<FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs its reasons");
    }
    return new ReplayOutcome(null, errors);
  }

  public boolean isPublished() {
    return errors.isEmpty();
  }
}
