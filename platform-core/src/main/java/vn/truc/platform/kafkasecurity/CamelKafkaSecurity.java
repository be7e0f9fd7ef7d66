package vn.truc.platform.kafkasecurity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.spi.ComponentCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives Camel's kafka component, and so every route's producer and consumer, the security settings
 * of {@link KafkaClientSecurity}. Camel would otherwise connect in PLAINTEXT unless the same
 * settings were repeated under {@code camel.component.kafka.*}.
 *
 * <p>They go into the component's additional properties, which Camel applies last to every client
 * it creates: they win over Camel's own security options, while an entry set explicitly under
 * {@code camel.component.kafka.additional-properties} still wins over them.
 */
public final class CamelKafkaSecurity {

  private static final Logger log = LoggerFactory.getLogger(CamelKafkaSecurity.class);

  private CamelKafkaSecurity() {}

  /**
   * A customizer Camel applies when it creates the kafka component: bound in Camel's registry (a
   * Spring bean in the platform), it runs after Camel Spring Boot's own {@code
   * camel.component.kafka.*} customizer.
   */
  public static ComponentCustomizer customizer(KafkaClientSecurity security) {
    return ComponentCustomizer.builder(KafkaComponent.class)
        .withOrder(ComponentCustomizer.LOWEST)
        .build(component -> apply(security.securityProperties(), component.getConfiguration()));
  }

  static void apply(Map<String, Object> security, KafkaConfiguration configuration) {
    if (security.isEmpty()) {
      return;
    }
    Map<String, Object> merged = new LinkedHashMap<>(security);
    if (configuration.getAdditionalProperties() != null) {
      merged.putAll(configuration.getAdditionalProperties());
    }
    configuration.setAdditionalProperties(merged);
    log.info(
        "Kafka routes connect with security.protocol={} sasl.mechanism={}",
        merged.get("security.protocol"),
        merged.getOrDefault("sasl.mechanism", "-"));
  }
}
