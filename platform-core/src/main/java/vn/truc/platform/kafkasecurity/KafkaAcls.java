package vn.truc.platform.kafkasecurity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.utils.SecurityUtils;

/**
 * The Kafka ACLs of the platform and of the subscribers that read their own topics: pure, so the
 * command, the docs and the tests all see the same list.
 *
 * <p>The platform's principal gets exactly what its clients do (docs/kafka-security.md): it
 * creates, describes, writes and reads topics named {@code truc.*} (contract topics, dead-letter
 * topics, subscribers' topics), and reads and describes consumer groups named {@code truc.*} (its
 * deliveries' groups {@code truc.subscription.<id>}, whose offsets it also reads for lag). No
 * cluster-level ACL: creating topics is authorised per topic name, and since KIP-679 an idempotent
 * producer needs Write on a topic rather than IdempotentWrite on the cluster.
 *
 * <p>A subscriber's principal {@code User:sub-<id>} may read and describe its topic {@code
 * truc.sub.<id>} and read with consumer groups whose names start with {@code sub-<id>}, nothing
 * else: the broker's authorizer denies what no ACL allows.
 */
public final class KafkaAcls {

  public static final String DEFAULT_PLATFORM_PRINCIPAL = "User:truc-platform";

  /** Every topic and consumer group the platform uses starts with this. */
  public static final String PLATFORM_PREFIX = "truc.";

  private static final String ANY_HOST = "*";

  private KafkaAcls() {}

  /** The platform's ACLs, then each subscriber's, in the order given (duplicates once). */
  public static List<PrincipalAcls> plan(
      String platformPrincipal, Collection<KafkaSubscriber> subscribers) {
    List<PrincipalAcls> plan = new ArrayList<>();
    plan.add(platform(platformPrincipal(platformPrincipal)));
    Map<String, KafkaSubscriber> byId = new LinkedHashMap<>();
    for (KafkaSubscriber s : subscribers) {
      KafkaSubscriber seen = byId.putIfAbsent(s.subscriptionId(), s);
      if (seen != null && !seen.equals(s)) {
        throw new IllegalArgumentException(
            "subscription "
                + s.subscriptionId()
                + " is given twice, for agencies "
                + seen.agency()
                + " and "
                + s.agency());
      }
    }
    byId.values().forEach(s -> plan.add(subscriber(s)));
    return List.copyOf(plan);
  }

  /** All bindings of {@link #plan}, as {@code Admin#createAcls} takes them. */
  public static List<AclBinding> bindings(
      String platformPrincipal, Collection<KafkaSubscriber> subscribers) {
    return plan(platformPrincipal, subscribers).stream()
        .flatMap(p -> p.bindings().stream())
        .toList();
  }

  static PrincipalAcls platform(KafkaPrincipal principal) {
    List<AclBinding> bindings = new ArrayList<>();
    ResourcePattern topics =
        new ResourcePattern(ResourceType.TOPIC, PLATFORM_PREFIX, PatternType.PREFIXED);
    ResourcePattern groups =
        new ResourcePattern(ResourceType.GROUP, PLATFORM_PREFIX, PatternType.PREFIXED);
    allow(
        bindings,
        principal,
        topics,
        AclOperation.CREATE,
        AclOperation.DESCRIBE,
        AclOperation.READ,
        AclOperation.WRITE);
    allow(bindings, principal, groups, AclOperation.DESCRIBE, AclOperation.READ);
    return new PrincipalAcls(
        principal, "the platform", Map.of("truc.vn/role", "platform"), bindings);
  }

  static PrincipalAcls subscriber(KafkaSubscriber s) {
    List<AclBinding> bindings = new ArrayList<>();
    allow(
        bindings,
        s.principal(),
        new ResourcePattern(ResourceType.TOPIC, s.topic(), PatternType.LITERAL),
        AclOperation.DESCRIBE,
        AclOperation.READ);
    allow(
        bindings,
        s.principal(),
        new ResourcePattern(ResourceType.GROUP, s.groupPrefix(), PatternType.PREFIXED),
        AclOperation.READ);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("truc.vn/role", "subscriber");
    labels.put("truc.vn/subscription", s.subscriptionId());
    if (s.agency() != null) {
      labels.put("truc.vn/agency", s.agency());
    }
    String purpose =
        "subscription "
            + s.subscriptionId()
            + (s.agency() != null ? " of " + s.agency() : "")
            + ": reads "
            + s.topic()
            + " only";
    return new PrincipalAcls(s.principal(), purpose, labels, bindings);
  }

  static KafkaPrincipal platformPrincipal(String text) {
    KafkaPrincipal p;
    try {
      p = SecurityUtils.parseKafkaPrincipal(text == null ? "" : text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a Kafka principal such as " + DEFAULT_PLATFORM_PRINCIPAL);
    }
    if (!KafkaPrincipal.USER_TYPE.equals(p.getPrincipalType()) || p.getName().isBlank()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a Kafka principal such as " + DEFAULT_PLATFORM_PRINCIPAL);
    }
    if (p.getName().startsWith("sub-")) {
      // It would share names with the subscribers' principals, whose ACLs are much narrower.
      throw new IllegalArgumentException(
          "the platform's principal " + text + " must not start with sub-, kept for subscribers");
    }
    return p;
  }

  private static void allow(
      List<AclBinding> into,
      KafkaPrincipal principal,
      ResourcePattern pattern,
      AclOperation... operations) {
    for (AclOperation op : operations) {
      into.add(
          new AclBinding(
              pattern,
              new AccessControlEntry(principal.toString(), ANY_HOST, op, AclPermissionType.ALLOW)));
    }
  }
}
