package vn.truc.platform.kafkasecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaAclsCommandTest {

  private static final String FLOWS =
      """
      connectors:
        - id: p37-hr
          agency: P37
          kind: jdbc-polling
      subscriptions:
        - id: bnv-national
          agency: BNV
          kind: jdbc-upsert
        - id: bca-feed
          agency: BCA
          kind: kafka-topic
        - id: btp-feed
          kind: kafka-topic
      """;

  @Test
  void parsesWhatTheCliPasses() {
    KafkaAclsCommand.Request r =
        KafkaAclsCommand.parse(
            new String[] {
              "--subscription", "feed-a:bnv",
              "--subscription", "feed-b",
              "--platform-principal", "User:truc-prod",
              "--format", "strimzi",
              "--strimzi-cluster", "kafka-prod",
              "--flows", "/etc/truc/flows.yaml",
              "--kind", "kafka-custom"
            });

    assertThat(r.subscribers())
        .containsExactly(new KafkaSubscriber("feed-a", "BNV"), new KafkaSubscriber("feed-b", null));
    assertThat(r.platformPrincipal()).isEqualTo("User:truc-prod");
    assertThat(r.format()).isEqualTo(KafkaAclsCommand.Format.STRIMZI);
    assertThat(r.strimziCluster()).isEqualTo("kafka-prod");
    assertThat(r.flows()).containsExactly(Path.of("/etc/truc/flows.yaml"));
    assertThat(r.kind()).isEqualTo("kafka-custom");
  }

  @Test
  void defaultsToAKafkaAclsScriptForThePlatformPrincipal() {
    KafkaAclsCommand.Request r = KafkaAclsCommand.parse(new String[0]);
    assertThat(r.platformPrincipal()).isEqualTo("User:truc-platform");
    assertThat(r.format()).isEqualTo(KafkaAclsCommand.Format.KAFKA_ACLS);
    assertThat(r.kind()).isEqualTo("kafka-topic");
    assertThat(KafkaAclsCommand.render(r))
        .contains("--allow-principal 'User:truc-platform'")
        .doesNotContain("sub-");
  }

  @Test
  void readsTheKafkaSubscriptionsOfAFlowsFile(@TempDir Path dir) throws Exception {
    Path flows = Files.writeString(dir.resolve("flows.yaml"), FLOWS);

    assertThat(KafkaAclsCommand.fromFlows(FLOWS, "kafka-topic", "flows.yaml"))
        .containsExactly(
            new KafkaSubscriber("bca-feed", "BCA"), new KafkaSubscriber("btp-feed", null));
    String script =
        KafkaAclsCommand.render(
            KafkaAclsCommand.parse(
                new String[] {"--flows", flows.toString(), "--subscription", "extra-feed:P01"}));
    assertThat(script)
        .contains("--topic 'truc.sub.bca-feed'")
        .contains("--topic 'truc.sub.btp-feed'")
        .contains("--topic 'truc.sub.extra-feed'")
        .doesNotContain("bnv-national");
  }

  @Test
  void aFlowsFileWithABadIdSaysWhichFile() {
    String flows = "subscriptions:\n  - id: Bad_Id\n    kind: kafka-topic\n";
    assertThatThrownBy(
            () -> KafkaAclsCommand.fromFlows(flows, "kafka-topic", "/etc/truc/flows.yaml"))
        .hasMessageStartingWith("/etc/truc/flows.yaml: 'Bad_Id' is not a subscription id");
    assertThat(KafkaAclsCommand.fromFlows("connectors: []\n", "kafka-topic", "f")).isEmpty();
  }

  @Test
  void refusesWhatItCannotUse() {
    for (String[] args :
        List.of(
            new String[] {"--format", "json"},
            new String[] {"--subscription"},
            new String[] {"--bogus", "x"},
            new String[] {"--platform-principal", "truc-platform"},
            new String[] {"--subscription", "FEED:BNV"})) {
      assertThatThrownBy(() -> KafkaAclsCommand.parse(args))
          .as(String.join(" ", args))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> KafkaAclsCommand.parse(new String[] {"--help"}))
        .isInstanceOf(KafkaAclsCommand.HelpRequested.class);
  }
}
