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

  /**
   * Contract topic -> the subscription's own topic, records projected to the grant's reader schema,
   * offsets committed after the publish.
   */
  public static final String DELIVER_TO_TOPIC = "truc-deliver-to-topic";

  /** A batch of projected records -> the subscription's own topic. */
  public static final String PUBLISH = "truc-publish";

  /** A batch of rejects -> the flow's dead-letter topic. */
  public static final String DEAD_LETTER = "truc-dead-letter";

  /** One re-submitted dead-letter entry -> mapped again -> contract topic -> exchange log. */
  public static final String REPLAY = "truc-replay";

  // Template parameters.
  public static final String FLOW_ID = "flowId";
  public static final String CONTRACT_TOPIC = "contractTopic";
  public static final String DEAD_LETTER_TOPIC = "deadLetterTopic";
  public static final String TARGET_TOPIC = "targetTopic";
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
  public static final String DELIVER_PROJECTED = "deliver.projected";
  public static final String DELIVER_REJECTS = "deliver.rejects";
  public static final String DELIVER_COMMIT = "deliver.commit";
  public static final String REPLAY_MAP = "replay.map";
  public static final String REPLAY_COMMIT = "replay.commit";

  /** Exchange property a replay's map step sets to true when the record is to be published. */
  public static final String REPLAY_PUBLISH = "truc.publish";

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

    delivery(DELIVER)
        .process(ref(DELIVER_WRITE))
        .process(ref(DELIVER_REJECTS))
        .to("direct:dead-letter-{{" + FLOW_ID + "}}")
        .process(ref(DELIVER_COMMIT));

    delivery(DELIVER_TO_TOPIC, TARGET_TOPIC)
        .process(ref(DELIVER_PROJECTED))
        .to("direct:publish-{{" + FLOW_ID + "}}")
        .process(ref(DELIVER_REJECTS))
        .to("direct:dead-letter-{{" + FLOW_ID + "}}")
        .process(ref(DELIVER_COMMIT));

    // Called by the flow's own route on its thread (direct), so the dead letters are acknowledged
    // before that route saves its position or commits its offsets. Shut down after the routes that
    // call it, so a batch in flight at shutdown can still finish.
    forward(DEAD_LETTER, "dead-letter", DEAD_LETTER_TOPIC);
    forward(PUBLISH, "publish", TARGET_TOPIC);

    routeTemplate(REPLAY)
        .templateParameter(FLOW_ID)
        .templateParameter(CONTRACT_TOPIC)
        .from("direct:replay-{{" + FLOW_ID + "}}")
        .routeConfigurationId(ErrorHandling.ID)
        .process(ref(REPLAY_MAP))
        .filter(exchangeProperty(REPLAY_PUBLISH).isEqualTo(true))
        .to("kafka:{{" + CONTRACT_TOPIC + "}}?" + SYNC)
        .end()
        .process(ref(REPLAY_COMMIT));
  }

  /**
   * The start every delivery shares: the contract topic in batches, manual commits, decoded once.
   * Camel's auto-commit modes would skip a failed batch, so offsets are committed by hand; on a
   * failure that outlasts the retries the consumer reconnects from the last committed offset.
   */
  private org.apache.camel.model.RouteDefinition delivery(String template, String... parameters) {
    var definition = routeTemplate(template);
    for (String p : parameters) {
      definition.templateParameter(p);
    }
    return definition
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
        .process(ref(DELIVER_DECODE));
  }

  /**
   * A batch of messages, called by the flow's own route on its thread (direct), into a topic: the
   * messages are acknowledged before that route saves its position or commits its offsets. Shut
   * down after the routes that call it, so a batch in flight at shutdown can still finish.
   */
  private void forward(String template, String endpoint, String topicParameter) {
    routeTemplate(template)
        .templateParameter(FLOW_ID)
        .templateParameter(topicParameter)
        .from("direct:" + endpoint + "-{{" + FLOW_ID + "}}")
        .routeConfigurationId(ErrorHandling.ID)
        .shutdownRoute(ShutdownRoute.Defer)
        .removeHeaders("*")
        .filter(simple("${body.size} > 0"))
        .to("kafka:{{" + topicParameter + "}}?batchWithIndividualHeaders=true&" + SYNC)
        .end();
  }

  private static String ref(String name) {
    return "{{" + name + "}}";
  }
}
