package vn.truc.connector.cdc;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.truc.connector.api.SourceConnector;
import vn.truc.connector.api.SourceRow;

/**
 * A change-data-capture source over Debezium's embedded engine. Debezium pushes changes; the
 * platform pulls batches. Debezium is told a change is processed only once the platform polls again
 * from a position at or after it, that is once the change is on Kafka and the position saved: until
 * then PostgreSQL keeps the WAL and nothing can be lost in a crash. A poll from an earlier position
 * hands the unsaved changes out again; a poll from a position this engine never gave out (an offset
 * reset) restarts the engine from there.
 */
final class CdcSource implements SourceConnector {

  private static final Logger LOG = LoggerFactory.getLogger(CdcSource.class);
  private static final long FIRST_WAIT_MS = 200;

  /** The changes of one Debezium batch, acknowledged together once all are saved. */
  private static final class Batch {
    final List<RecordChangeEvent<SourceRecord>> events;
    final DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer;
    int unsaved;

    Batch(
        List<RecordChangeEvent<SourceRecord>> events,
        DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer,
        int rows) {
      this.events = events;
      this.committer = committer;
      this.unsaved = rows;
    }
  }

  /** Readies the database for capture and gives Debezium's settings for a start. */
  @FunctionalInterface
  interface Start {
    /**
     * @param position where to resume, or null for the beginning (with a snapshot)
     */
    Properties prepare(String position) throws Exception;
  }

  /** Gives back what the capture made at the source when the connector is deleted. */
  @FunctionalInterface
  interface Release {
    void release() throws Exception;
  }

  private record Change(SourceRow row, boolean snapshot, Batch batch) {}

  private final String engineName;
  private final java.nio.file.Path offsetFile;
  private final Start start;
  private final Release release;
  private final LongSupplier tableSize;

  private final Object lock = new Object();
  private final Deque<Change> ready = new ArrayDeque<>();
  private final Deque<Change> handedOut = new ArrayDeque<>();
  private final Deque<Batch> batches = new ArrayDeque<>();
  private final int backlog;
  private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
  private ExecutorService runner;
  private Throwable failure;
  private boolean stopping;
  private String saved;
  private long sequence;
  private Versions versions = new Versions(null);
  private final RowNames names = new RowNames();
  private long snapshotTotal = -1;
  private long snapshotSaved;
  private boolean snapshotting;

  /**
   * @param start readies the database and gives Debezium's settings for a start from a position
   * @param tableSize counts the captured table's rows, for snapshot progress
   * @param backlog changes read ahead of the platform before Debezium is made to wait
   */
  CdcSource(
      String engineName,
      java.nio.file.Path offsetFile,
      Start start,
      Release release,
      LongSupplier tableSize,
      int backlog) {
    this.release = release;
    this.engineName = engineName;
    this.backlog = backlog;
    this.offsetFile = offsetFile;
    this.start = start;
    this.tableSize = tableSize;
  }

  @Override
  public List<SourceRow> poll(String position, int maxRows) throws Exception {
    synchronized (lock) {
      if (engine != null && failure == null && !acknowledge(position)) {
        LOG.info("{}: asked for a position it did not give out; restarting from it", engineName);
        stopEngine();
      }
      if (engine != null && failure == null) {
        commitSavedBatches();
      }
      if (failure != null) {
        Throwable cause = failure;
        stopEngine();
        throw new IllegalStateException(
            "change capture stopped: "
                + cause.getMessage()
                + " (restarting from the saved position)",
            cause);
      }
      if (engine == null) {
        startEngine(position);
      }
      if (ready.isEmpty()) {
        lock.wait(FIRST_WAIT_MS);
      }
      List<SourceRow> rows = new ArrayList<>(Math.min(maxRows, ready.size()));
      while (rows.size() < maxRows && !ready.isEmpty()) {
        Change c = ready.pollFirst();
        handedOut.addLast(c);
        rows.add(c.row());
      }
      return rows;
    }
  }

  /**
   * Everything handed out up to {@code position} is saved; the rest goes back to be handed out
   * again. False when the position is not one this engine gave out.
   */
  private boolean acknowledge(String position) {
    if (Objects.equals(position, saved)) {
      while (!handedOut.isEmpty()) {
        ready.addFirst(handedOut.pollLast());
      }
      return true;
    }
    int index = 0;
    int found = -1;
    for (Change c : handedOut) {
      if (c.row().position().equals(position)) {
        found = index;
      }
      index++;
    }
    if (found < 0) {
      return false;
    }
    for (int i = 0; i <= found; i++) {
      Change c = handedOut.pollFirst();
      if (c.snapshot()) {
        snapshotSaved++;
      } else {
        snapshotting = false;
      }
      c.batch().unsaved--;
    }
    while (!handedOut.isEmpty()) {
      ready.addFirst(handedOut.pollLast());
    }
    saved = position;
    lock.notifyAll();
    return true;
  }

