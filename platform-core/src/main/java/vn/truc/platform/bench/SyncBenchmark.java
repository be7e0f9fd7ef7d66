package vn.truc.platform.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import vn.truc.platform.demo.CivilServantGenerator;
import vn.truc.routes.ingest.IngestRoute;

/**
 * The end-to-end sync benchmark: N generated civil servants, province MariaDB -> Kafka -> ministry
 * PostgreSQL, through the real connectors and routes of the demo flow. Two phases: a backlog sync
 * (all rows present, the connector starts) for throughput, then a steady stream at a fixed rate for
 * end-to-end latency. Prints one result block and exits.
 */
@Component
@ConditionalOnProperty(name = "truc.bench.enabled", havingValue = "true")
public class SyncBenchmark implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SyncBenchmark.class);
  private static final String CONNECTOR = "p37-hr";

  private final CamelContext camel;
  private final ConfigurableApplicationContext context;
  private final String provinceUrl;
  private final String ministryUrl;
  private final int records;
  private final int streamRate;
  private final int streamSeconds;
  private final boolean ledgerOff;

  SyncBenchmark(
      CamelContext camel,
      ConfigurableApplicationContext context,
      @Value("${truc.demo.province.jdbc-url}") String provinceUrl,
      @Value("${truc.demo.ministry.jdbc-url}") String ministryUrl,
      @Value("${truc.bench.records:200000}") int records,
      @Value("${truc.bench.stream-rate:1000}") int streamRate,
      @Value("${truc.bench.stream-seconds:20}") int streamSeconds,
      @Value("${truc.bench.ledger-off:false}") boolean ledgerOff) {
    this.ledgerOff = ledgerOff;
    this.camel = camel;
    this.context = context;
    this.provinceUrl = provinceUrl;
    this.ministryUrl = ministryUrl;
    this.records = records;
    this.streamRate = streamRate;
    this.streamSeconds = streamSeconds;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    int code = 0;
    try {
      measure();
    } catch (Exception e) {
      LOG.error("Benchmark failed", e);
      code = 1;
    }
    int exit = code;
    new Thread(() -> System.exit(SpringApplication.exit(context, () -> exit)), "bench-exit")
        .start();
  }

  private void measure() throws Exception {
    String route = IngestRoute.routeId(CONNECTOR);
    camel.getRouteController().stopRoute(route);
    try (Connection p = DriverManager.getConnection(provinceUrl, "root", "");
        Connection m = DriverManager.getConnection(ministryUrl, "postgres", "")) {
      if (count(p, "SELECT COUNT(*) FROM CB_CONG_CHUC") > 0
          || count(m, "SELECT COUNT(*) FROM civil_servant") > 0) {
        throw new IllegalStateException(
            "The benchmark needs empty databases: use a fresh truc.data-dir");
      }
      long t0 = System.nanoTime();
      new CivilServantGenerator(2026).insert(p, 1, records);
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      LOG.info(
          "Generated {} rows at the province in {} s", records, String.format("%.1f", loadSeconds));

      HeapSampler syncHeapSampler = new HeapSampler();
      long start = System.nanoTime();
      camel.getRouteController().startRoute(route);
      while (count(m, "SELECT COUNT(*) FROM civil_servant") < records) {
        Thread.sleep(200); // polling a database count: there is no event to wait on
      }
      double syncSeconds = (System.nanoTime() - start) / 1e9;
      Histogram backlog = latencies(m, "TRUE");
      syncHeapSampler.close();
      long syncHeap = syncHeapSampler.peakBytes();

      HeapSampler streamHeapSampler = new HeapSampler();
      String streamStart = now(m);
      stream(p, new CivilServantGenerator(2027), records + 1L);
      while (count(m, "SELECT COUNT(*) FROM civil_servant")
          < records + (long) streamRate * streamSeconds) {
        Thread.sleep(100);
      }
      Histogram streaming = latencies(m, "delivered_at >= '" + streamStart + "'");
      streamHeapSampler.close();
      long streamHeap = streamHeapSampler.peakBytes();

      String report =
          String.format(
              Locale.ROOT,
              "%n=== Trục sync benchmark: province MariaDB -> Kafka -> ministry PostgreSQL ===%n"
                  + "records                 %,d (%d columns, ~%d bytes/row)%n"
                  + "exchange ledger         %s%n"
                  + "backlog sync            %.1f s  =>  %,.0f records/s%n"
                  + "  latency (queueing)    p50 %.2f s  p99 %.2f s%n"
                  + "  peak heap             %d MiB%n"
                  + "streaming %d/s for %d s%n"
                  + "  end-to-end latency    p50 %.3f s  p99 %.3f s  max %.3f s%n"
                  + "  peak heap             %d MiB%n"
                  + "max heap (-Xmx)         %d MiB; cores %d%n",
              records,
              CivilServantGenerator.COLUMNS.length,
              rowBytes(p),
              ledgerOff ? "OFF (entries discarded, for comparison)" : "on",
              syncSeconds,
              records / syncSeconds,
              backlog.getValueAtPercentile(50) / 1000.0,
              backlog.getValueAtPercentile(99) / 1000.0,
              syncHeap >> 20,
              streamRate,
              streamSeconds,
              streaming.getValueAtPercentile(50) / 1000.0,
              streaming.getValueAtPercentile(99) / 1000.0,
              streaming.getMaxValue() / 1000.0,
              streamHeap >> 20,
              Runtime.getRuntime().maxMemory() >> 20,
              Runtime.getRuntime().availableProcessors());
      System.out.println(report);
    }
  }

  /** Inserts at a fixed rate, one small batch every 100 ms, as an HR system under load would. */
  private void stream(Connection p, CivilServantGenerator g, long from) throws Exception {
    int perTick = Math.max(1, streamRate / 10);
    long next = System.nanoTime();
    long n = from;
    for (int tick = 0; tick < streamSeconds * 10; tick++) {
      g.insert(p, n, perTick);
      n += perTick;
      next += Duration.ofMillis(100).toNanos();
      long wait = next - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    }
  }

  private static Histogram latencies(Connection m, String where) throws SQLException {
    Histogram h = new Histogram(3_600_000L, 3);
    try (Statement s = m.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT EXTRACT(EPOCH FROM delivered_at - (source_changed_at AT TIME ZONE 'UTC'))"
                    + " * 1000 FROM civil_servant WHERE "
                    + where)) {
      while (rs.next()) {
        h.recordValue(Math.max(0, Math.min(3_600_000L, Math.round(rs.getDouble(1)))));
      }
    }
    return h;
  }

  private static long rowBytes(Connection p) throws SQLException {
    return count(
        p,
        "SELECT AVG_ROW_LENGTH FROM information_schema.TABLES WHERE TABLE_NAME = 'CB_CONG_CHUC'");
  }

  private static String now(Connection m) throws SQLException {
    try (Statement s = m.createStatement();
        ResultSet rs = s.executeQuery("SELECT now()::text")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
