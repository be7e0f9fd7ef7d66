package vn.truc.platform.kafkasecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaStrimziUsersTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void oneScramKafkaUserPerPrincipalWithSimpleAuthorization() throws Exception {
    String yaml =
        StrimziKafkaUsers.render(
            KafkaAcls.plan(
                "User:truc-platform",
                List.of(new KafkaSubscriber("feed-a", "BNV"), new KafkaSubscriber("feed-b", null))),
            "kafka-prod");

    List<JsonNode> users =
        YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll().stream()
            .filter(n -> n != null && !n.isNull() && !n.isMissingNode())
            .toList();

    assertThat(users)
        .extracting(u -> u.at("/metadata/name").asText())
        .containsExactly("truc-platform", "sub-feed-a", "sub-feed-b");
    assertThat(users)
        .allSatisfy(
            u -> {
              assertThat(u.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1beta2");
              assertThat(u.path("kind").asText()).isEqualTo("KafkaUser");
              assertThat(u.at("/metadata/labels/strimzi.io~1cluster").asText())
                  .isEqualTo("kafka-prod");
              assertThat(u.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
              assertThat(u.at("/spec/authorization/type").asText()).isEqualTo("simple");
            });

    JsonNode feedA = users.get(1);
    assertThat(feedA.at("/metadata/labels/truc.vn~1agency").asText()).isEqualTo("BNV");
    JsonNode acls = feedA.at("/spec/authorization/acls");
    assertThat(acls).hasSize(2);
    assertThat(acls.get(0).at("/resource/type").asText()).isEqualTo("topic");
    assertThat(acls.get(0).at("/resource/name").asText()).isEqualTo("truc.sub.feed-a");
    assertThat(acls.get(0).at("/resource/patternType").asText()).isEqualTo("literal");
    assertThat(acls.get(0).path("operations"))
        .extracting(JsonNode::asText)
        .containsExactly("Describe", "Read");
    assertThat(acls.get(1).at("/resource/type").asText()).isEqualTo("group");
    assertThat(acls.get(1).at("/resource/name").asText()).isEqualTo("sub-feed-a.");
    assertThat(acls.get(1).at("/resource/patternType").asText()).isEqualTo("prefix");
    assertThat(acls.get(1).path("operations")).extracting(JsonNode::asText).containsExactly("Read");
    assertThat(acls.get(1).path("type").asText()).isEqualTo("allow");
    assertThat(acls.get(1).path("host").asText()).isEqualTo("*");

    assertThat(users.get(2).at("/metadata/labels").has("truc.vn/agency")).isFalse();
    assertThat(users.get(0).at("/spec/authorization/acls"))
        .extracting(a -> a.at("/resource/type").asText() + " " + a.at("/resource/name").asText())
        .containsExactly("topic truc.", "group truc.");
  }

  @Test
  void namesKubernetesCannotHoldAreRefused() {
    List<PrincipalAcls> plan = KafkaAcls.plan("User:Truc_Platform", List.of());
    assertThatThrownBy(() -> StrimziKafkaUsers.render(plan, "truc-kafka"))
        .hasMessageContaining("Truc_Platform")
        .hasMessageContaining("Kubernetes name");
    assertThatThrownBy(
            () -> StrimziKafkaUsers.render(KafkaAcls.plan("User:truc", List.of()), "My Cluster"))
        .hasMessageContaining("Strimzi cluster name");
  }
}
