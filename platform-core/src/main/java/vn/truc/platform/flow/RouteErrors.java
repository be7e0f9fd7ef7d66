package vn.truc.platform.flow;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;
import vn.truc.routes.ops.Operation;
import vn.truc.routes.ops.OperationsLog;

/**
 * The last failure of each route, for the status API: what went wrong and when. A batch that failed
 * for good (its retries spent) is also an operational record with its fault.
 */
@Component
public class RouteErrors extends EventNotifierSupport {

  private final OperationsLog operations;

  RouteErrors(OperationsLog operations) {
    this.operations = operations;
  }

  /** A failure as a user sees it. */
  public record LastError(String message, Instant at) {}

  private final Map<String, LastError> last = new ConcurrentHashMap<>();

  @Override
  public void notify(CamelEvent event) {
    if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
      record(failed.getExchange().getFromRouteId(), failed.getExchange().getException());
      fault(failed.getExchange());
    } else if (event instanceof CamelEvent.ExchangeRedeliveryEvent retry) {
      record(
          retry.getExchange().getFromRouteId(),
          retry
              .getExchange()
              .getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }
  }

  @Override
  public boolean isEnabled(CamelEvent event) {
    return event instanceof CamelEvent.ExchangeFailedEvent
        || event instanceof CamelEvent.ExchangeRedeliveryEvent;
  }

  private void fault(org.apache.camel.Exchange exchange) {
    String routeId = exchange.getFromRouteId();
    Throwable e = exchange.getException();
    if (routeId == null || e == null) {
      return;
    }
    int dash = routeId.indexOf('-');
    String route = dash < 0 ? routeId : routeId.substring(0, dash);
    if (!route.equals("ingest") && !route.equals("deliver")) {
      return;
    }
    long micros =
        java.time.Duration.between(
                    Instant.ofEpochMilli(exchange.getClock().getCreated()), Instant.now())
                .toNanos()
            / 1_000;
    Object body = exchange.getMessage().getBody();
    int records = body instanceof java.util.List<?> list ? list.size() : 0;
    operations.record(
        new Operation(
            Instant.now(),
            route,
            routeId.substring(dash + 1),
            null,
            micros,
            records,
            0,
            0,
            e.getClass().getSimpleName() + ": " + e.getMessage()));
  }

  public Optional<LastError> last(String routeId) {
    return Optional.ofNullable(last.get(routeId));
  }

  private void record(String routeId, Throwable e) {
    if (routeId != null && e != null) {
      last.put(
          routeId,
          new LastError(e.getClass().getSimpleName() + ": " + e.getMessage(), Instant.now()));
    }
  }
}
