package vn.truc.routes;

import org.apache.camel.ShutdownRoute;
import org.apache.camel.builder.RouteBuilder;
import vn.truc.routes.error.ErrorHandling;

/**
 * The four route templates every flow is made of, added to Camel once at startup. A connector is
 * one {@value #INGEST}, one {@value #DEAD_LETTER} and one {@value #REPLAY} route; a subscription is
 * one {@value #DELIVER} and one {@value #DEAD_LETTER} route. The routes are wiring only: each step
 * is a template-local bean (a processor of the flow's own step object, see {@code IngestRoute} and
 * {@code DeliveryRoute}), so routes of different flows share nothing but the templates and the one
 * error handling ({@link ErrorHandling#ID}).
 *
 * <p>Local bean names contain a dot, which flow ids cannot: Camel renames a local bean whose name
 * equals a parameter value, and a connector called {@code poll} must not trip it.
 */
public final class TrucRouteTemplates extends RouteBuilder {

  /** Source agency -> contract topic, one batch per exchange. */
  public static final String INGEST = "truc-ingest";

  /** Contract topic -> receiver, one batch per exchange, offsets committed after the sink. */
  public static final String DELIVER = "truc-deliver";

  /** A batch of rejects -> the flow's dead-letter topic. */
  public static final String DEAD_LETTER = "truc-dead-letter";

  /** One re-submitted dead-letter entry -> mapped again -> contract topic -> exchange log. */
  public static final String REPLAY = "truc-replay";

  // Template parameters.
  public static final String FLOW_ID = "flowId";
  public static final String CONTRACT_TOPIC = "contractTopic";
  public static final String DEAD_LETTER_TOPIC = "deadLetterTopic";
  public static final String POLL_DELAY_MS = "pollDelayMs";
  public static final String CONSUMER_GROUP = "consumerGroup";
  public static final String BATCH_SIZE = "batchSize";
  public static final String AUTO_STARTUP = "autoStartup";

  // Template-local beans, each a Processor.
  public static final String INGEST_POLL = "ingest.poll";
  public static final String INGEST_MAP = "ingest.map";
  public static final String INGEST_RECORDS = "ingest.records";
  public static final String INGEST_REJECTS = "ingest.rejects";
  public static final String INGEST_COMMIT = "ingest.commit";
  public static final String DELIVER_DECODE = "deliver.decode";
  public static final String DELIVER_WRITE = "deliver.write";
  public static final String DELIVER_REJECTS = "deliver.rejects";
  public static final String DELIVER_COMMIT = "deliver.commit";
  public static final String REPLAY_MAP = "replay.map";
  public static final String REPLAY_COMMIT = "replay.commit";

  /** Exchange property a replay's map step sets to true when the record is to be published. */
  public static final String PUBLISH = "truc.publish";

  /**
   * The producers must finish on the route's own thread: asynchronously, the ingest scheduler would
   * poll again before the position is saved and publish the same batch twice, and the delivery
   * commit would run off the consumer's thread (KafkaConsumer is not thread-safe).
   */
  static final String SYNC = "synchronous=true";

  @Override
  public void configure() {
    routeTemplate(INGEST)
        .templateParameter(FLOW_ID)
        .templateParameter(CONTRACT_TOPIC)
        .templateParameter(POLL_DELAY_MS)
        .templateParameter(AUTO_STARTUP, "true")
        .from(
            "scheduler:ingest-{{"
                + FLOW_ID
                + "}}?initialDelay=0&greedy=true&delay={{"
                + POLL_DELAY_MS
                + "}}")
        .autoStartup(ref(AUTO_STARTUP))
        .routeConfigurationId(ErrorHandling.ID)
        .process(ref(INGEST_POLL))
        .process(ref(INGEST_MAP))
        .process(ref(INGEST_RECORDS))
        .removeHeaders("*")
        .filter(simple("${body.size} > 0"))
        .to("kafka:{{" + CONTRACT_TOPIC + "}}?" + SYNC)
        .end()
        .process(ref(INGEST_REJECTS))
        .to("direct:dead-letter-{{" + FLOW_ID + "}}")
        .process(ref(INGEST_COMMIT));

    // Camel's auto-commit modes would skip a failed batch, so offsets are committed by hand; on a
    // failure that outlasts the retries the consumer reconnects from the last committed offset.
    routeTemplate(DELIVER)
        .templateParameter(FLOW_ID)
        .templateParameter(CONTRACT_TOPIC)
        .templateParameter(CONSUMER_GROUP)
        .templateParameter(BATCH_SIZE)
        .templateParameter(AUTO_STARTUP, "true")
        .from(
            "kafka:{{"
                + CONTRACT_TOPIC
                + "}}?groupId={{"
                + CONSUMER_GROUP
                + "}}&batching=true&maxPollRecords={{"
                + BATCH_SIZE
                + "}}&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true"
                + "&pollOnError=RECONNECT&autoOffsetReset=earliest"
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
        .autoStartup(ref(AUTO_STARTUP))
        .routeConfigurationId(ErrorHandling.ID)
        .process(ref(DELIVER_DECODE))
        .process(ref(DELIVER_WRITE))
        .process(ref(DELIVER_REJECTS))
        .to("direct:dead-letter-{{" + FLOW_ID + "}}")
        .process(ref(DELIVER_COMMIT));

    // Called by the flow's own route on its thread (direct), so the dead letters are acknowledged
    // before that route saves its position or commits its offsets. Shut down after the routes that
    // call it, so a batch in flight at shutdown can still finish.
    routeTemplate(DEAD_LETTER)
        .templateParameter(FLOW_ID)
        .templateParameter(DEAD_LETTER_TOPIC)
        .from("direct:dead-letter-{{" + FLOW_ID + "}}")
        .routeConfigurationId(ErrorHandling.ID)
        .shutdownRoute(ShutdownRoute.Defer)
        .removeHeaders("*")
        .filter(simple("${body.size} > 0"))
        .to("kafka:{{" + DEAD_LETTER_TOPIC + "}}?batchWithIndividualHeaders=true&" + SYNC)
        .end();

    routeTemplate(REPLAY)
        .templateParameter(FLOW_ID)
        .templateParameter(CONTRACT_TOPIC)
        .from("direct:replay-{{" + FLOW_ID + "}}")
        .routeConfigurationId(ErrorHandling.ID)
        .process(ref(REPLAY_MAP))
        .filter(exchangeProperty(PUBLISH).isEqualTo(true))
        .to("kafka:{{" + CONTRACT_TOPIC + "}}?" + SYNC)
        .end()
        .process(ref(REPLAY_COMMIT));
  }

  private static String ref(String name) {
    return "{{" + name + "}}";
  }
}
