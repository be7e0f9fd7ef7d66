package vn.truc.connector.http;

import java.nio.ByteBuffer;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a column value as the platform hands it to sinks into one JSON can carry without loss or
 * surprises: text, numbers and booleans as they are, dates and times for the JSR-310 module to
 * write as ISO-8601, bytes as Base64, anything else (an Avro record, say) as its text.
 */
final class JsonValues {

  private JsonValues() {}

  static Object plain(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof TemporalAccessor) {
      return value;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof java.sql.Time t) {
      return t.toLocalTime();
    }
    if (value instanceof java.util.Date d) {
      return d.toInstant();
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof ByteBuffer buffer) {
      // A duplicate, so the caller's buffer position is left as it was.
      ByteBuffer copy = buffer.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> plain = new LinkedHashMap<>();
      map.forEach((k, v) -> plain.put(String.valueOf(k), plain(v)));
      return plain;
    }
    if (value instanceof Iterable<?> items) {
      List<Object> plain = new ArrayList<>();
      items.forEach(v -> plain.add(plain(v)));
      return plain;
    }
    if (value instanceof Object[] items) {
      List<Object> plain = new ArrayList<>(items.length);
      for (Object v : items) {
        plain.add(plain(v));
      }
      return plain;
    }
    return value.toString();
  }
}
