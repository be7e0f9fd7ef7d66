package vn.truc.routes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import vn.truc.routes.ops.Operation;
import vn.truc.routes.ops.OperationsLog;

/**
 * The meters of one route: records in, out and rejected, batch time and size. Tagged by route kind
 * and the connector or subscription, so dashboards can compare agencies. Each finished batch is
 * also an operational record ({@link Operation}).
 */
public final class RouteMetrics {

  public final Counter in;
  public final Counter out;
  public final Counter rejected;

  /** Records a subscription's grant held back by its row filter. */
  public final Counter filtered;

  public final Timer batch;

  /** Bytes moved per batch, on the wire. */
  public final DistributionSummary bytes;

  private final String kind;
  private final String id;
  private final OperationsLog operations;

  /** Only on delivery routes: the one place a record's whole journey is known. Null on ingest. */
  public final Timer endToEnd;

  public RouteMetrics(MeterRegistry registry, String kind, String id) {
    this(registry, kind, id, OperationsLog.NONE);
  }

  public RouteMetrics(MeterRegistry registry, String kind, String id, OperationsLog operations) {
    this.kind = kind;
    this.id = id;
    this.operations = operations;
    bytes =
        DistributionSummary.builder("truc.batch.bytes")
            .description("Size of one batch's records on the wire")
            .baseUnit("bytes")
            .tag("route", kind)
            .tag("id", id)
            .register(registry);
    in = Counter.builder("truc.records.in").tag("route", kind).tag("id", id).register(registry);
    out = Counter.builder("truc.records.out").tag("route", kind).tag("id", id).register(registry);
    rejected =
        Counter.builder("truc.records.rejected")
            .tag("route", kind)
            .tag("id", id)
            .register(registry);
    filtered =
        Counter.builder("truc.records.filtered")
            .description("Records outside the grant's row filter, not delivered")
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

  /** A batch went through: its time and size into the meters and an operational record. */
  public void batchDone(
      String contract, long startedNanos, int records, int rejected, long wireBytes) {
    long nanos = System.nanoTime() - startedNanos;
    batch.record(nanos, TimeUnit.NANOSECONDS);
    bytes.record(wireBytes);
    operations.record(
        new Operation(
            Instant.now(), kind, id, contract, nanos / 1_000, records, rejected, wireBytes, null));
  }
}
