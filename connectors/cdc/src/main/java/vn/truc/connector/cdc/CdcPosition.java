package vn.truc.connector.cdc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a change stream stands, as the platform stores it: Debezium's source partition and offset
 * for the change, plus a sequence number within one engine run. Debezium gives every row of a
 * snapshot the same offset; the sequence keeps positions distinct so that acknowledging "up to this
 * position" is never ambiguous. Only partition and offset matter for resuming.
 *
 * @param partition Debezium's source partition, e.g. {@code {"server": "truc-p37"}}
 * @param offset Debezium's source offset (LSN, binlog file and position, snapshot flags)
 * @param sequence the change's number within the engine run that read it
 * @param version the change's version in microseconds since the epoch (see {@link Versions}), so
 *     that the versions after a restart continue from it
 */
record CdcPosition(
    Map<String, Object> partition, Map<String, Object> offset, long sequence, long version) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static CdcPosition parse(String text) {
    try {
      Map<String, Object> all = JSON.readValue(text, new TypeReference<>() {});
      @SuppressWarnings("unchecked")
      Map<String, Object> partition = (Map<String, Object>) all.get("partition");
      @SuppressWarnings("unchecked")
      Map<String, Object> offset = (Map<String, Object>) all.get("offset");
      if (partition == null || offset == null) {
        throw new IllegalArgumentException(
            "not a change-capture position (needs partition and offset): " + text);
      }
      return new CdcPosition(partition, offset, number(all.get("seq")), number(all.get("v")));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a change-capture position: " + text, e);
    }
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }

  java.time.Instant versionInstant() {
    return version == 0
        ? null
        : java.time.Instant.EPOCH.plus(version, java.time.temporal.ChronoUnit.MICROS);
  }

  /**
   * {@code {"partition":...,"offset":...,"seq":n,"v":n}}. Every change gets one, and during a
   * snapshot every change has the same partition and offset: their JSON is rendered once and kept
   * with copies of what it was rendered from (Debezium may reuse its maps).
   */
  @Override
  public String toString() {
    Rendered r = lastRendered;
    if (r == null || !r.partition().equals(partition) || !r.offset().equals(offset)) {
      try {
        r =
            new Rendered(
                new HashMap<>(partition),
                new HashMap<>(offset),
                "{\"partition\":"
                    + JSON.writeValueAsString(partition)
                    + ",\"offset\":"
                    + JSON.writeValueAsString(offset)
                    + ",\"seq\":");
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      lastRendered = r;
    }
    return r.prefix() + sequence + ",\"v\":" + version + "}";
  }

  private static volatile Rendered lastRendered;

  private record Rendered(
      Map<String, Object> partition, Map<String, Object> offset, String prefix) {}
}
