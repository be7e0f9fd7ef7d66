package vn.truc.routes;

import java.util.Map;

/**
 * Dead letters: the Kafka headers every dead-letter record carries, and the one route per flow that
 * publishes a batch of them (template {@value TrucRouteTemplates#DEAD_LETTER}).
 */
public final class DeadLetters {
  public static final String CONNECTOR = "truc.connector";
  public static final String SUBSCRIPTION = "truc.subscription";
  public static final String CONTRACT = "truc.contract";
  public static final String ERRORS = "truc.errors";
  public static final String POSITION = "truc.position";

  /**
   * When the source changed the rejected row (ISO-8601 instant). A re-submission restores it, so a
   * record re-submitted late still loses against a newer version at the receiver.
   */
  public static final String CHANGED_AT = "truc.changed-at";

  /** {@code true} when the rejected row was a delete at the source. */
  public static final String DELETED = "truc.deleted";

  private DeadLetters() {}

  public static String routeId(String flowId) {
    return "dead-letter-" + flowId;
  }

  /** Where a flow's routes send a batch of dead letters (a list of messages, possibly empty). */
  public static String endpoint(String flowId) {
    return "direct:dead-letter-" + flowId;
  }

  /** The dead-letter route of a connector or subscription. */
  public static TemplatedRoute route(String flowId, String topic) {
    return new TemplatedRoute(
        TrucRouteTemplates.DEAD_LETTER,
        routeId(flowId),
        Map.of(TrucRouteTemplates.FLOW_ID, flowId, TrucRouteTemplates.DEAD_LETTER_TOPIC, topic),
        Map.of());
  }
}
