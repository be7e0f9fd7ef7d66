package vn.truc.routes.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.support.DefaultMessage;
import vn.truc.connector.api.SinkRecord;
import vn.truc.routes.DeadLetters;
import vn.truc.routes.RouteMetrics;
import vn.truc.routes.grant.Grant;
import vn.truc.routes.grant.GrantGate;
import vn.truc.routes.ledger.ExchangeEntry;
import vn.truc.routes.ledger.ExchangeLog;
import vn.truc.routes.serde.AvroWireSerde;

/**
 * The steps of one delivery batch: admit and project under the grant in force, write to the sink
 * (or hand the projected records to the subscription's topic), dead-letter, then commit offsets.
 */
final class DeliveryStep {

  static final String BATCH = "truc.delivery.batch";

  private final DeliveryFlow flow;
  private final AvroWireSerde serde;
  private final ExchangeLog log;
  private final RouteMetrics metrics;

  DeliveryStep(DeliveryFlow flow, AvroWireSerde serde, ExchangeLog log, RouteMetrics metrics) {
    this.flow = flow;
    this.serde = serde;
    this.log = log;
    this.metrics = metrics;
  }

  /**
   * One consumed batch, decoded once: a retry of {@link #write} reuses it.
   *
   * @param records what passed the grant, as the sink's rows
   * @param projected what passed the grant, cut to its reader schema (same order as records), for a
   *     delivery to a topic; empty for a sink
   * @param filtered how many decoded records the grant's row filter held back
   */
  record Batch(
      long startedNanos,
      GrantGate.Terms terms,
      List<Exchange> consumed,
      List<SinkRecord> records,
      List<GenericRecord> projected,
      int filtered,
      List<Message> rejects,
      List<String> rejectedKeys) {}

  /**
   * Decodes the batch and applies the grant in force now. Without one the batch stops here,
   * uncommitted ({@link vn.truc.routes.grant.NoActiveGrantException}): the consumer goes back to
   * the last committed offset and the platform stops the route until a grant is in force.
   */
  void decode(Exchange exchange) {
    @SuppressWarnings("unchecked")
    List<Exchange> consumed = exchange.getMessage().getBody(List.class);
    GrantGate.Terms terms = flow.grants().at(Instant.now());
    List<SinkRecord> records = new ArrayList<>(consumed.size());
    List<GenericRecord> projected = new ArrayList<>(consumed.size());
    List<Message> rejects = new ArrayList<>();
    List<String> rejectedKeys = new ArrayList<>();
    int filtered = 0;
    for (Exchange e : consumed) {
      byte[] value = e.getMessage().getBody(byte[].class);
      Object key = e.getMessage().getHeader(KafkaConstants.KEY);
      try {
        GenericRecord record = serde.deserialize(value, null);
        if (!terms.admits(record)) {
          filtered++;
          continue;
        }
        GenericRecord granted = terms.project(record);
        Fields f = fields(granted.getSchema());
        GenericRecord header = (GenericRecord) granted.get(f.header());
        records.add(
            new SinkRecord(
                String.valueOf(granted.get(f.key())),
                flow.flattener() == null ? null : flow.flattener().flatten(granted),
                (Instant) header.get(f.changedAt()),
                header.get(f.sourcePosition()).toString(),
                "DELETE".equals(header.get(f.changeType()).toString())));
        if (flow.flattener() == null) {
          // Kept only where a topic needs it: a sink's batch holds its column maps, and holding
          // the records as well, while the sink writes, doubled what each collection copied.
          projected.add(granted);
        }
      } catch (RuntimeException ex) {
        rejects.add(deadLetter(exchange, e, value, ex));
        rejectedKeys.add(key == null ? position(e) : key.toString());
      }
    }
    exchange.setProperty(
        BATCH,
        new Batch(
            System.nanoTime(),
            terms,
            consumed,
            records,
            projected,
            filtered,
            rejects,
            rejectedKeys));
    metrics.in.increment(consumed.size());
  }

  /**
   * The projected records as messages for the subscription's topic, keyed by the record key, in the
   * wire format under the subscription's own subject: the reader schema of its grant.
   */
  List<Message> projected(Exchange exchange) {
    Batch batch = batch(exchange);
    List<Message> messages = new ArrayList<>(batch.projected().size());
    for (int i = 0; i < batch.projected().size(); i++) {
      Message m = new DefaultMessage(exchange.getContext());
      m.setHeader(KafkaConstants.KEY, batch.records().get(i).key());
      m.setBody(serde.serialize(flow.targetSubject(), batch.projected().get(i)));
      messages.add(m);
    }
    return messages;
  }

  /** Writes to the receiver in one transaction; throws (and is retried) if the sink is down. */
  void write(Exchange exchange) throws Exception {
    Batch batch = batch(exchange);
    flow.sink().write(batch.records());
  }

  List<Message> rejects(Exchange exchange) {
    return batch(exchange).rejects();
  }

