package vn.truc.routes.delivery;

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
 * receiver) and its dead letters. Consumes in batches with manual commits: the offsets of a batch
 * are committed only after the sink's transaction. On a failure that outlasts the retries the
 * consumer breaks off and reconnects from the last committed offset.
 */
public final class DeliveryRoute {

  private DeliveryRoute() {}

  public static String routeId(String subscriptionId) {
    return "deliver-" + subscriptionId;
  }

  /**
   * The subscription's routes, in the order to add them (the dead-letter route the delivery route
   * calls first).
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
    return List.of(
        DeadLetters.route(id, flow.deadLetterTopic()),
        new TemplatedRoute(
            TrucRouteTemplates.DELIVER,
            routeId(id),
            Map.of(
                TrucRouteTemplates.FLOW_ID, id,
                TrucRouteTemplates.CONTRACT_TOPIC, flow.contract().topic(),
                TrucRouteTemplates.CONSUMER_GROUP, flow.consumerGroup(),
                TrucRouteTemplates.BATCH_SIZE, String.valueOf(flow.batchSize()),
                TrucRouteTemplates.AUTO_STARTUP, String.valueOf(!paused)),
            Map.of(
                TrucRouteTemplates.DELIVER_DECODE, (Processor) step::decode,
                TrucRouteTemplates.DELIVER_WRITE, (Processor) step::write,
                TrucRouteTemplates.DELIVER_REJECTS,
                    (Processor) e -> e.getMessage().setBody(step.rejects(e)),
                TrucRouteTemplates.DELIVER_COMMIT, (Processor) step::commit)));
  }
}
