package vn.truc.routes.error;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import vn.truc.routes.grant.NoActiveGrantException;

/**
 * Error handling declared once for every route. Failures that reach here are transient (a broker or
 * database unavailable): bad records never throw, they are routed to dead letters by the routes
 * themselves (a batch of a subscription without a grant in force fails at once, unretried). A
 * transient failure is retried in place with backoff; when the retries run out the exchange fails,
 * so the ingest route re-reads from its last saved position and the delivery route reconnects and
 * re-reads from its last committed offset. Nothing is lost.
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
    var configuration = routeConfiguration(ID);
    // No grant in force is no transient failure: retrying cannot help, and the batch must go back
    // at once (uncommitted) so that the platform can stop the delivery until a grant is in force.
    configuration
        .onException(NoActiveGrantException.class)
        .maximumRedeliveries(0)
        .logExhausted(false)
        .handled(false);
    configuration
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
