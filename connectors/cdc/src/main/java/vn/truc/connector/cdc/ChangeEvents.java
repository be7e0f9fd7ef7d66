package vn.truc.connector.cdc;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import vn.truc.connector.api.Columns;
import vn.truc.connector.api.SourceRow;

/**
 * Turns Debezium change events into source rows. Values come out as a JDBC driver would return them
 * (java.sql.Date, Timestamp, BigDecimal, String), so a CDC connector maps and validates exactly as
 * a polling connector over the same table does.
 */
final class ChangeEvents {

  private ChangeEvents() {}

  /**
   * The row a change event carries, or null for events that carry none (tombstones, truncates,
   * heartbeats, schema changes).
   */
  static SourceRow toRow(SourceRecord record, long sequence, Versions versions, RowNames names) {
    if (!(record.value() instanceof Struct value) || value.schema().field("op") == null) {
      return null;
    }
    String op = value.getString("op");
    boolean deleted = "d".equals(op);
    Struct image = deleted ? value.getStruct("before") : value.getStruct("after");
    if (image == null) {
      return null;
    }
    List<Field> fields = image.schema().fields();
    Object[] values = new Object[fields.size()];
    Columns.Names rowNames = names.of(image.schema());
    for (int i = 0; i < values.length; i++) {
      Field f = fields.get(i);
      values[rowNames.slot(i)] = jdbcValue(f.schema(), image.get(f));
    }
    Columns columns = rowNames.row(values);
    Struct source = value.getStruct("source");
    Long ts = source == null ? null : source.getInt64("ts_ms");
    Instant changedAt = versions.next(ts == null ? Instant.now() : Instant.ofEpochMilli(ts));
    @SuppressWarnings("unchecked")
    Map<String, Object> partition = (Map<String, Object>) record.sourcePartition();
    @SuppressWarnings("unchecked")
    Map<String, Object> offset = (Map<String, Object>) record.sourceOffset();
    long micros = java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, changedAt);
    String position = new CdcPosition(partition, offset, sequence, micros).toString();
    return new SourceRow(columns, position, changedAt, deleted);
  }

  /** Whether the event was read by the initial snapshot rather than from the change stream. */
  static boolean fromSnapshot(SourceRecord record) {
    if (!(record.value() instanceof Struct value) || value.schema().field("source") == null) {
      return false;
    }
    Struct source = value.getStruct("source");
    if (source == null || source.schema().field("snapshot") == null) {
      return false;
    }
    String flag = source.getString("snapshot");
    return flag != null && !"false".equals(flag);
  }

  static Object jdbcValue(Schema schema, Object value) {
    if (value == null) {
      return null;
    }
    String name = schema.name();
    if (name != null) {
      switch (name) {
        case org.apache.kafka.connect.data.Date.LOGICAL_NAME:
          return java.sql.Date.valueOf(
              LocalDate.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC));
        case org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME:
          // Debezium carries a zone-less DATETIME/timestamp as if it were UTC.
          return Timestamp.valueOf(
              LocalDateTime.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC));
        case org.apache.kafka.connect.data.Time.LOGICAL_NAME:
          return java.sql.Time.valueOf(
              LocalDateTime.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC)
                  .toLocalTime());
        case "io.debezium.time.ZonedTimestamp":
          return Timestamp.from(OffsetDateTime.parse(value.toString()).toInstant());
        default:
          break;
      }
    }
    if (value instanceof ByteBuffer b) {
      byte[] bytes = new byte[b.remaining()];
      b.duplicate().get(bytes);
      return bytes;
    }
    return value;
  }
}
