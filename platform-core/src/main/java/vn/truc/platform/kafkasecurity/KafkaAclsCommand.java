package vn.truc.platform.kafkasecurity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code truc kafka-acls}: prints the Kafka ACLs of the platform and of the given subscribers, as a
 * kafka-acls.sh script or as Strimzi KafkaUser resources. It runs without the platform and without
 * a broker, as a plain {@code main} in the platform jar; applying the output is the operator's
 * step, with an admin principal.
 *
 * <pre>
 * java -cp truc.jar -Dloader.main=vn.truc.platform.kafkasecurity.KafkaAclsCommand \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --subscription feed-a:BNV --flows /etc/truc/flows.yaml [--format strimzi]
 * </pre>
 */
public final class KafkaAclsCommand {

  /** The subscription kind whose records go to the subscriber's own topic truc.sub.<id>. */
  static final String KAFKA_KIND = "kafka-topic";

  static final String USAGE =
      """
      usage: truc kafka-acls [--subscription ID[:AGENCY] ...] [--flows FILE ...] [--kind KIND]
                             [--platform-principal User:NAME] [--format kafka-acls | strimzi]
                             [--strimzi-cluster NAME]
        --subscription        a subscription delivering to its own topic truc.sub.ID (repeat)
        --flows               a flow definitions file (YAML or JSON, as truc.flows): its
                              subscriptions of kind KIND are added
        --kind                the subscription kind read from --flows (default: kafka-topic)
        --platform-principal  the platform's own Kafka principal (default: User:truc-platform)
        --format              kafka-acls: a shell script of kafka-acls.sh commands (default);
                              strimzi: KafkaUser resources (kafka.strimzi.io/v1beta2)
        --strimzi-cluster     the Strimzi Kafka cluster's name, label strimzi.io/cluster
                              (default: truc-kafka)
      prints the ACLs (the platform's, then each subscriber's); each subscriber's principal
      User:sub-ID may read topic truc.sub.ID with consumer groups named sub-ID..., nothing else.
      """;

  enum Format {
    KAFKA_ACLS,
    STRIMZI
  }

  record Request(
      String platformPrincipal,
      List<KafkaSubscriber> subscribers,
      List<Path> flows,
      String kind,
      Format format,
      String strimziCluster) {}

  private KafkaAclsCommand() {}

  public static void main(String[] args) {
    try {
      System.out.print(render(parse(args)));
    } catch (HelpRequested e) {
      System.out.print(USAGE);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      System.err.println("truc kafka-acls: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
    }
  }

  static String render(Request r) {
    List<KafkaSubscriber> subscribers = new ArrayList<>(r.subscribers());
    for (Path file : r.flows()) {
      subscribers.addAll(fromFlows(read(file), r.kind(), file.toString()));
    }
    List<PrincipalAcls> plan = KafkaAcls.plan(r.platformPrincipal(), subscribers);
    return switch (r.format()) {
      case KAFKA_ACLS -> KafkaAclScript.render(plan);
      case STRIMZI -> StrimziKafkaUsers.render(plan, r.strimziCluster());
    };
  }

  static final class HelpRequested extends RuntimeException {
    HelpRequested() {
      super(null, null, false, false);
    }
  }

  static Request parse(String[] args) {
    String principal = KafkaAcls.DEFAULT_PLATFORM_PRINCIPAL;
    List<KafkaSubscriber> subscribers = new ArrayList<>();
    List<Path> flows = new ArrayList<>();
    String kind = KAFKA_KIND;
    Format format = Format.KAFKA_ACLS;
    String cluster = StrimziKafkaUsers.DEFAULT_CLUSTER;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("-h") || option.equals("--help")) {
        throw new HelpRequested();
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--subscription" -> subscribers.add(subscriber(value));
        case "--flows" -> flows.add(Path.of(value));
        case "--kind" -> kind = value;
        case "--platform-principal" -> principal = value;
        case "--format" ->
            format =
                switch (value) {
                  case "kafka-acls" -> Format.KAFKA_ACLS;
                  case "strimzi" -> Format.STRIMZI;
                  default ->
                      throw new IllegalArgumentException(
                          "--format is kafka-acls or strimzi, not '" + value + "'");
                };
        case "--strimzi-cluster" -> cluster = value;
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    // Fail on a bad principal before anything is printed.
    KafkaAcls.platformPrincipal(principal);
    return new Request(principal, subscribers, flows, kind, format, cluster);
  }

  private static KafkaSubscriber subscriber(String value) {
    int colon = value.indexOf(':');
    return colon < 0
        ? new KafkaSubscriber(value.trim(), null)
        : new KafkaSubscriber(value.substring(0, colon).trim(), value.substring(colon + 1));
  }

  /** The subscriptions of the given kind in a flows file ({@code subscriptions: [{id, ...}]}). */
  static List<KafkaSubscriber> fromFlows(String text, String kind, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + " is not YAML or JSON: " + e.getMessage());
    }
    List<KafkaSubscriber> found = new ArrayList<>();
    JsonNode subscriptions = root == null ? null : root.get("subscriptions");
    if (subscriptions == null) {
      return found;
    }
    if (!subscriptions.isArray()) {
      throw new IllegalArgumentException(source + ": subscriptions must be a list");
    }
    for (JsonNode s : subscriptions) {
      if (kind.equals(s.path("kind").asText())) {
        String agency = s.path("agency").isTextual() ? s.path("agency").asText() : null;
        try {
          found.add(new KafkaSubscriber(s.path("id").asText(null), agency));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
      }
    }
    return found;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
