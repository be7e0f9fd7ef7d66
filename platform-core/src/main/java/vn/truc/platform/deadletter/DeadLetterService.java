package vn.truc.platform.deadletter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Service;
import vn.truc.platform.deadletter.internal.DeadLetterRecords;
import vn.truc.platform.deadletter.internal.DeadLetterTopicReader;
import vn.truc.platform.deadletter.internal.JdbcResubmissions;
import vn.truc.platform.flow.FlowConflictException;
import vn.truc.platform.flow.FlowRuntime;
import vn.truc.platform.flow.FlowType;
import vn.truc.platform.flow.UnknownFlowException;
import vn.truc.routes.ingest.IngestRoute;
import vn.truc.routes.ingest.ReplayOutcome;
import vn.truc.routes.ingest.Resubmission;

/**
 * The dead letters of connectors and subscriptions: list and inspect them from their topics, and
 * re-submit a connector's entries through its current mapping (its {@code truc-replay} route), so a
 * corrected row or a fixed mapping takes effect. Outcomes are kept in the platform database.
 */
@Service
public class DeadLetterService {

  /** Entries read per round when re-submitting a whole topic. */
  private static final int ROUND = 200;

  public static final int MAX_LIMIT = 500;

  private final FlowRuntime runtime;
  private final DeadLetterTopicReader reader;
  private final JdbcResubmissions resubmissions;
  private final ProducerTemplate producer;
  // One re-submission at a time per connector, so two calls cannot both publish an entry.
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  DeadLetterService(
      FlowRuntime runtime,
      DeadLetterTopicReader reader,
      JdbcResubmissions resubmissions,
      ProducerTemplate producer) {
    this.runtime = runtime;
    this.reader = reader;
    this.resubmissions = resubmissions;
    this.producer = producer;
  }

  /** What one re-submission did: published under {@code key} to {@code topic}. */
  public record Resubmitted(String id, String outcome, String key, String topic) {}

  /**
   * What re-submitting every unresolved entry did.
   *
   * @param resubmitted published
   * @param rejected still invalid (each listed with its errors in {@code rejectedEntries})
   * @param skipped already re-submitted before
   * @param refused cannot be re-submitted safely (each listed with the reason)
   */
  public record ResubmittedAll(
      int resubmitted,
      int rejected,
      int skipped,
      int refused,
      List<DeadLetterEntry> rejectedEntries,
      Map<String, String> refusedEntries) {}

  public DeadLetterPage list(FlowType type, String flowId, long from, int limit) {
    String topic = topic(type, flowId);
    long start = Math.max(0, from);
    int size = Math.max(1, Math.min(limit, MAX_LIMIT));
    DeadLetterTopicReader.Page page = reader.read(topic, start, size);
    List<DeadLetterEntry> entries = withStatus(topic, page.records(), false);
    long next = start + entries.size();
    return new DeadLetterPage(
        flowId,
        topic,
        start,
        size,
        page.total(),
        entries.isEmpty() || next >= page.total() ? null : next,
        entries.stream().map(DeadLetterEntry::summary).toList());
  }

  public DeadLetterEntry get(FlowType type, String flowId, EntryId id) {
    String topic = topic(type, flowId);
    return withStatus(topic, List.of(record(topic, id)), true).get(0);
  }

  /**
   * Re-submits one entry of a connector, with {@code corrections} put over its columns.
   *
   * @throws StillInvalidException when the mapping still refuses it (it stays unresolved)
   * @throws FlowConflictException when it was re-submitted before and {@code force} is not set, or
   *     cannot be re-submitted safely
   */
  public Resubmitted resubmit(
      String connectorId, EntryId id, Map<String, Object> corrections, boolean force) {
    String topic = topic(FlowType.CONNECTOR, connectorId);
    synchronized (lock(connectorId)) {
      DeadLetterEntry entry = withStatus(topic, List.of(record(topic, id)), true).get(0);
      if (entry.resubmitted() && !force) {
        throw new FlowConflictException(
            "entry "
                + id
                + " was re-submitted at "
                + entry.resubmission().at()
                + " as "
                + entry.resubmission().key()
                + "; add force=true to send it again");
      }
      ReplayOutcome outcome = resubmit(connectorId, entry, corrections);
      if (!outcome.isPublished()) {
        throw new StillInvalidException(id.toString(), outcome.errors());
      }
      return new Resubmitted(
          id.toString(),
          ResubmissionStatus.Outcome.RESUBMITTED.name(),
          outcome.key(),
          runtime.get(connectorId).built().contractTopic());
    }
  }

