package vn.truc.platform.ops;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.truc.routes.ops.Operation;
import vn.truc.routes.ops.OperationsLog;

/**
 * The operational records of every batch, kept for a window ({@code truc.operations.retention},
 * default 30 days). Routes hand records over without waiting; they are written in one statement per
 * second, so monitoring never slows the data path. A platform stopped hard loses at most the last
 * second's records, which the ledger and the metrics still account for.
 */
@Component
public class OperationRecords implements OperationsLog {

  private static final Logger LOG = LoggerFactory.getLogger(OperationRecords.class);
  private static final int MAX_BUFFERED = 100_000;

  private final JdbcTemplate jdbc;
  private final Duration retention;
  private final ConcurrentLinkedQueue<Operation> buffer = new ConcurrentLinkedQueue<>();

  OperationRecords(
      JdbcTemplate jdbc, @Value("${truc.operations.retention:P30D}") Duration retention) {
    this.jdbc = jdbc;
    this.retention = retention;
  }

  @Override
  public void record(Operation operation) {
    // A database that is down must not make the buffer grow without bound.
    if (buffer.size() < MAX_BUFFERED) {
      buffer.add(operation);
    }
  }

  @Scheduled(fixedDelayString = "${truc.operations.flush-interval-ms:1000}")
  public void flush() {
    List<Object[]> rows = new ArrayList<>();
    for (Operation o; (o = buffer.poll()) != null; ) {
      rows.add(
          new Object[] {
            Timestamp.from(o.at()),
            o.route(),
            o.flow(),
            o.contract(),
            o.durationMicros(),
            o.records(),
            o.rejected(),
            o.bytes(),
            o.fault()
          });
    }
    if (rows.isEmpty()) {
      return;
    }
    try {
      jdbc.batchUpdate(
          "INSERT INTO exchange_operation (at, route, flow, contract, duration_us, records,"
              + " rejected, bytes, fault) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          rows);
    } catch (RuntimeException e) {
      LOG.warn("{} operational records not written: {}", rows.size(), e.getMessage());
    }
  }

  /** Deletes what is older than the window, hourly. */
  @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
  public int expire() {
    int deleted =
        jdbc.update(
            "DELETE FROM exchange_operation WHERE at < ?",
            Timestamp.from(Instant.now().minus(retention)));
    if (deleted > 0) {
      LOG.info("{} operational records older than {} deleted", deleted, retention);
    }
    return deleted;
  }

  /** Newest first, filtered by flow, route and outcome ({@code ok} or {@code fault}). */
  public List<Map<String, Object>> search(
      String flow, String route, String outcome, Instant from, Instant to, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE at >= ? AND at < ?");
    List<Object> args = new ArrayList<>();
    args.add(Timestamp.from(from == null ? Instant.EPOCH : from));
    args.add(Timestamp.from(to == null ? Instant.now().plusSeconds(60) : to));
    if (flow != null) {
      where.append(" AND flow = ?");
      args.add(flow);
    }
    if (route != null) {
      where.append(" AND route = ?");
      args.add(route);
    }
    if ("ok".equals(outcome)) {
      where.append(" AND fault IS NULL");
    } else if ("fault".equals(outcome)) {
      where.append(" AND fault IS NOT NULL");
    }
    args.add(size);
    args.add((long) page * size);
    return jdbc.queryForList(
        "SELECT at, route, flow, contract, duration_us AS \"durationMicros\", records, rejected,"
            + " bytes, fault FROM exchange_operation"
            + where
            + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
        args.toArray());
  }
}