  private void startEngine(String position) throws Exception {
    Properties settings = start.prepare(position);
    OffsetSeed.write(offsetFile, engineName, position);
    saved = position;
    failure = null;
    stopping = false;
    ready.clear();
    handedOut.clear();
    batches.clear();
    snapshotting = position == null || isUnfinishedSnapshot(position);
    snapshotSaved = 0;
    versions = new Versions(position == null ? null : CdcPosition.parse(position).versionInstant());
    snapshotTotal = snapshotting ? safeTableSize() : -1;
    engine =
        DebeziumEngine.create(
                io.debezium.engine.format.ChangeEventFormat.of(io.debezium.embedded.Connect.class))
            .using(settings)
            .using(
                (success, message, error) -> {
                  synchronized (lock) {
                    if (!success && !stopping) {
                      failure = error != null ? error : new IllegalStateException(message);
                      LOG.warn("{}: change capture stopped: {}", engineName, message, error);
                    }
                    lock.notifyAll();
                  }
                })
            .notifying(this::handleBatch)
            .build();
    runner =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "truc-cdc-" + engineName);
              t.setDaemon(true);
              return t;
            });
    runner.execute(engine);
  }

  /**
   * Runs on Debezium's thread. Returns at once unless the platform is far behind, so Debezium keeps
   * reading while the platform publishes; the batch is acknowledged later, by {@link #poll}.
   */
  private void handleBatch(
      List<RecordChangeEvent<SourceRecord>> events,
      DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
      throws InterruptedException {
    List<Change> changes = new ArrayList<>(events.size());
    Batch batch = new Batch(events, committer, 0);
    synchronized (lock) {
      for (RecordChangeEvent<SourceRecord> event : events) {
        SourceRow row = ChangeEvents.toRow(event.record(), ++sequence, versions, names);
        if (row != null) {
          changes.add(new Change(row, ChangeEvents.fromSnapshot(event.record()), batch));
        }
      }
      batch.unsaved = changes.size();
      batches.addLast(batch);
      ready.addAll(changes);
      lock.notifyAll();
      while (ready.size() + handedOut.size() > backlog) {
        if (stopping) {
          throw new InterruptedException("engine stopping");
        }
        lock.wait(100);
      }
    }
  }

  /** Tells Debezium, in order, about every batch whose changes are all saved. */
  private void commitSavedBatches() throws InterruptedException {
    while (!batches.isEmpty() && batches.peekFirst().unsaved == 0) {
      Batch b = batches.pollFirst();
      for (RecordChangeEvent<SourceRecord> event : b.events) {
        b.committer.markProcessed(event);
      }
      b.committer.markBatchFinished();
    }
  }

  @Override
  public OptionalLong remaining(String position) {
    synchronized (lock) {
      long queued = ready.size() + handedOut.size();
      if (snapshotting && snapshotTotal >= 0) {
        return OptionalLong.of(Math.max(snapshotTotal - snapshotSaved, queued));
      }
      return OptionalLong.of(queued);
    }
  }

  private static boolean isUnfinishedSnapshot(String position) {
    var offset = CdcPosition.parse(position).offset();
    Object snapshot = offset.get("snapshot");
    Object last = offset.get("last_snapshot_record");
    return snapshot != null
        && !"false".equals(String.valueOf(snapshot))
        && !"true".equals(String.valueOf(last));
  }

  private long safeTableSize() {
    try {
      return tableSize.getAsLong();
    } catch (RuntimeException e) {
      LOG.debug("{}: cannot count the table for progress: {}", engineName, e.getMessage());
      return -1;
    }
  }

  /** Called with the lock held. */
  private void stopEngine() throws Exception {
    if (engine == null) {
      return;
    }
    stopping = true;
    lock.notifyAll();
    DebeziumEngine<RecordChangeEvent<SourceRecord>> e = engine;
    ExecutorService r = runner;
    engine = null;
    runner = null;
    // Debezium's threads need the lock to finish their batch: wait for them with wait(), which
    // releases it.
    Thread closer =
        new Thread(
            () -> {
              try {
                e.close();
              } catch (IOException | IllegalStateException ex) {
                // Already stopped by itself (a failure): nothing left to close.
                LOG.warn("{}: closing the engine: {}", engineName, ex.getMessage());
              }
            });
    closer.start();
    while (closer.isAlive()) {
      lock.wait(50);
    }
    r.shutdown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!r.isTerminated() && System.nanoTime() < deadline) {
      lock.wait(50);
    }
    failure = null;
  }

  @Override
  public void release() throws Exception {
    close();
    java.nio.file.Files.deleteIfExists(offsetFile);
    release.release();
  }

  @Override
  public void close() throws Exception {
    synchronized (lock) {
      stopEngine();
    }
  }
}
