package vn.truc.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.truc.connector.api.SinkRecord;

class BatchWriterTest {

  private static final Instant T = Instant.parse("2026-03-01T08:00:00Z");

  @Test
  void valuesJsonHasNoTypeForBecomeText() throws Exception {
    Map<String, Object> columns = new HashMap<>();
    columns.put("photo", "ảnh".getBytes(StandardCharsets.UTF_8));
    columns.put("scan", ByteBuffer.wrap(new byte[] {1, 2, 3}));
    columns.put("seen_at", LocalDateTime.of(2026, 3, 1, 15, 4, 5));
    columns.put("languages", List.of("vi", "en"));
    columns.put("address", Map.of("commune", 14428));
    columns.put("legacy", java.sql.Date.valueOf("1985-03-12"));
    columns.put(
        "opaque",
        new Object() {
          @Override
          public String toString() {
            return "{\"an\": \"avro record\"}";
          }
        });
    BatchWriter writer =
        new BatchWriter(
            List.of("photo", "scan", "seen_at", "languages", "address", "legacy", "opaque"));

    JsonNode fields =
        new ObjectMapper()
            .readTree(writer.write(List.of(new SinkRecord("k", columns, T, "p|1", false))).body())
            .at("/records/0/fields");

    assertThat(fields.get("photo").asText()).isEqualTo("4bqjbmg=");
    assertThat(fields.get("scan").asText()).isEqualTo("AQID");
    assertThat(fields.get("seen_at").asText()).isEqualTo("2026-03-01T15:04:05");
    assertThat(fields.get("languages").toString()).isEqualTo("[\"vi\",\"en\"]");
    assertThat(fields.get("address").toString()).isEqualTo("{\"commune\":14428}");
    assertThat(fields.get("legacy").asText()).isEqualTo("1985-03-12");
    assertThat(fields.get("opaque").asText()).isEqualTo("{\"an\": \"avro record\"}");
  }

  @Test
  void theKeyIdentifiesTheVersionsInTheBatch() {
    String key = IdempotencyKey.of(List.of(version("k1", "p|1"), version("k2", "p|2")));
    assertThat(IdempotencyKey.of(List.of(version("k1", "p|1"), version("k2", "p|2"))))
        .isEqualTo(key)
        .matches("[0-9a-f]{64}");
    assertThat(IdempotencyKey.of(List.of(version("k1", "p|1"), version("k2", "p|3"))))
        .isNotEqualTo(key);
    assertThat(IdempotencyKey.of(List.of(version("k2", "p|2"), version("k1", "p|1"))))
        .as("another order is another batch")
        .isNotEqualTo(key);
    assertThat(IdempotencyKey.of(List.of(version("ab", "c"))))
        .as("fields cannot run into each other")
        .isNotEqualTo(IdempotencyKey.of(List.of(version("a", "bc"))));
    assertThat(
            IdempotencyKey.of(
                List.of(new SinkRecord("k1", Map.of("full_name", "other"), T, "p|1", false))))
        .as("values do not count, only which versions")
        .isEqualTo(IdempotencyKey.of(List.of(version("k1", "p|1"))));
  }

  private static SinkRecord version(String key, String position) {
    return new SinkRecord(key, Map.of("full_name", "x"), T, position, false);
  }
}
