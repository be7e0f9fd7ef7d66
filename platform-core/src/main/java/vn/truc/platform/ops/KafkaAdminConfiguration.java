package vn.truc.platform.ops;

import org.apache.kafka.clients.admin.AdminClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.truc.platform.kafkasecurity.KafkaClientSecurity;

/**
 * One admin client for topics, health, lag and consumer starts, from the standard spring.kafka.*
 * properties with their security (docs/kafka-security.md).
 */
@Configuration(proxyBeanMethods = false)
class KafkaAdminConfiguration {

  @Bean(destroyMethod = "close")
  AdminClient kafkaAdminClient(KafkaClientSecurity kafka) {
    return AdminClient.create(kafka.adminProperties());
  }
}
