package vn.truc.platform.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.FileUtils;
import vn.truc.platform.embedded.EmbeddedKafkaBroker;

/**
 * A real single-node KRaft broker, the platform's embedded one locked down like a production
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
  private final EmbeddedKafkaBroker broker;

  private ScramKafkaBroker(Path dir, EmbeddedKafkaBroker broker) {
    this.dir = dir;
    this.broker = broker;
  }

  /**
   * @param admin the super user's name; it also carries the broker's own inter-broker login
   * @param users SCRAM users (name to password), which must include the admin
   */
  static ScramKafkaBroker start(Path dir, String admin, Map<String, String> users)
      throws Exception {
    int[] ports = EmbeddedTestEngines.freePorts(2);
    List<String> scram = new ArrayList<>();
    // Formatter's --add-scram syntax; the passwords here are letters and digits only.
    users.forEach(
        (name, password) ->
            scram.add(MECHANISM + "=[name=" + name + ",password=" + password + "]"));
    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaBroker(
            dir,
            ports[0],
            ports[1],
            lockedDown(ports[0], ports[1], admin, users.get(admin)),
            scram);
    try {
      broker.start();
    } catch (Throwable t) {
      FileUtils.deleteQuietly(dir.toFile());
      throw t;
    }
    return new ScramKafkaBroker(dir, broker);
  }

  /** What differs from the platform's embedded broker: listeners, logins, authorisation. */
  private static Map<String, String> lockedDown(
      int port, int controllerPort, String admin, String adminPassword) {
    Map<String, String> p = new HashMap<>();
    p.put(
        "listeners",
        "SASL://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "SASL://" + HOST + ":" + port);
    p.put("listener.security.protocol.map", "SASL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
    p.put("inter.broker.listener.name", "SASL");
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
    // Topics exist because someone allowed to create them did, never as a side effect of a read.
    p.put("auto.create.topics.enable", "false");
    return p;
  }

  private static String login(String user, String password) {
    return " username=\"" + user + "\" password=\"" + password + "\"";
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  @Override
  public void close() {
    broker.close();
    FileUtils.deleteQuietly(dir.toFile());
  }
}
