package vn.truc.routes.ingest;

import org.apache.camel.builder.RouteBuilder;
import vn.truc.routes.RouteMetrics;
import vn.truc.routes.error.ErrorHandling;
import vn.truc.routes.ledger.ExchangeLog;
import vn.truc.routes.serde.AvroWireSerde;

/**
 * Source agency -> contract topic. One exchange is one batch: poll after the saved position, map
 * every row, publish the valid records (keyed by the contract key) and dead-letter the invalid
 * ones, then save the position. A failure before the save re-reads the batch (at-least-once); sinks
 * are idempotent, so receivers see each version once.
 */
public final class IngestRoute extends RouteBuilder {

  /**
   * The producer must finish on the route's own thread: asynchronously, the scheduler would poll
   * again before the position is saved and publish the same batch twice.
   */
  static final String SYNC = "synchronous=true";

  private final IngestFlow flow;
  private final IngestStep step;
  private boolean autoStartup = true;

  public IngestRoute(IngestFlow flow, AvroWireSerde serde, ExchangeLog log, RouteMetrics metrics) {
    this.flow = flow;
    this.step = new IngestStep(flow, serde, log, metrics);
  }

  /** Defines the route without starting it (a paused connector). */
  public IngestRoute paused(boolean paused) {
    this.autoStartup = !paused;
    return this;
  }

  public static String routeId(String connectorId) {
    return "ingest-" + connectorId;
  }

  @Override
  public void configure() {
    from("scheduler:ingest-"
            + flow.connectorId()
            + "?initialDelay=0&greedy=true&delay="
            + flow.pollInterval().toMillis())
        .routeId(routeId(flow.connectorId()))
        .autoStartup(autoStartup)
        .routeConfigurationId(ErrorHandling.ID)
        .process(step::poll)
        .process(step::map)
        .setBody(step::records)
        .removeHeaders("*")
        .filter(simple("${body.size} > 0"))
        .to("kafka:" + flow.contract().topic() + "?" + SYNC)
        .end()
        .setBody(step::rejects)
        .filter(simple("${body.size} > 0"))
        .to("kafka:" + flow.deadLetterTopic() + "?batchWithIndividualHeaders=true&" + SYNC)
        .end()
        .process(step::commit);
  }
}