  /**
   * Logs the delivery, then commits, for every partition in the batch, the offset after its last
   * record. Reached only after the sink committed: a crash before this redelivers the batch, which
   * the idempotent sink absorbs.
   */
  void commit(Exchange exchange) {
    Batch batch = batch(exchange);
    List<Exchange> consumed = batch.consumed();
    if (consumed.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    String first = position(consumed.get(0));
    String last = position(consumed.get(consumed.size() - 1));
    if (!batch.records().isEmpty()) {
      Grant grant = batch.terms().grant();
      log.append(
          new ExchangeEntry(
              ExchangeEntry.Kind.DELIVERED,
              now,
              flow.subscriptionId(),
              flow.agency(),
              flow.contract().name(),
              batch.records().size(),
              batch.records().stream().map(SinkRecord::key).toList(),
              first,
              last,
              "under grant "
                  + grant.id()
                  + (batch.filtered() == 0
                      ? ""
                      : "; " + batch.filtered() + " records outside its row filter held back"),
              grant.purpose(),
              grant.legalBasis()));
    }
    if (!batch.rejects().isEmpty()) {
      log.append(
          new ExchangeEntry(
              ExchangeEntry.Kind.REJECTED,
              now,
              flow.subscriptionId(),
              flow.agency(),
              flow.contract().name(),
              batch.rejects().size(),
              batch.rejectedKeys(),
              first,
              last,
              "undecodable records sent to " + flow.deadLetterTopic()));
    }
    // From the end: the first record met of each partition is its last, and only its commit is
    // read (one header lookup a record, not two).
    Map<Integer, KafkaManualCommit> lastPerPartition = new HashMap<>();
    for (int i = consumed.size() - 1; i >= 0; i--) {
      Message m = consumed.get(i).getMessage();
      Integer partition = m.getHeader(KafkaConstants.PARTITION, Integer.class);
      if (!lastPerPartition.containsKey(partition)) {
        KafkaManualCommit commit =
            m.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (commit != null) {
          lastPerPartition.put(partition, commit);
        }
      }
    }
    lastPerPartition.values().forEach(KafkaManualCommit::commit);

    metrics.out.increment(batch.records().size());
    metrics.rejected.increment(batch.rejects().size());
    metrics.filtered.increment(batch.filtered());
    long bytes = 0;
    for (Exchange e : consumed) {
      byte[] value = e.getMessage().getBody(byte[].class);
      bytes += value == null ? 0 : value.length;
    }
    metrics.batchDone(
        flow.contract().name(),
        batch.startedNanos(),
        batch.records().size(),
        batch.rejects().size(),
        bytes);
    for (SinkRecord r : batch.records()) {
      metrics.endToEnd.record(Duration.between(r.changedAt(), now));
    }
  }

  private Message deadLetter(Exchange batch, Exchange e, byte[] value, RuntimeException ex) {
    Message m = new DefaultMessage(batch.getContext());
    m.setBody(value == null ? new byte[0] : value);
    Object key = e.getMessage().getHeader(KafkaConstants.KEY);
    if (key != null) {
      m.setHeader(KafkaConstants.KEY, key.toString());
    }
    m.setHeader(DeadLetters.SUBSCRIPTION, flow.subscriptionId());
    m.setHeader(DeadLetters.CONTRACT, flow.contract().name());
    m.setHeader(
        DeadLetters.ERRORS,
        new String(
            String.valueOf(ex.getMessage()).getBytes(StandardCharsets.UTF_8),
            StandardCharsets.UTF_8));
    m.setHeader(DeadLetters.POSITION, position(e));
    return m;
  }

  private static String position(Exchange e) {
    return e.getMessage().getHeader(KafkaConstants.TOPIC)
        + "/"
        + e.getMessage().getHeader(KafkaConstants.PARTITION)
        + "@"
        + e.getMessage().getHeader(KafkaConstants.OFFSET);
  }

  /**
   * Where the granted records keep their key and header parts, found once per schema: the five
   * lookups by name a record showed in the delivery's profile. The schema is the grant's
   * projection, the same object for every record of a batch.
   */
  private record Fields(
      Schema schema, int key, int header, int changedAt, int sourcePosition, int changeType) {}

  private volatile Fields fields;

  private Fields fields(Schema schema) {
    Fields f = fields;
    if (f == null || f.schema() != schema) {
      Schema header = field(schema, "header").schema();
      f =
          new Fields(
              schema,
              field(schema, flow.contract().keyField()).pos(),
              field(schema, "header").pos(),
              field(header, "changedAt").pos(),
              field(header, "sourcePosition").pos(),
              field(header, "changeType").pos());
      fields = f;
    }
    return f;
  }

  // As GenericData.Record.get(name) would: a record without the field is refused, not read as null.
  private static Schema.Field field(Schema schema, String name) {
    Schema.Field f = schema.getField(name);
    if (f == null) {
      throw new AvroRuntimeException("Not a valid schema field: " + name);
    }
    return f;
  }

  private static Batch batch(Exchange exchange) {
    return exchange.getProperty(BATCH, Batch.class);
  }
}
