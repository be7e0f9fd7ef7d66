package vn.truc.routes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The meters of one route: records in, out and rejected, and batch time. Tagged by route kind and
 * the connector or subscription, so dashboards can compare agencies.
 */
public final class RouteMetrics {

  public final Counter in;
  public final Counter out;
  public final Counter rejected;
  public final Timer batch;

  /** Only on delivery routes: the one place a record's whole journey is known. Null on ingest. */
  public final Timer endToEnd;

  public RouteMetrics(MeterRegistry registry, String kind, String id) {
    in = Counter.builder("truc.records.in").tag("route", kind).tag("id", id).register(registry);
    out = Counter.builder("truc.records.out").tag("route", kind).tag("id", id).register(registry);
    rejected =
        Counter.builder("truc.records.rejected")
            .tag("route", kind)
            .tag("id", id)
            .register(registry);
    batch =
        Timer.builder("truc.batch.duration")
            .description("Time to read, transform and hand over one batch")
            .tag("route", kind)
            .tag("id", id)
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    endToEnd =
        !kind.equals("deliver")
            ? null
            : Timer.builder("truc.records.latency")
                .description("From the change at the source to the commit at the receiver")
                .tag("route", kind)
                .tag("id", id)
                .publishPercentiles(0.5, 0.99)
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
  }
}
