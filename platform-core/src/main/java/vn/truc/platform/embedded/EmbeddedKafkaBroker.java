package vn.truc.platform.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run from
 * Kafka's own server code. Its log directory persists: it is formatted on first start only, so a
 * restart keeps topics, records and consumer offsets.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final int NODE_ID = 1;
  private static final String HOST = "localhost";

  private final Path logDir;
  private final int port;
  private final int controllerPort;
  private final Map<String, String> overrides;
  private final List<String> scramCredentials;
  private KafkaRaftServer server;

  public EmbeddedKafkaBroker(Path logDir, int port, int controllerPort) {
    this(logDir, port, controllerPort, Map.of(), List.of());
  }

  /**
   * A broker configured otherwise than the platform's default, e.g. locked down with SASL and ACLs
   * for a test of the platform's Kafka security.
   *
   * @param overrides broker properties put over the defaults (listeners, authorizer, ...)
   * @param scramCredentials SCRAM users written into the metadata when the log is formatted, in
   *     {@code kafka-storage.sh format --add-scram} syntax ({@code
   *     SCRAM-SHA-512=[name=a,password=b]})
   */
  public EmbeddedKafkaBroker(
      Path logDir,
      int port,
      int controllerPort,
      Map<String, String> overrides,
      List<String> scramCredentials) {
    this.logDir = logDir.toAbsolutePath().normalize();
    this.port = port;
    this.controllerPort = controllerPort;
    this.overrides = Map.copyOf(overrides);
    this.scramCredentials = List.copyOf(scramCredentials);
  }

  public synchronized EmbeddedKafkaBroker start() throws Exception {
    if (server != null) {
      return this;
    }
    Files.createDirectories(logDir);
    KafkaConfig config = new KafkaConfig(brokerProperties(), false);
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(config);
    }
    KafkaRaftServer s = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      s.startup();
    } catch (Throwable t) {
      s.shutdown();
      s.awaitShutdown();
      throw t;
    }
    server = s;
    return this;
  }

  private void format(KafkaConfig config) throws Exception {
    Formatter formatter = new Formatter();
    if (!scramCredentials.isEmpty()) {
      formatter.setScramArguments(scramCredentials);
    }
    formatter
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setNodeId(config.nodeId())
        .setClusterId(Uuid.randomUuid().toString())
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setUnstableFeatureVersionsEnabled(false)
        .setIgnoreFormatted(true)
        .setControllerListenerName("CONTROLLER")
        .setMetadataLogDirectory(config.metadataLogDir())
        .addDirectory(logDir.toString())
        .run();
  }

  private Properties brokerProperties() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("num.partitions", "3");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "3");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "true");
    p.put("unclean.leader.election.enable", "false");
    // One node on a small machine: fewer threads than a production broker's defaults.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "4");
    p.put("log.cleaner.threads", "1");
    p.putAll(overrides);
    return p;
  }

  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  @Override
  public synchronized void close() {
    KafkaRaftServer s = server;
    server = null;
    if (s != null) {
      s.shutdown();
      s.awaitShutdown();
    }
  }
}
