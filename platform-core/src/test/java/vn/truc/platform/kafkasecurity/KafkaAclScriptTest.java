package vn.truc.platform.kafkasecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaAclScriptTest {

  private static final String COMMAND =
      "kafka-acls.sh --bootstrap-server \"$KAFKA_BOOTSTRAP\" --command-config"
          + " \"$KAFKA_ADMIN_CONFIG\" --add";

  @Test
  void oneCommandPerPrincipalAndResourceWithAllItsOperations() {
    String script =
        KafkaAclScript.render(
            KafkaAcls.plan("User:truc-platform", List.of(new KafkaSubscriber("feed-a", "BNV"))));

    assertThat(script.lines().filter(l -> l.startsWith("kafka-acls.sh")))
        .containsExactly(
            COMMAND
                + " --allow-principal 'User:truc-platform' --allow-host '*' --operation Create"
                + " --operation Describe --operation Read --operation Write --topic 'truc.'"
                + " --resource-pattern-type prefixed",
            COMMAND
                + " --allow-principal 'User:truc-platform' --allow-host '*' --operation Describe"
                + " --operation Read --group 'truc.' --resource-pattern-type prefixed",
            COMMAND
                + " --allow-principal 'User:sub-feed-a' --allow-host '*' --operation Describe"
                + " --operation Read --topic 'truc.sub.feed-a'",
            COMMAND
                + " --allow-principal 'User:sub-feed-a' --allow-host '*' --operation Read"
                + " --group 'sub-feed-a.' --resource-pattern-type prefixed");
    assertThat(script)
        .startsWith("#!/bin/sh\n")
        .contains("\nset -eu\n")
        .contains("# User:sub-feed-a: subscription feed-a of BNV: reads truc.sub.feed-a only\n");
  }

  @Test
  void quotesForTheShell() {
    assertThat(KafkaAclScript.quote("it's *")).isEqualTo("'it'\\''s *'");
  }
}
