package vn.truc.platform.kafkasecurity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.kafka.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The one place the platform's Kafka clients take their security from: Spring Boot's standard
 * {@code spring.kafka.security.protocol}, {@code spring.kafka.ssl.*} and {@code
 * spring.kafka.properties.sasl.*} (or any other {@code security.*}, {@code sasl.*}, {@code ssl.*}
 * client setting under {@code spring.kafka.properties}). The admin client, the dead-letter reader
 * and every Camel route use these, so an operator sets SASL/SCRAM or mutual TLS once.
 *
 * <p>A configuration that cannot work is refused when a client is built, with the property to fix,
 * instead of surfacing later as a broker disconnect.
 */
@Component
public class KafkaClientSecurity {

  private static final String SCRAM_LOGIN_MODULE =
      "org.apache.kafka.common.security.scram.ScramLoginModule";
  private static final String PLAIN_LOGIN_MODULE =
      "org.apache.kafka.common.security.plain.PlainLoginModule";

  private final KafkaProperties kafka;
  private final SslBundles sslBundles;

  /**
   * @param sslBundles Spring Boot's SSL bundles, for {@code spring.kafka.ssl.bundle}; null where
   *     there are none (then a bundle name is refused)
   */
  public KafkaClientSecurity(KafkaProperties kafka, @Nullable SslBundles sslBundles) {
    this.kafka = kafka;
    this.sslBundles = sslBundles;
  }

  /**
   * The security settings common to all clients: {@code security.protocol}, {@code ssl.*} (or the
   * SSL bundle's engine factory) and {@code sasl.*}. Empty for a PLAINTEXT broker such as the
   * embedded one.
   */
  public Map<String, Object> securityProperties() {
    Map<String, Object> security = new LinkedHashMap<>();
    // Same precedence as Spring Boot's own client properties: ssl, then security, then the free
    // form spring.kafka.properties.* on top.
    security.putAll(kafka.getSsl().buildProperties(sslBundles));
    String bundle = kafka.getSsl().getBundle();
    if (StringUtils.hasText(bundle)) {
      if (sslBundles == null) {
        throw new IllegalStateException(
            "spring.kafka.ssl.bundle is set but there are no SSL bundles (spring.ssl.bundle.*)");
      }
      // As Spring Boot's KafkaAutoConfiguration hands a bundle to Kafka's clients; since Boot 3.5
      // KafkaProperties alone no longer does.
      security.put(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class);
      security.put(SslBundle.class.getName(), sslBundles.getBundle(bundle));
    }
    security.putAll(kafka.getSecurity().buildProperties());
    kafka
        .getProperties()
        .forEach(
            (name, value) -> {
              if (isSecuritySetting(name)) {
                security.put(name, value);
              }
            });
    check(security);
    return security;
  }

  /** Everything an admin client needs: {@code spring.kafka.*} and {@code spring.kafka.admin.*}. */
  public Map<String, Object> adminProperties() {
    return checked(kafka.buildAdminProperties(sslBundles));
  }

  /** A consumer's settings from {@code spring.kafka.*} and {@code spring.kafka.consumer.*}. */
  public Map<String, Object> consumerProperties() {
    return checked(kafka.buildConsumerProperties(sslBundles));
  }

  /** A producer's settings from {@code spring.kafka.*} and {@code spring.kafka.producer.*}. */
  public Map<String, Object> producerProperties() {
    return checked(kafka.buildProducerProperties(sslBundles));
  }

  /** Every client gets exactly the shared security, whatever a client-specific setting says. */
  private Map<String, Object> checked(Map<String, Object> properties) {
    properties.putAll(securityProperties());
    return properties;
  }

  static boolean isSecuritySetting(String name) {
    return name.startsWith("security.")
        || name.startsWith("sasl.")
        || name.startsWith("ssl.")
        || name.equals(SslBundle.class.getName());
  }

  /**
   * Fails on settings Kafka would accept but that cannot log in: a SASL protocol without a login
   * (Kafka then looks for a JAAS file and reports a missing "KafkaClient" entry), or a login module
   * whose mechanism is not the one set (Kafka's default mechanism is GSSAPI).
   */
  static void check(Map<String, Object> properties) {
    List<String> problems = new ArrayList<>();
    String protocol = text(properties.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG));
    String jaas = text(properties.get(SaslConfigs.SASL_JAAS_CONFIG));
    String mechanism = text(properties.get(SaslConfigs.SASL_MECHANISM));
    boolean sasl = protocol != null && protocol.toUpperCase(Locale.ROOT).startsWith("SASL_");
    if (sasl && jaas == null && System.getProperty("java.security.auth.login.config") == null) {
      problems.add(
          "spring.kafka.security.protocol is "
              + protocol
              + " but spring.kafka.properties.sasl.jaas.config is not set; for SCRAM set it to "
              + SCRAM_LOGIN_MODULE
              + " required username=\"...\" password=\"${TRUC_KAFKA_PASSWORD}\";");
    }
    if (jaas != null && jaas.contains(SCRAM_LOGIN_MODULE)) {
      if (mechanism == null || !mechanism.toUpperCase(Locale.ROOT).startsWith("SCRAM-")) {
        problems.add(
            "sasl.jaas.config uses the SCRAM login module but spring.kafka.properties"
                + ".sasl.mechanism is "
                + (mechanism == null ? "not set (Kafka's default is GSSAPI)" : mechanism)
                + "; set it to SCRAM-SHA-512");
      }
    }
    if (jaas != null && jaas.contains(PLAIN_LOGIN_MODULE) && !"PLAIN".equals(mechanism)) {
      problems.add(
          "sasl.jaas.config uses the PLAIN login module but spring.kafka.properties"
              + ".sasl.mechanism is not PLAIN");
    }
    if (jaas != null && !sasl) {
      problems.add(
          "spring.kafka.properties.sasl.jaas.config is set but spring.kafka.security.protocol is "
              + (protocol == null ? "not set (PLAINTEXT)" : protocol)
              + ", so the login would never be used; set SASL_SSL (or SASL_PLAINTEXT)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Kafka client security settings cannot work: " + String.join("; ", problems));
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    // Kafka's Password type prints as [hidden].
    String s = (value instanceof Password p ? p.value() : value.toString()).trim();
    return s.isEmpty() ? null : s;
  }
}
