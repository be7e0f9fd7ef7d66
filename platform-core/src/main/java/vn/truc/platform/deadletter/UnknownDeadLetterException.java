package vn.truc.platform.deadletter;

/** No dead-letter entry at that partition and offset (HTTP 404). */
public final class UnknownDeadLetterException extends RuntimeException {
  public UnknownDeadLetterException(String topic, EntryId id) {
    super("No dead-letter entry " + id + " on " + topic);
  }
}
