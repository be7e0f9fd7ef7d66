package vn.truc.platform.kafkasecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** Camel's kafka component, found and customised as in the platform, gets the security. */
class KafkaCamelSecurityTest {

  private static final Map<String, String> SCRAM =
      Map.of(
          "spring.kafka.security.protocol", "SASL_SSL",
          "spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512",
          "spring.kafka.properties.sasl.jaas.config", KafkaClientSecurityTest.SCRAM_JAAS);

  @Test
  void everyRouteClientOfTheComponentUsesTheSpringKafkaSecurity() throws Exception {
    try (DefaultCamelContext camel = new DefaultCamelContext()) {
      camel
          .getRegistry()
          .bind(
              "trucKafkaClientSecurity",
              CamelKafkaSecurity.customizer(KafkaClientSecurityTest.security(SCRAM)));
      camel.start();

      KafkaEndpoint endpoint =
          camel.getEndpoint(
              "kafka:truc.civilservant.v1?groupId=truc.subscription.x", KafkaEndpoint.class);
      for (Properties client :
          java.util.List.of(
              endpoint.getConfiguration().createProducerProperties(),
              endpoint.getConfiguration().createConsumerProperties())) {
        assertThat(client)
            .containsEntry("security.protocol", "SASL_SSL")
            .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
            .containsEntry("sasl.jaas.config", KafkaClientSecurityTest.SCRAM_JAAS);
      }
    }
  }

  @Test
  void anExplicitCamelAdditionalPropertyStillWins() {
    KafkaConfiguration configuration = new KafkaConfiguration();
    Map<String, Object> explicit = new HashMap<>();
    explicit.put("sasl.mechanism", "SCRAM-SHA-256");
    configuration.setAdditionalProperties(explicit);

    CamelKafkaSecurity.apply(
        KafkaClientSecurityTest.security(SCRAM).securityProperties(), configuration);

    assertThat(configuration.createProducerProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-256");
  }

  @Test
  void plaintextLeavesCamelsOwnSettingsAlone() {
    KafkaConfiguration configuration = new KafkaConfiguration();
    configuration.setSecurityProtocol("SSL");
    configuration.setSslTruststoreLocation("/etc/ca.p12");

    CamelKafkaSecurity.apply(Map.of(), configuration);

    assertThat(configuration.createProducerProperties())
        .containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.truststore.location", "/etc/ca.p12");
  }

  @Test
  void theCustomizerAppliesToKafkaComponentsOnly() {
    var customizer = CamelKafkaSecurity.customizer(KafkaClientSecurityTest.security(SCRAM));
    assertThat(customizer.isEnabled("kafka", new KafkaComponent())).isTrue();
    assertThat(customizer.isEnabled("direct", new DirectComponent())).isFalse();
  }
}
