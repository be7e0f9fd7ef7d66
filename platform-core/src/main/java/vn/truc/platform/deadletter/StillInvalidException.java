package vn.truc.platform.deadletter;

import java.util.List;
import vn.truc.routes.mapping.FieldError;

/** A re-submitted entry the connector's mapping still refuses (HTTP 422), with every reason. */
public final class StillInvalidException extends RuntimeException {

  private final List<FieldError> errors;

  public StillInvalidException(String entry, List<FieldError> errors) {
    super("Entry " + entry + " is still invalid: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
