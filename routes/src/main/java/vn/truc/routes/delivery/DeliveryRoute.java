package vn.truc.routes.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Processor;
import vn.truc.routes.DeadLetters;
import vn.truc.routes.RouteMetrics;
import vn.truc.routes.TemplatedRoute;
import vn.truc.routes.TrucRouteTemplates;
import vn.truc.routes.ledger.ExchangeLog;
import vn.truc.routes.serde.AvroWireSerde;

/**
 * The routes of one subscription, from the {@link TrucRouteTemplates}: delivery (contract topic ->
 * receiver's store, or -> the subscription's own topic) and its dead letters. Consumes in batches
 * with manual commits: the offsets of a batch are committed only after the sink's transaction or
 * the publish. On a failure that outlasts the retries the consumer breaks off and reconnects from
 * the last committed offset.
 */
public final class DeliveryRoute {

  private DeliveryRoute() {}

  public static String routeId(String subscriptionId) {
    return "deliver-" + subscriptionId;
  }

  /**
   * The subscription's routes, in the order to add them (the routes the delivery route calls
   * first).
   *
   * @param paused define the delivery route without starting it
   */
  public static List<TemplatedRoute> routes(
      DeliveryFlow flow,
      AvroWireSerde serde,
      ExchangeLog log,
      RouteMetrics metrics,
      boolean paused) {
    DeliveryStep step = new DeliveryStep(flow, serde, log, metrics);
    String id = flow.subscriptionId();
    Map<String, String> parameters = new HashMap<>();
    parameters.put(TrucRouteTemplates.FLOW_ID, id);
    parameters.put(TrucRouteTemplates.CONTRACT_TOPIC, flow.contract().topic());
    parameters.put(TrucRouteTemplates.CONSUMER_GROUP, flow.consumerGroup());
    parameters.put(TrucRouteTemplates.BATCH_SIZE, String.valueOf(flow.batchSize()));
    parameters.put(TrucRouteTemplates.AUTO_STARTUP, String.valueOf(!paused));
    Map<String, Object> beans = new HashMap<>();
    beans.put(TrucRouteTemplates.DELIVER_DECODE, (Processor) step::decode);
    beans.put(
        TrucRouteTemplates.DELIVER_REJECTS,
        (Processor) e -> e.getMessage().setBody(step.rejects(e)));
    beans.put(TrucRouteTemplates.DELIVER_COMMIT, (Processor) step::commit);
    if (flow.targetTopic() == null) {
      beans.put(TrucRouteTemplates.DELIVER_WRITE, (Processor) step::write);
      return List.of(
          DeadLetters.route(id, flow.deadLetterTopic()),
          new TemplatedRoute(TrucRouteTemplates.DELIVER, routeId(id), parameters, beans));
    }
    parameters.put(TrucRouteTemplates.TARGET_TOPIC, flow.targetTopic());
    beans.put(
        TrucRouteTemplates.DELIVER_PROJECTED,
        (Processor) e -> e.getMessage().setBody(step.projected(e)));
    return List.of(
        DeadLetters.route(id, flow.deadLetterTopic()),
        new TemplatedRoute(
            TrucRouteTemplates.PUBLISH,
            "publish-" + id,
            Map.of(
                TrucRouteTemplates.FLOW_ID,
                id,
                TrucRouteTemplates.TARGET_TOPIC,
                flow.targetTopic()),
            Map.of()),
        new TemplatedRoute(TrucRouteTemplates.DELIVER_TO_TOPIC, routeId(id), parameters, beans));
  }
}
