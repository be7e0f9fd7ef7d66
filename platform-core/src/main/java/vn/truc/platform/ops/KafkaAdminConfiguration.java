package vn.truc.platform.ops;

import org.apache.kafka.clients.admin.AdminClient;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One admin client for topics, health and lag, from the standard spring.kafka.* properties. */
@Configuration(proxyBeanMethods = false)
class KafkaAdminConfiguration {

  @Bean(destroyMethod = "close")
  AdminClient kafkaAdminClient(KafkaProperties properties) {
    return AdminClient.create(properties.buildAdminProperties(null));
  }
}
