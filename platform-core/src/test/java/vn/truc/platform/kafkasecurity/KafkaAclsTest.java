package vn.truc.platform.kafkasecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.ssl.SslPrincipalMapper;
import org.junit.jupiter.api.Test;

class KafkaAclsTest {

  private static final KafkaSubscriber FEED_A = new KafkaSubscriber("feed-a", "BNV");
  private static final KafkaSubscriber FEED_B = new KafkaSubscriber("feed-b", "btp");

  @Test
  void aSubscriberMayReadAndDescribeItsTopicAndReadWithItsGroups() {
    List<AclBinding> bindings = KafkaAcls.subscriber(FEED_A).bindings();

    assertThat(bindings)
        .extracting(
            b -> b.entry().principal(),
            b -> b.pattern().resourceType(),
            b -> b.pattern().name(),
            b -> b.pattern().patternType(),
            b -> b.entry().operation(),
            b -> b.entry().permissionType(),
            b -> b.entry().host())
        .containsExactly(
            tuple(
                "User:sub-feed-a",
                ResourceType.TOPIC,
                "truc.sub.feed-a",
                PatternType.LITERAL,
                AclOperation.DESCRIBE,
                AclPermissionType.ALLOW,
                "*"),
            tuple(
                "User:sub-feed-a",
                ResourceType.TOPIC,
                "truc.sub.feed-a",
                PatternType.LITERAL,
                AclOperation.READ,
                AclPermissionType.ALLOW,
                "*"),
            tuple(
                "User:sub-feed-a",
                ResourceType.GROUP,
                "sub-feed-a.",
                PatternType.PREFIXED,
                AclOperation.READ,
                AclPermissionType.ALLOW,
                "*"));
  }

  @Test
  void aSubscribersBindingsMatchNoOtherTopic() {
    List<AclBinding> topics =
        KafkaAcls.subscriber(FEED_A).bindings().stream()
            .filter(b -> b.pattern().resourceType() == ResourceType.TOPIC)
            .toList();

    assertThat(topics).allMatch(b -> matches(b.pattern(), "truc.sub.feed-a"));
    for (String other :
        List.of("truc.sub.feed-b", "truc.sub.feed-ab", "truc.civilservant.v1", "truc.sub.")) {
      assertThat(topics).as(other).noneMatch(b -> matches(b.pattern(), other));
    }
  }

  @Test
  void thePlatformWorksUnderTrucPrefixedTopicsAndGroupsWithoutClusterRights() {
    List<AclBinding> bindings =
        KafkaAcls.platform(KafkaAcls.platformPrincipal("User:truc")).bindings();

    assertThat(bindings)
        .allMatch(b -> b.entry().principal().equals("User:truc"))
        .allMatch(b -> b.entry().permissionType() == AclPermissionType.ALLOW)
        .allMatch(b -> b.pattern().patternType() == PatternType.PREFIXED)
        .allMatch(b -> b.pattern().name().equals("truc."))
        .noneMatch(b -> b.pattern().resourceType() == ResourceType.CLUSTER)
        .noneMatch(b -> b.entry().operation() == AclOperation.ALL);
    assertThat(bindings)
        .filteredOn(b -> b.pattern().resourceType() == ResourceType.TOPIC)
        .extracting(b -> b.entry().operation())
        .containsExactly(
            AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.READ, AclOperation.WRITE);
    assertThat(bindings)
        .filteredOn(b -> b.pattern().resourceType() == ResourceType.GROUP)
        .extracting(b -> b.entry().operation())
        .containsExactly(AclOperation.DESCRIBE, AclOperation.READ);
  }

  @Test
  void thePlanIsThePlatformThenEachSubscriberOnce() {
    List<PrincipalAcls> plan =
        KafkaAcls.plan(KafkaAcls.DEFAULT_PLATFORM_PRINCIPAL, List.of(FEED_A, FEED_B, FEED_A));

    assertThat(plan)
        .extracting(p -> p.principal().toString())
        .containsExactly("User:truc-platform", "User:sub-feed-a", "User:sub-feed-b");
    assertThat(plan.get(2).labels())
        .containsEntry("truc.vn/subscription", "feed-b")
        .containsEntry("truc.vn/agency", "BTP");
    assertThat(KafkaAcls.bindings(KafkaAcls.DEFAULT_PLATFORM_PRINCIPAL, List.of(FEED_A)))
        .hasSize(6 + 3);
  }

  @Test
  void aSubscriptionGivenForTwoAgenciesIsRefused() {
    assertThatThrownBy(
            () ->
                KafkaAcls.plan(
                    "User:truc-platform", List.of(FEED_A, new KafkaSubscriber("feed-a", "P37"))))
        .hasMessageContaining("feed-a is given twice, for agencies BNV and P37");
  }

  @Test
  void idsThatWouldWidenOrBreakTheNamesAreRefused() {
    for (String id : List.of("Feed-a", "-feed", "feed.a", "feed_a", "x", "a*", "")) {
      assertThatThrownBy(() -> new KafkaSubscriber(id, "BNV"))
          .as(id)
          .hasMessageContaining("is not a subscription id");
    }
    assertThatThrownBy(() -> new KafkaSubscriber("feed-a", "Bộ Nội vụ"))
        .hasMessageContaining("is not an agency code");
  }

  @Test
  void thePlatformPrincipalMustBeAUserOutsideTheSubscribersNames() {
    assertThat(KafkaAcls.platformPrincipal(" User:truc-prod ").getName()).isEqualTo("truc-prod");
    for (String p : List.of("truc-platform", "Group:truc", "User:", "User:sub-platform")) {
      assertThatThrownBy(() -> KafkaAcls.platformPrincipal(p))
          .as(p)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theDocumentedCertificateMappingGivesTheSamePrincipalsUnderMutualTls() throws Exception {
    // The broker rule docs/kafka-security.md gives for mutual TLS, so these ACLs apply unchanged.
    SslPrincipalMapper mapper =
        SslPrincipalMapper.fromRules("RULE:^CN=([a-z0-9.-]+)(,.*)?$/$1/,DEFAULT");

    assertThat("User:" + mapper.getName("CN=truc-platform,OU=CNTT,O=Bo Noi vu,C=VN"))
        .isEqualTo(KafkaAcls.DEFAULT_PLATFORM_PRINCIPAL);
    assertThat(mapper.getName("CN=sub-feed-a,O=BNV")).isEqualTo(FEED_A.userName());
    assertThat(mapper.getName("CN=Someone Else,O=X")).isEqualTo("CN=Someone Else,O=X");
  }

  /** How Kafka's authorizer matches a literal or prefixed pattern to a resource name. */
  private static boolean matches(ResourcePattern pattern, String name) {
    return switch (pattern.patternType()) {
      case LITERAL -> pattern.name().equals(name) || pattern.name().equals("*");
      case PREFIXED -> name.startsWith(pattern.name());
      default -> throw new IllegalArgumentException(pattern.toString());
    };
  }
}
