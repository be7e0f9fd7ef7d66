package vn.truc.platform.flow;

/** The request cannot be done in the flow's current state (HTTP 409). */
public final class FlowConflictException extends RuntimeException {
  public FlowConflictException(String message) {
    super(message);
  }
}
