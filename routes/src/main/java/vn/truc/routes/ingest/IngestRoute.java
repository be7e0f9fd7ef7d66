package vn.truc.routes.ingest;

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
 * The routes of one connector, from the {@link TrucRouteTemplates}: ingest (source agency ->
 * contract topic), its dead letters, and the replay of re-submitted dead letters. One ingest
 * exchange is one batch: poll after the saved position, map every row, publish the valid records
 * (keyed by the contract key) and dead-letter the invalid ones, then save the position. A failure
 * before the save re-reads the batch (at-least-once); sinks are idempotent, so receivers see each
 * version once.
 */
public final class IngestRoute {

  private IngestRoute() {}

  public static String routeId(String connectorId) {
    return "ingest-" + connectorId;
  }

  public static String replayRouteId(String connectorId) {
    return "replay-" + connectorId;
  }

  /**
   * Where a re-submission is sent: the body a {@link Resubmission}, the reply a {@link
   * ReplayOutcome}.
   */
  public static String replayEndpoint(String connectorId) {
    return "direct:replay-" + connectorId;
  }

  /**
   * The connector's routes, in the order to add them: the routes the ingest route calls come first,
   * so they are there when it first polls.
   *
   * @param paused define the ingest route without starting it
   */
  public static List<TemplatedRoute> routes(
      IngestFlow flow, AvroWireSerde serde, ExchangeLog log, RouteMetrics metrics, boolean paused) {
    IngestStep step = new IngestStep(flow, serde, log, metrics);
    ReplayStep replay = new ReplayStep(flow, step, serde, log);
    String id = flow.connectorId();
    String topic = flow.contract().topic();
    return List.of(
        DeadLetters.route(id, flow.deadLetterTopic()),
        new TemplatedRoute(
            TrucRouteTemplates.REPLAY,
            replayRouteId(id),
            Map.of(TrucRouteTemplates.FLOW_ID, id, TrucRouteTemplates.CONTRACT_TOPIC, topic),
            Map.of(
                TrucRouteTemplates.REPLAY_MAP, (Processor) replay::map,
                TrucRouteTemplates.REPLAY_COMMIT, (Processor) replay::commit)),
        new TemplatedRoute(
            TrucRouteTemplates.INGEST,
            routeId(id),
            Map.of(
                TrucRouteTemplates.FLOW_ID,
                id,
                TrucRouteTemplates.CONTRACT_TOPIC,
                topic,
                TrucRouteTemplates.POLL_DELAY_MS,
                String.valueOf(flow.pollInterval().toMillis()),
                TrucRouteTemplates.AUTO_STARTUP,
                String.valueOf(!paused)),
            Map.of(
                TrucRouteTemplates.INGEST_POLL, (Processor) step::poll,
                TrucRouteTemplates.INGEST_MAP, (Processor) step::map,
                TrucRouteTemplates.INGEST_RECORDS,
                    (Processor) e -> e.getMessage().setBody(step.records(e)),
                TrucRouteTemplates.INGEST_REJECTS,
                    (Processor) e -> e.getMessage().setBody(step.rejects(e)),
                TrucRouteTemplates.INGEST_COMMIT, (Processor) step::commit)));
  }
}
