package vn.truc.connector.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import vn.truc.connector.api.SourceRow;

class ChangeEventsTest {

  private static final Schema SOURCE =
      SchemaBuilder.struct()
          .field("ts_ms", Schema.INT64_SCHEMA)
          .field("snapshot", Schema.OPTIONAL_STRING_SCHEMA)
          .build();

  private static Schema envelope() {
    Schema optionalRow =
        SchemaBuilder.struct()
            .optional()
            .field("id", Schema.STRING_SCHEMA)
            .field("born", org.apache.kafka.connect.data.Date.builder().optional().build())
            .field("salary", Decimal.builder(2).optional().build())
            .field("updated", org.apache.kafka.connect.data.Timestamp.builder().optional().build())
            .build();
    return SchemaBuilder.struct()
        .field("before", optionalRow)
        .field("after", optionalRow)
        .field("source", SOURCE)
        .field("op", Schema.STRING_SCHEMA)
        .build();
  }

  private static SourceRecord event(String op, String id, String snapshot) {
    Schema schema = envelope();
    Struct row = new Struct(schema.field("after").schema());
    row.put("id", id);
    row.put("born", Date.from(LocalDate.of(1985, 3, 12).atStartOfDay(ZoneOffset.UTC).toInstant()));
    row.put("salary", new BigDecimal("4.34"));
    row.put("updated", Date.from(Instant.parse("2026-11-22T08:30:00Z")));
    Struct value = new Struct(schema);
    value.put(op.equals("d") ? "before" : "after", row);
    value.put(
        "source", new Struct(SOURCE).put("ts_ms", 1_795_000_000_000L).put("snapshot", snapshot));
    value.put("op", op);
    return new SourceRecord(
        Map.of("server", "p37"), Map.of("lsn", 42L), "topic", null, null, schema, value);
  }

  @Test
  void anInsertBecomesARowWithJdbcValuesAndAUniquePosition() {
    SourceRow row =
        ChangeEvents.toRow(event("c", "k1", "false"), 7, new Versions(null), new RowNames());

    assertThat(row.deleted()).isFalse();
    assertThat(row.columns())
        .containsEntry("id", "k1")
        .containsEntry("born", java.sql.Date.valueOf("1985-03-12"))
        .containsEntry("salary", new BigDecimal("4.34"))
        .containsEntry("updated", Timestamp.valueOf("2026-11-22 08:30:00"));
    assertThat(row.changedAt()).isEqualTo(Instant.ofEpochMilli(1_795_000_000_000L));
    CdcPosition position = CdcPosition.parse(row.position());
    assertThat(position.partition()).containsEntry("server", "p37");
    assertThat(position.offset()).containsEntry("lsn", 42);
    assertThat(position.sequence()).isEqualTo(7);
    assertThat(
            ChangeEvents.toRow(event("c", "k1", "false"), 8, new Versions(null), new RowNames())
                .position())
        .isNotEqualTo(row.position());
  }

  @Test
  void aDeleteCarriesTheRowBeforeIt() {
    SourceRow row =
        ChangeEvents.toRow(event("d", "k2", "false"), 1, new Versions(null), new RowNames());

    assertThat(row.deleted()).isTrue();
    assertThat(row.columns()).containsEntry("id", "k2");
  }

  @Test
  void snapshotReadsAreToldApartFromStreamedChanges() {
    assertThat(ChangeEvents.fromSnapshot(event("r", "k1", "true"))).isTrue();
    assertThat(ChangeEvents.fromSnapshot(event("r", "k1", "last"))).isTrue();
    assertThat(ChangeEvents.fromSnapshot(event("u", "k1", "false"))).isFalse();
  }

  @Test
  void eventsWithoutARowAreSkipped() {
    SourceRecord tombstone =
        new SourceRecord(Map.of("server", "p37"), Map.of("lsn", 43L), "topic", null, null);
    assertThat(ChangeEvents.toRow(tombstone, 1, new Versions(null), new RowNames())).isNull();
    Struct truncate = new Struct(envelope());
    truncate.put("source", new Struct(SOURCE).put("ts_ms", 1L));
    truncate.put("op", "t");
    assertThat(
            ChangeEvents.toRow(
                new SourceRecord(
                    Map.of(), Map.of(), "topic", null, null, truncate.schema(), truncate),
                1,
                new Versions(null),
                new RowNames()))
        .isNull();
  }

  @Test
  void zonedTimestampsAndBytesComeOutAsJdbcWouldGiveThem() {
    Schema zoned = SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").build();
    assertThat(ChangeEvents.jdbcValue(zoned, "2026-11-22T08:30:00+07:00"))
        .isEqualTo(Timestamp.from(Instant.parse("2026-11-22T01:30:00Z")));
    assertThat(ChangeEvents.jdbcValue(Schema.BYTES_SCHEMA, ByteBuffer.wrap(new byte[] {1, 2})))
        .isEqualTo(new byte[] {1, 2});
    assertThat(ChangeEvents.jdbcValue(Schema.STRING_SCHEMA, null)).isNull();
  }
}
