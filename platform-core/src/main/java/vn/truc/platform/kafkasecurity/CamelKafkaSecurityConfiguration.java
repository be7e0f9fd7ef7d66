package vn.truc.platform.kafkasecurity;

import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Camel finds component customizers among the Spring beans. */
@Configuration(proxyBeanMethods = false)
class CamelKafkaSecurityConfiguration {

  @Bean
  ComponentCustomizer trucKafkaClientSecurity(KafkaClientSecurity security) {
    return CamelKafkaSecurity.customizer(security);
  }
}