  /** Re-submits, as they are, every entry of a connector not yet re-submitted and published. */
  public ResubmittedAll resubmitAll(String connectorId) {
    String topic = topic(FlowType.CONNECTOR, connectorId);
    int published = 0;
    int skipped = 0;
    List<DeadLetterEntry> rejected = new ArrayList<>();
    Map<String, String> refused = new LinkedHashMap<>();
    synchronized (lock(connectorId)) {
      long from = 0;
      long total;
      do {
        DeadLetterTopicReader.Page page = reader.read(topic, from, ROUND);
        total = page.total();
        for (DeadLetterEntry entry : withStatus(topic, page.records(), true)) {
          if (entry.resubmitted()) {
            skipped++;
            continue;
          }
          try {
            ReplayOutcome outcome = resubmit(connectorId, entry, Map.of());
            if (outcome.isPublished()) {
              published++;
            } else {
              rejected.add(
                  entry
                      .withStatus(resubmissions.find(topic, entry.entryId()).orElse(null))
                      .summary());
            }
          } catch (FlowConflictException e) {
            refused.put(entry.id(), e.getMessage());
          }
        }
        from += page.records().size();
        if (page.records().isEmpty()) {
          break;
        }
      } while (from < total);
    }
    return new ResubmittedAll(
        published, rejected.size(), skipped, refused.size(), rejected, refused);
  }

  private ReplayOutcome resubmit(
      String connectorId, DeadLetterEntry entry, Map<String, Object> corrections) {
    Resubmission request;
    try {
      request = DeadLetterRecords.resubmission(entry, corrections);
    } catch (IllegalStateException e) {
      throw new FlowConflictException(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new BadCorrectionException(e.getMessage());
    }
    Exchange done =
        producer.send(
            IngestRoute.replayEndpoint(connectorId), e -> e.getMessage().setBody(request));
    if (done.getException() != null) {
      throw new DeadLettersUnavailableException(
          "Re-submitting "
              + entry.id()
              + " failed after retries: "
              + done.getException().getMessage(),
          done.getException());
    }
    ReplayOutcome outcome = done.getMessage().getBody(ReplayOutcome.class);
    resubmissions.record(entry.topic(), entry.entryId(), connectorId, outcome, request.corrected());
    return outcome;
  }

  private ConsumerRecord<byte[], byte[]> record(String topic, EntryId id) {
    return reader
        .read(topic, id.partition(), id.offset())
        .orElseThrow(() -> new UnknownDeadLetterException(topic, id));
  }

  private List<DeadLetterEntry> withStatus(
      String topic, List<ConsumerRecord<byte[], byte[]>> records, boolean inspect) {
    List<DeadLetterEntry> entries =
        records.stream().map(r -> DeadLetterRecords.entry(r, inspect)).toList();
    Map<EntryId, ResubmissionStatus> statuses =
        resubmissions.find(topic, entries.stream().map(DeadLetterEntry::entryId).toList());
    return entries.stream().map(e -> e.withStatus(statuses.get(e.entryId()))).toList();
  }

  private String topic(FlowType type, String flowId) {
    FlowRuntime.Running r = runtime.get(flowId);
    if (r.type() != type) {
      throw new UnknownFlowException(flowId);
    }
    return r.built().deadLetterTopic();
  }

  private Object lock(String connectorId) {
    return locks.computeIfAbsent(connectorId, k -> new Object());
  }
}
