package vn.truc.platform.it;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.commons.io.FileUtils;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node KRaft broker, as the platform's embedded one but locked down like a production
 * cluster: clients authenticate with SASL/SCRAM-SHA-512, Kafka's StandardAuthorizer allows only
 * what ACLs say (no ACL, no access), and one admin principal is a super user.
 *
 * <p>SCRAM credentials live in the cluster metadata, so they are written when the log directory is
 * formatted, as {@code kafka-storage.sh format --add-scram} does. The controller listener cannot
 * use SCRAM (it serves the metadata SCRAM is checked against), so it uses SASL/PLAIN with the
 * admin's static credentials, as Kafka's documentation recommends.
 */
final class ScramKafkaBroker implements AutoCloseable {

  static final String MECHANISM = "SCRAM-SHA-512";
  private static final String HOST = "localhost";

  private final Path dir;
  private final int port;
  private final KafkaRaftServer server;

  private ScramKafkaBroker(Path dir, int port, KafkaRaftServer server) {
    this.dir = dir;
    this.port = port;
    this.server = server;
  }

  /**
   * @param admin the super user's name; it also carries the broker's own inter-broker login
   * @param users SCRAM users (name to password), which must include the admin
   */
  static ScramKafkaBroker start(Path dir, String admin, Map<String, String> users)
      throws Exception {
    int[] ports = EmbeddedTestEngines.freePorts(2);
    Path logDir = Files.createDirectories(dir).toAbsolutePath();
    KafkaConfig config =
        new KafkaConfig(properties(logDir, ports[0], ports[1], admin, users), false);
    List<String> scram = new ArrayList<>();
    // Formatter's --add-scram syntax; the passwords here are letters and digits only.
    users.forEach(
        (name, password) ->
            scram.add(MECHANISM + "=[name=" + name + ",password=" + password + "]"));
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setNodeId(config.nodeId())
        .setClusterId(Uuid.randomUuid().toString())
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setUnstableFeatureVersionsEnabled(false)
        .setControllerListenerName("CONTROLLER")
        .setMetadataLogDirectory(config.metadataLogDir())
        .addDirectory(logDir.toString())
        .setScramArguments(scram)
        .run();
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      server.startup();
    } catch (Throwable t) {
      server.shutdown();
      server.awaitShutdown();
      FileUtils.deleteQuietly(dir.toFile());
      throw t;
    }
    return new ScramKafkaBroker(dir, ports[0], server);
  }

  private static Properties properties(
      Path logDir, int port, int controllerPort, String admin, Map<String, String> users) {
    String adminPassword = users.get(admin);
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
    p.put(
        "listeners",
        "SASL://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "SASL://" + HOST + ":" + port);
    p.put("listener.security.protocol.map", "SASL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
    p.put("inter.broker.listener.name", "SASL");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("listener.name.sasl.sasl.enabled.mechanisms", MECHANISM);
    p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
    p.put(
        "listener.name.sasl.scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + login(admin, adminPassword)
            + ";");
    p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
    p.put("sasl.mechanism.controller.protocol", "PLAIN");
    p.put(
        "listener.name.controller.plain.sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + login(admin, adminPassword)
            + " user_"
            + admin
            + "=\""
            + adminPassword
            + "\";");
    p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    p.put("super.users", "User:" + admin);
    p.put("allow.everyone.if.no.acl.found", "false");
    p.put("log.dirs", logDir.toString());
    p.put("num.partitions", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // Topics exist because someone allowed to create them did, never as a side effect of a read.
    p.put("auto.create.topics.enable", "false");
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("log.cleaner.enable", "false");
    return p;
  }

  private static String login(String user, String password) {
    return " username=\"" + user + "\" password=\"" + password + "\"";
  }

  String bootstrapServers() {
    return HOST + ":" + port;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    FileUtils.deleteQuietly(dir.toFile());
  }
}
