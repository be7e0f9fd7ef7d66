package vn.truc.routes.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;
import vn.truc.connector.api.SourceRow;
import vn.truc.routes.DeadLetters;
import vn.truc.routes.RouteMetrics;
import vn.truc.routes.ledger.ExchangeEntry;
import vn.truc.routes.ledger.ExchangeLog;
import vn.truc.routes.mapping.FieldError;
import vn.truc.routes.mapping.MappingResult;
import vn.truc.routes.serde.AvroWireSerde;

/**
 * The steps of one ingest batch. The route calls them in order: poll, map, (publish), commit. State
 * between steps travels on the exchange, so a retried step sees the same batch.
 */
final class IngestStep {

  static final String BATCH = "truc.ingest.batch";
  private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

  private final IngestFlow flow;
  private final AvroWireSerde serde;
  private final ExchangeLog log;
  private final RouteMetrics metrics;
  private final Schema headerSchema;
  private final HeaderFields header;

  IngestStep(IngestFlow flow, AvroWireSerde serde, ExchangeLog log, RouteMetrics metrics) {
    this.flow = flow;
    this.serde = serde;
    this.log = log;
    this.metrics = metrics;
    this.headerSchema = flow.contract().schema().getField("header").schema();
    this.header = HeaderFields.of(headerSchema);
  }

  /**
   * The batch as it moves through the route. {@code rows} is emptied once mapped: the rows are the
   * bulk of a batch, and holding them through the publish and the commit, which need only the first
   * and last positions, doubled what every collection meanwhile copied.
   */
  record Batch(
      long startedNanos,
      List<SourceRow> rows,
      String firstPosition,
      String lastPosition,
      List<Message> records,
      List<String> keys,
      List<Message> rejects,
      List<String> rejectedKeys,
      List<String> reasons) {}

  void poll(Exchange exchange) throws Exception {
    long started = System.nanoTime();
    String position = flow.offsets().load(flow.connectorId()).orElse(null);
    List<SourceRow> rows = flow.source().poll(position, flow.batchSize());
    // The scheduler polls again at once only while batches come back full: a backlog drains at
    // full speed, an idle source is polled at the configured interval.
    exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, rows.size() >= flow.batchSize());
    exchange.setProperty(
        BATCH,
        new Batch(
            started,
            new ArrayList<>(rows),
            rows.isEmpty() ? null : rows.get(0).position(),
            rows.isEmpty() ? null : rows.get(rows.size() - 1).position(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>()));
    metrics.in.increment(rows.size());
  }

  void map(Exchange exchange) {
    Batch batch = batch(exchange);
    CamelContext context = exchange.getContext();
    String subject = flow.contract().subject();
    String keyField = flow.contract().keyField();
    String keyColumn = flow.mapper().columnFor(keyField).orElse(null);
    for (SourceRow row : batch.rows()) {
      MappingResult result = mapRow(row);
      if (result.isValid()) {
        GenericRecord record = result.record();
        String key = String.valueOf(record.get(keyField));
        Message m = new DefaultMessage(context);
        m.setHeader(KafkaConstants.KEY, key);
        m.setBody(serde.serialize(subject, record));
        batch.records().add(m);
        batch.keys().add(key);
      } else {
        batch.rejects().add(deadLetter(context, row, result.errors()));
        Object key = keyColumn == null ? null : row.columns().get(keyColumn);
        batch.rejectedKeys().add(key == null ? row.position() : key.toString().trim());
        batch.reasons().add(row.position() + ": " + result.errors());
      }
    }
    batch.rows().clear();
  }

  /**
   * Maps one row to the contract, or the reasons it cannot be: every field error, or the source's
   * own reason when it could not read the row.
   */
  MappingResult mapRow(SourceRow row) {
    Object unreadable = row.columns().get(SourceRow.ERROR_COLUMN);
    if (unreadable != null) {
      return MappingResult.failed(
          List.of(
              new FieldError(
                  SourceRow.ERROR_COLUMN,
                  row.position(),
                  "source-row",
                  "the source could not read this row: " + unreadable)));
    }
    return flow.mapper().map(row.columns(), header(row));
  }

