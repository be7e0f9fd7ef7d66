package vn.truc.routes.delivery;

import org.apache.camel.builder.RouteBuilder;
import vn.truc.routes.RouteMetrics;
import vn.truc.routes.error.ErrorHandling;
import vn.truc.routes.ledger.ExchangeLog;
import vn.truc.routes.serde.AvroWireSerde;

/**
 * Contract topic -> receiver. Consumes in batches with manual commits: the offsets of a batch are
 * committed only after the sink's transaction. On a failure that outlasts the retries the consumer
 * breaks off and reconnects from the last committed offset (Camel's auto-commit modes would skip
 * the failed batch, so they are not used).
 */
public final class DeliveryRoute extends RouteBuilder {

  private final DeliveryFlow flow;
  private final DeliveryStep step;
  private boolean autoStartup = true;

  public DeliveryRoute(
      DeliveryFlow flow, AvroWireSerde serde, ExchangeLog log, RouteMetrics metrics) {
    this.flow = flow;
    this.step = new DeliveryStep(flow, serde, log, metrics);
  }

  /** Defines the route without starting it (a paused subscription). */
  public DeliveryRoute paused(boolean paused) {
    this.autoStartup = !paused;
    return this;
  }

  public static String routeId(String subscriptionId) {
    return "deliver-" + subscriptionId;
  }

  @Override
  public void configure() {
    from("kafka:"
            + flow.contract().topic()
            + "?groupId="
            + flow.consumerGroup()
            + "&batching=true&maxPollRecords="
            + flow.batchSize()
            + "&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true"
            + "&pollOnError=RECONNECT&autoOffsetReset=earliest"
            + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
        .routeId(routeId(flow.subscriptionId()))
        .autoStartup(autoStartup)
        .routeConfigurationId(ErrorHandling.ID)
        .process(step::decode)
        .process(step::write)
        .setBody(step::rejects)
        .removeHeaders("*")
        .filter(simple("${body.size} > 0"))
        .to("kafka:" + flow.deadLetterTopic() + "?batchWithIndividualHeaders=true&synchronous=true")
        .end()
        // Synchronous above: the commit must run on the consumer's thread (KafkaConsumer is not
        // thread-safe), after the dead letters are acknowledged.
        .process(step::commit);
  }
}
