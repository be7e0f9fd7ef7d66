package vn.truc.platform.flow;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/** The last failure of each route, for the status API: what went wrong and when. */
@Component
public class RouteErrors extends EventNotifierSupport {

  /** A failure as a user sees it. */
  public record LastError(String message, Instant at) {}

  private final Map<String, LastError> last = new ConcurrentHashMap<>();

  @Override
  public void notify(CamelEvent event) {
    if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
      record(failed.getExchange().getFromRouteId(), failed.getExchange().getException());
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
