package vn.truc.platform.deadletter;

/** Kafka did not answer, or the replay route failed after its retries (HTTP 503). */
public final class DeadLettersUnavailableException extends RuntimeException {
  public DeadLettersUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
