package vn.truc.platform.flow;

/** No connector or subscription with that id. */
public final class UnknownFlowException extends RuntimeException {
  public UnknownFlowException(String id) {
    super("No connector or subscription with id '" + id + "'");
  }
}
