package vn.truc.connector.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import vn.truc.connector.api.SinkRecord;

/**
 * Renders a batch as the JSON document receivers get:
 *
 * <pre>{"records":[{"key":..,"changedAt":..,"sourcePosition":..,"deleted":..,"fields":{..}}]}</pre>
 *
 * Fields come in the subscription's column order, nulls included, so a receiver can clear a value;
 * a delete carries no fields.
 */
final class BatchWriter {

  /** One request's worth: the body and the key that identifies it across retries and replays. */
  record Document(byte[] body, String idempotencyKey, int records) {}

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          // 1E+3 is valid JSON, but receivers' parsers and eyes expect 1000.
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private final List<String> columns;

  BatchWriter(List<String> columns) {
    this.columns = List.copyOf(columns);
  }

  Document write(List<SinkRecord> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + records.size() * 512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("records");
      for (SinkRecord r : records) {
        g.writeStartObject();
        g.writeStringField("key", r.key());
        g.writeObjectField("changedAt", r.changedAt());
        g.writeStringField("sourcePosition", r.sourcePosition());
        g.writeBooleanField("deleted", r.deleted());
        g.writeObjectFieldStart("fields");
        if (!r.deleted()) {
          for (String column : columns) {
            g.writeObjectField(
                column, JsonValues.plain(r.columns() == null ? null : r.columns().get(column)));
          }
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render a batch as JSON", e);
    }
    return new Document(out.toByteArray(), IdempotencyKey.of(records), records.size());
  }
}
