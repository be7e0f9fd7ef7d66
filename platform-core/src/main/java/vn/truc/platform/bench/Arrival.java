package vn.truc.platform.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.HdrHistogram.Histogram;

/**
 * How records arrived in a target table, read from the table itself: each pipeline stamps a
 * delivery time on every row (the sink's transaction time, or clock_timestamp() by default), and
 * every row carries its source change time, both on this machine's clock.
 *
 * @param table the target table
 * @param key the target's key column, to spot the last source row cheaply while waiting
 * @param changedAt SQL for a row's source change time as a timestamptz
 */
record Arrival(String table, String key, String changedAt) {

  /**
   * What every pipeline line measures, once its JVM is starting: the backlog (all N rows), then the
   * streaming phase at the bench's rate, with the CPU breakdown logged in between.
   *
   * @param ready the log line that says the pipeline's JVM is up
   */
  Outcome measure(
      Bench bench,
      Child pipeline,
      String ready,
      Instant started,
      Connection province,
      Connection ministry)
      throws Exception {
    pipeline.awaitReady(ready, Duration.ofMinutes(3));
    CpuBreakdown atReady = CpuBreakdown.now();
    JvmThreads threadsAtReady = JvmThreads.of(pipeline.pid());
    await(ministry, bench.lastPersonalId(), bench.records(), pipeline, bench.syncTimeout());
    Backlog backlog = backlog(ministry, started);
    Usage usage = pipeline.usage();
    SideBySide.log(
        "%s: %s (pipeline %s)",
        pipeline.name(),
        CpuBreakdown.now().since(atReady, usage.processCpuSeconds()),
        JvmThreads.of(pipeline.pid()).since(threadsAtReady));
    Instant streamStart = Instant.now();
    bench.stream(province);
    await(
        ministry,
        bench.lastStreamedPersonalId(),
        bench.records() + bench.streamed(),
        pipeline,
        Duration.ofMinutes(5));
    Histogram streaming = latencySince(ministry, streamStart);
    return new Outcome(
        pipeline.name(),
        backlog.rows(),
        backlog.recordsPerSecond(),
        backlog.waitMillis().getValueAtPercentile(50),
        backlog.waitMillis().getValueAtPercentile(99),
        usage,
        streaming.getValueAtPercentile(50),
        streaming.getValueAtPercentile(99));
  }

  /**
   * Waits until {@code expected} rows are there: a cheap look for the last row's key, then one
   * count to confirm (the last row can overtake others across partitions).
   */
  void await(Connection m, String lastKey, long expected, Child pipeline, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!pipeline.alive()) {
        throw new IllegalStateException(pipeline.name() + " died:\n" + pipeline.logTail());
      }
      if (exists(m, lastKey) && count(m) >= expected) {
        return;
      }
      Thread.sleep(250); // a row count has no event to wait on
    }
    throw new IllegalStateException(
        pipeline.name()
            + " delivered "
            + count(m)
            + " of "
            + expected
            + " rows in "
            + timeout
            + ":\n"
            + pipeline.logTail());
  }

  /**
   * The backlog's figures: rate over the window from the first delivery to the last (start-up
   * excluded, the same for every pipeline), and each row's wait from the pipeline's start.
   */
  Backlog backlog(Connection m, Instant started) throws SQLException {
    try (Statement s = m.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT EXTRACT(EPOCH FROM max(delivered_at) - min(delivered_at)),"
                    + " EXTRACT(EPOCH FROM max(delivered_at)), count(*) FROM "
                    + table)) {
      rs.next();
      double window = rs.getDouble(1);
      double last = rs.getDouble(2);
      long rows = rs.getLong(3);
      Histogram wait =
          histogram(
              m,
              "SELECT EXTRACT(EPOCH FROM delivered_at - to_timestamp("
                  + started.toEpochMilli() / 1000.0
                  + ")) * 1000 FROM "
                  + table);
      return new Backlog(rows, window, last - started.toEpochMilli() / 1000.0, wait);
    }
  }

  /** End-to-end latency of the rows delivered since {@code since}: delivery minus source change. */
  Histogram latencySince(Connection m, Instant since) throws SQLException {
    return histogram(
        m,
        "SELECT EXTRACT(EPOCH FROM delivered_at - "
            + changedAt
            + ") * 1000 FROM "
            + table
            + " WHERE delivered_at >= to_timestamp("
            + since.toEpochMilli() / 1000.0
            + ")");
  }

  long count(Connection m) throws SQLException {
    return single(m, "SELECT count(*) FROM " + table);
  }

  private boolean exists(Connection m, String lastKey) throws SQLException {
    return single(m, "SELECT count(*) FROM " + table + " WHERE " + key + " = '" + lastKey + "'")
        > 0;
  }

  private static long single(Connection m, String sql) throws SQLException {
    try (Statement s = m.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Histogram histogram(Connection m, String sql) throws SQLException {
    Histogram h = new Histogram(3_600_000L, 3);
    try (Statement s = m.createStatement()) {
      s.setFetchSize(10_000);
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          h.recordValue(Math.max(0, Math.min(3_600_000L, Math.round(rs.getDouble(1)))));
        }
      }
    }
    return h;
  }

  /**
   * @param rows rows in the target
   * @param windowSeconds first delivery to last
   * @param totalSeconds pipeline start to last delivery, start-up included
   * @param waitMillis each row's time from the pipeline's start to its delivery
   */
  record Backlog(long rows, double windowSeconds, double totalSeconds, Histogram waitMillis) {
    double recordsPerSecond() {
      return windowSeconds > 0 ? rows / windowSeconds : 0;
    }
  }
}
