package vn.truc.routes;

/** Names of the Kafka headers every dead-letter record carries. */
public final class DeadLetters {
  public static final String CONNECTOR = "truc.connector";
  public static final String SUBSCRIPTION = "truc.subscription";
  public static final String CONTRACT = "truc.contract";
  public static final String ERRORS = "truc.errors";
  public static final String POSITION = "truc.position";

  private DeadLetters() {}
}
