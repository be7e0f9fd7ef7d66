package vn.truc.platform.deadletter.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import vn.truc.connector.api.SourceRow;
import vn.truc.platform.deadletter.DeadLetterEntry;
import vn.truc.routes.DeadLetters;
import vn.truc.routes.ingest.Resubmission;
import vn.truc.routes.mapping.FieldError;

/**
 * Reads dead-letter records as the routes write them ({@link DeadLetters}), and turns an entry plus
 * an operator's corrections into a {@link Resubmission}. Pure: no Kafka, no database.
 */
public final class DeadLetterRecords {

  private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

  private DeadLetterRecords() {}

  /** The entry of one record, with its row (or raw value) when {@code inspect} is set. */
  public static DeadLetterEntry entry(ConsumerRecord<byte[], byte[]> r, boolean inspect) {
    Map<String, Object> row = row(r.value());
    return new DeadLetterEntry(
        r.partition() + "-" + r.offset(),
        r.topic(),
        r.partition(),
        r.offset(),
        r.timestamp() < 0 ? null : Instant.ofEpochMilli(r.timestamp()),
        r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
        header(r, DeadLetters.CONNECTOR),
        header(r, DeadLetters.SUBSCRIPTION),
        header(r, DeadLetters.CONTRACT),
        header(r, DeadLetters.POSITION),
        instant(header(r, DeadLetters.CHANGED_AT)),
        header(r, DeadLetters.DELETED) == null
            ? null
            : Boolean.valueOf(header(r, DeadLetters.DELETED)),
        errors(header(r, DeadLetters.ERRORS)),
        false,
        null,
        inspect ? row : null,
        inspect && row == null && r.value() != null
            ? Base64.getEncoder().encodeToString(r.value())
            : null);
  }

  /**
   * The field errors of a {@code truc.errors} header: a JSON list from an ingest route, or one
   * message from a delivery route (a record it could not decode).
   */
  static List<FieldError> errors(String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    if (header.trim().startsWith("[")) {
      try {
        return JSON.readValue(header, new TypeReference<List<FieldError>>() {});
      } catch (JsonProcessingException e) {
        // not the list the ingest route writes: shown as the text it is
      }
    }
    return List.of(new FieldError(null, null, "undecodable", header));
  }

  /**
   * The row to map again: the original columns, with {@code corrections} put over them. A row the
   * source could not read carries the reason in {@link SourceRow#ERROR_COLUMN}; corrections drop
   * it, since the operator now says what the row holds.
   *
   * @throws IllegalArgumentException naming a corrected column the row does not have (a typo would
   *     otherwise be re-submitted unnoticed), unless the source could not read the row at all
   * @throws IllegalStateException when the entry has no change time or no row to re-submit
   */
  public static Resubmission resubmission(DeadLetterEntry entry, Map<String, Object> corrections) {
    if (entry.row() == null) {
      throw new IllegalStateException("entry " + entry.id() + " holds no source row to re-submit");
    }
    if (entry.changedAt() == null) {
      throw new IllegalStateException(
          "entry "
              + entry.id()
              + " was dead-lettered before the change time was recorded with it; re-submitting it"
              + " could overwrite a newer version at the receivers, so fix the row at the source"
              + " instead");
    }
    Map<String, Object> columns = new LinkedHashMap<>(entry.row());
    Map<String, Object> fixes = corrections == null ? Map.of() : corrections;
    boolean unreadable = columns.containsKey(SourceRow.ERROR_COLUMN);
    List<String> unknown = new ArrayList<>();
    Map<String, Object> applied = new TreeMap<>();
    fixes.forEach(
        (name, value) -> {
          String column = existing(columns, name);
          if (column == null && !unreadable) {
            unknown.add(name);
          }
          applied.put(column == null ? name : column, value);
        });
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "the row has no column "
              + String.join(", ", unknown)
              + "; its columns: "
              + String.join(", ", entry.row().keySet()));
    }
    if (!applied.isEmpty()) {
      columns.remove(SourceRow.ERROR_COLUMN);
      columns.putAll(applied);
    }
    return new Resubmission(
        entry.topic() + "/" + entry.partition() + "@" + entry.offset(),
        columns,
        entry.position(),
        entry.changedAt(),
        Boolean.TRUE.equals(entry.deleted()),
        new ArrayList<>(applied.keySet()));
  }

  private static String existing(Map<String, Object> columns, String name) {
    if (columns.containsKey(name)) {
      return name;
    }
    return columns.keySet().stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
  }

  private static Map<String, Object> row(byte[] value) {
    if (value == null || value.length == 0 || value[0] != '{') {
      return null;
    }
    try {
      return JSON.readValue(value, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
