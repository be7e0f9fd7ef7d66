package vn.truc.platform.kafkasecurity;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.springboot.KafkaComponentAutoConfiguration;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * In a Spring Boot context as the platform's: Camel Spring Boot applies the camel.component.kafka.*
 * settings and then this package's customizer, so the routes' clients get spring.kafka's security.
 */
class KafkaSecuritySpringWiringTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  SslAutoConfiguration.class,
                  KafkaAutoConfiguration.class,
                  CamelAutoConfiguration.class,
                  KafkaComponentAutoConfiguration.class))
          .withUserConfiguration(KafkaClientSecurity.class, CamelKafkaSecurityConfiguration.class)
          .withPropertyValues(
              "spring.kafka.bootstrap-servers=kafka-1.example:9093",
              "camel.component.kafka.brokers=${spring.kafka.bootstrap-servers}",
              "camel.component.kafka.compression-codec=lz4");

  @Test
  void theRoutesKafkaComponentGetsSpringKafkaSecurityOnTopOfItsOwnSettings() {
    runner
        .withPropertyValues(
            "spring.kafka.security.protocol=SASL_SSL",
            "spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
            "spring.kafka.properties.sasl.jaas.config=" + KafkaClientSecurityTest.SCRAM_JAAS)
        .run(
            context -> {
              KafkaComponent kafka =
                  context.getBean(CamelContext.class).getComponent("kafka", KafkaComponent.class);
              // Camel adds the brokers when it creates a client, not to these properties.
              assertThat(kafka.getConfiguration().getBrokers()).isEqualTo("kafka-1.example:9093");
              assertThat(kafka.getConfiguration().createProducerProperties())
                  .containsEntry("compression.type", "lz4")
                  .containsEntry("security.protocol", "SASL_SSL")
                  .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                  .containsEntry("sasl.jaas.config", KafkaClientSecurityTest.SCRAM_JAAS);
            });
  }

  @Test
  void withoutSecuritySettingsTheRoutesStayPlaintextAsTheEmbeddedBrokerNeeds() {
    runner.run(
        context -> {
          KafkaComponent kafka =
              context.getBean(CamelContext.class).getComponent("kafka", KafkaComponent.class);
          assertThat(kafka.getConfiguration().createConsumerProperties())
              .containsEntry("security.protocol", "PLAINTEXT")
              .doesNotContainKey("sasl.jaas.config");
        });
  }
}
