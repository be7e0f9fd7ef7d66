package vn.truc.platform.kafkasecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.kafka.SslBundleSslEngineFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The settings are bound exactly as an operator writes them, through Spring Boot's binder. */
class KafkaClientSecurityTest {

  static final String SCRAM_JAAS =
      "org.apache.kafka.common.security.scram.ScramLoginModule required"
          + " username=\"truc-platform\" password=\"s3cret\";";

  static KafkaClientSecurity security(Map<String, String> properties) {
    KafkaProperties kafka =
        new Binder(new MapConfigurationPropertySource(properties))
            .bindOrCreate("spring.kafka", Bindable.of(KafkaProperties.class));
    return new KafkaClientSecurity(kafka, null);
  }

  @Test
  void scramFromSpringKafkaPropertiesReachesEveryClient() {
    KafkaClientSecurity security =
        security(
            Map.of(
                "spring.kafka.bootstrap-servers", "kafka-1.example:9093",
                "spring.kafka.security.protocol", "SASL_SSL",
                "spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512",
                "spring.kafka.properties.sasl.jaas.config", SCRAM_JAAS,
                "spring.kafka.properties.linger.ms", "5"));

    assertThat(security.securityProperties())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", SCRAM_JAAS));
    for (Map<String, Object> client :
        java.util.List.of(
            security.adminProperties(),
            security.consumerProperties(),
            security.producerProperties())) {
      assertThat(client)
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
          .containsEntry("sasl.jaas.config", SCRAM_JAAS)
          .containsKey("bootstrap.servers");
    }
  }

  @Test
  void mutualTlsMapsSpringSslPropertiesToKafkasNames() {
    KafkaClientSecurity security =
        security(
            Map.of(
                "spring.kafka.security.protocol", "SSL",
                "spring.kafka.ssl.key-store-location", "file:/etc/truc/kafka/truc-platform.p12",
                "spring.kafka.ssl.key-store-password", "k",
                "spring.kafka.ssl.key-store-type", "PKCS12",
                "spring.kafka.ssl.trust-store-location", "file:/etc/truc/kafka/ca.p12",
                "spring.kafka.ssl.trust-store-password", "t",
                "spring.kafka.ssl.trust-store-type", "PKCS12"));

    assertThat(security.securityProperties())
        .containsEntry("security.protocol", "SSL")
        .containsEntry(
            "ssl.keystore.location",
            Path.of("/etc/truc/kafka/truc-platform.p12").toAbsolutePath().toString())
        .containsEntry("ssl.keystore.password", "k")
        .containsEntry("ssl.keystore.type", "PKCS12")
        .containsEntry(
            "ssl.truststore.location",
            Path.of("/etc/truc/kafka/ca.p12").toAbsolutePath().toString())
        .containsEntry("ssl.truststore.password", "t")
        .containsEntry("ssl.truststore.type", "PKCS12")
        .doesNotContainKey("sasl.jaas.config");
  }

  @Test
  void theSameSettingsWorkAsEnvironmentVariables() {
    Map<String, Object> environment =
        Map.of(
            "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
            "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", SCRAM_JAAS);
    KafkaProperties kafka =
        new Binder(
                ConfigurationPropertySources.from(
                    new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
            .bindOrCreate("spring.kafka", Bindable.of(KafkaProperties.class));

    assertThat(new KafkaClientSecurity(kafka, null).securityProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("sasl.jaas.config", SCRAM_JAAS);
  }

  @Test
  void anSslBundleReachesTheClientsAsSpringBootHandsItToKafka() {
    KafkaProperties kafka =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of(
                        "spring.kafka.security.protocol", "SSL",
                        "spring.kafka.ssl.bundle", "kafka")))
            .bindOrCreate("spring.kafka", Bindable.of(KafkaProperties.class));
    SslBundle bundle = SslBundle.of(SslStoreBundle.NONE);

    Map<String, Object> security =
        new KafkaClientSecurity(kafka, new DefaultSslBundleRegistry("kafka", bundle))
            .securityProperties();

    assertThat(security)
        .containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.engine.factory.class", SslBundleSslEngineFactory.class)
        .containsEntry(SslBundle.class.getName(), bundle);
    assertThat(
            new KafkaClientSecurity(kafka, new DefaultSslBundleRegistry("kafka", bundle))
                .adminProperties())
        .containsEntry(SslBundle.class.getName(), bundle);
  }

  @Test
  void aClientSpecificSettingCannotLeaveOneClientInPlaintext() {
    Map<String, String> p = new java.util.HashMap<>();
    p.put("spring.kafka.security.protocol", "SASL_SSL");
    p.put("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512");
    p.put("spring.kafka.properties.sasl.jaas.config", SCRAM_JAAS);
    p.put("spring.kafka.admin.security.protocol", "PLAINTEXT");
    p.put("spring.kafka.consumer.security.protocol", "PLAINTEXT");

    KafkaClientSecurity security = security(p);

    assertThat(security.adminProperties()).containsEntry("security.protocol", "SASL_SSL");
    assertThat(security.consumerProperties()).containsEntry("security.protocol", "SASL_SSL");
  }

  @Test
  void plaintextAddsNothing() {
    assertThat(
            security(Map.of("spring.kafka.bootstrap-servers", "localhost:19092"))
                .securityProperties())
        .isEmpty();
  }

  @Test
  void saslWithoutALoginIsRefusedWithThePropertyToSet() {
    KafkaClientSecurity security = security(Map.of("spring.kafka.security.protocol", "SASL_SSL"));
    assertThatThrownBy(security::securityProperties)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spring.kafka.properties.sasl.jaas.config is not set");
    assertThatThrownBy(security::adminProperties).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aScramLoginWithKafkasDefaultMechanismIsRefused() {
    assertThatThrownBy(
            () ->
                security(
                        Map.of(
                            "spring.kafka.security.protocol",
                            "SASL_SSL",
                            "spring.kafka.properties.sasl.jaas.config",
                            SCRAM_JAAS))
                    .securityProperties())
        .hasMessageContaining("sasl.mechanism is not set (Kafka's default is GSSAPI)");
  }

  @Test
  void aLoginThatWouldNeverBeUsedIsRefused() {
    assertThatThrownBy(
            () ->
                security(
                        Map.of(
                            "spring.kafka.properties.sasl.mechanism",
                            "SCRAM-SHA-512",
                            "spring.kafka.properties.sasl.jaas.config",
                            SCRAM_JAAS))
                    .securityProperties())
        .hasMessageContaining("spring.kafka.security.protocol is not set (PLAINTEXT)");
  }

  @Test
  void anSslBundleNeedsSpringsBundles() {
    assertThatThrownBy(
            () -> security(Map.of("spring.kafka.ssl.bundle", "kafka")).securityProperties())
        .hasMessageContaining("spring.kafka.ssl.bundle");
  }

  @Test
  void onlySecuritySettingsAreShared() {
    assertThat(KafkaClientSecurity.isSecuritySetting("sasl.login.callback.handler.class")).isTrue();
    assertThat(KafkaClientSecurity.isSecuritySetting("ssl.endpoint.identification.algorithm"))
        .isTrue();
    assertThat(KafkaClientSecurity.isSecuritySetting("security.providers")).isTrue();
    assertThat(KafkaClientSecurity.isSecuritySetting("linger.ms")).isFalse();
    assertThat(KafkaClientSecurity.isSecuritySetting("client.id")).isFalse();
  }
}
