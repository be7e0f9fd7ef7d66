package vn.truc.platform.bench;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import vn.truc.routes.ledger.ExchangeLog;

/**
 * For the benchmark only ({@code -Dbench.ledger.off=true}, which needs {@code truc.bench.enabled}):
 * the routes' exchange log discards every entry, so that the same build can be measured with and
 * without the ledger. Never part of a running platform: without the benchmark the property is
 * ignored.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    name = {"truc.bench.enabled", "truc.bench.ledger-off"},
    havingValue = "true")
class LedgerOff {

  @Bean
  @Primary
  ExchangeLog discardingExchangeLog() {
    return entry -> {};
  }
}
