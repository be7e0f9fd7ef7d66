package vn.truc.routes.error;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling declared once for every route. Failures that reach here are transient (a broker or
 * database unavailable): bad records never throw, they are routed to dead letters by the routes
 * themselves. A transient failure is retried in place with backoff; when the retries run out the
 * exchange fails, so the ingest route re-reads from its last saved position and the delivery route
 * reconnects and re-reads from its last committed offset. Nothing is lost.
 */
public final class ErrorHandling extends RouteConfigurationBuilder {

  public static final String ID = "truc-error-handling";

  private final int maxRedeliveries;
  private final long initialDelayMs;
  private final long maxDelayMs;

  public ErrorHandling(int maxRedeliveries, long initialDelayMs, long maxDelayMs) {
    this.maxRedeliveries = maxRedeliveries;
    this.initialDelayMs = initialDelayMs;
    this.maxDelayMs = maxDelayMs;
  }

  @Override
  public void configuration() {
    routeConfiguration(ID)
        .onException(Exception.class)
        .maximumRedeliveries(maxRedeliveries)
        .redeliveryDelay(initialDelayMs)
        .useExponentialBackOff()
        .backOffMultiplier(2)
        .maximumRedeliveryDelay(maxDelayMs)
        .retryAttemptedLogLevel(LoggingLevel.WARN)
        .logExhausted(true)
        .logExhaustedMessageHistory(false)
        .handled(false);
  }
}
