package vn.truc.platform.deadletter;

/** Corrections that cannot apply to the entry's row, e.g. a column it does not have (HTTP 400). */
public final class BadCorrectionException extends RuntimeException {
  public BadCorrectionException(String message) {
    super(message);
  }
}