  List<Message> records(Exchange exchange) {
    return batch(exchange).records();
  }

  List<Message> rejects(Exchange exchange) {
    return batch(exchange).rejects();
  }

  /** Saves the position only now that every record of the batch is acknowledged by Kafka. */
  void commit(Exchange exchange) {
    Batch batch = batch(exchange);
    if (batch.firstPosition() == null) {
      return;
    }
    String first = batch.firstPosition();
    String last = batch.lastPosition();
    Instant now = Instant.now();
    String contract = flow.contract().name();
    if (!batch.records().isEmpty()) {
      log.append(
          new ExchangeEntry(
              ExchangeEntry.Kind.INGESTED,
              now,
              flow.connectorId(),
              flow.agency(),
              contract,
              batch.records().size(),
              batch.keys(),
              first,
              last,
              null));
    }
    if (!batch.rejects().isEmpty()) {
      log.append(
          new ExchangeEntry(
              ExchangeEntry.Kind.REJECTED,
              now,
              flow.connectorId(),
              flow.agency(),
              contract,
              batch.rejects().size(),
              batch.rejectedKeys(),
              first,
              last,
              "dead-letter topic "
                  + flow.deadLetterTopic()
                  + "; "
                  + String.join("; ", batch.reasons())));
    }
    flow.offsets().save(flow.connectorId(), last);
    metrics.out.increment(batch.records().size());
    metrics.rejected.increment(batch.rejects().size());
    long bytes = 0;
    for (Message m : batch.records()) {
      bytes += m.getBody(byte[].class).length;
    }
    metrics.batchDone(
        contract, batch.startedNanos(), batch.records().size(), batch.rejects().size(), bytes);
  }

  private GenericRecord header(SourceRow row) {
    GenericData.Record h = new GenericData.Record(headerSchema);
    h.put(header.sourceAgency, flow.agency());
    h.put(header.connector, flow.connectorId());
    h.put(header.sourcePosition, row.position());
    h.put(header.changeType, row.deleted() ? header.delete : header.upsert);
    h.put(header.changedAt, row.changedAt());
    h.put(header.traceId, TraceId.next());
    return h;
  }

  /** The header's fields by position, and its two change types, resolved once per flow. */
  private record HeaderFields(
      int sourceAgency,
      int connector,
      int sourcePosition,
      int changeType,
      int changedAt,
      int traceId,
      GenericData.EnumSymbol upsert,
      GenericData.EnumSymbol delete) {

    static HeaderFields of(Schema schema) {
      Schema changeTypes = schema.getField("changeType").schema();
      return new HeaderFields(
          schema.getField("sourceAgency").pos(),
          schema.getField("connector").pos(),
          schema.getField("sourcePosition").pos(),
          schema.getField("changeType").pos(),
          schema.getField("changedAt").pos(),
          schema.getField("traceId").pos(),
          new GenericData.EnumSymbol(changeTypes, "UPSERT"),
          new GenericData.EnumSymbol(changeTypes, "DELETE"));
    }
  }

  private Message deadLetter(CamelContext context, SourceRow row, List<FieldError> errors) {
    Message m = new DefaultMessage(context);
    Map<String, Object> original = new LinkedHashMap<>();
    row.columns().forEach((k, v) -> original.put(k, v == null ? null : v.toString()));
    try {
      m.setBody(JSON.writeValueAsBytes(original));
      m.setHeader(DeadLetters.ERRORS, JSON.writeValueAsString(errors));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    m.setHeader(KafkaConstants.KEY, row.position());
    m.setHeader(DeadLetters.CONNECTOR, flow.connectorId());
    m.setHeader(DeadLetters.CONTRACT, flow.contract().name());
    m.setHeader(DeadLetters.POSITION, row.position());
    if (row.changedAt() != null) {
      m.setHeader(DeadLetters.CHANGED_AT, row.changedAt().toString());
    }
    m.setHeader(DeadLetters.DELETED, String.valueOf(row.deleted()));
    return m;
  }

  private static Batch batch(Exchange exchange) {
    return exchange.getProperty(BATCH, Batch.class);
  }
}
