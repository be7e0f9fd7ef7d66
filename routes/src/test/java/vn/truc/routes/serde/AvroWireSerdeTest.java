package vn.truc.routes.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.truc.routes.CivilServantFixtures;

class AvroWireSerdeTest {

  private static final String SUBJECT = "truc.civilservant.v1-value";

  private static final Schema PAYMENT_V1 =
      new Schema.Parser()
          .parse(
              """
              {"type": "record", "name": "Payment", "namespace": "vn.truc.test", "fields": [
                {"name": "id", "type": "string"},
                {"name": "note", "type": ["null", "string"], "default": null},
                {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal",
                  "precision": 12, "scale": 2}},
                {"name": "paidOn", "type": {"type": "int", "logicalType": "date"}},
                {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                {"name": "atMicros", "type": {"type": "long", "logicalType": "timestamp-micros"}}
              ]}
              """);

  /** Payment without "note" and with a new field that has a default. */
  private static final Schema PAYMENT_READER =
      new Schema.Parser()
          .parse(
              """
              {"type": "record", "name": "Payment", "namespace": "vn.truc.test", "fields": [
                {"name": "id", "type": "string"},
                {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal",
                  "precision": 12, "scale": 2}},
                {"name": "paidOn", "type": {"type": "int", "logicalType": "date"}},
                {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                {"name": "atMicros", "type": {"type": "long", "logicalType": "timestamp-micros"}},
                {"name": "currency", "type": "string", "default": "VND"}
              ]}
              """);

  private static final Instant AT = Instant.parse("2025-07-01T08:30:15.123456Z");

  private final InMemorySchemaLookup registry = new InMemorySchemaLookup(0x01020304);
  private final AvroWireSerde serde = new AvroWireSerde(registry);

  @Test
  void startsWithMagicZeroAndTheBigEndianSchemaId() {
    byte[] bytes = serde.serialize("payments-value", payment("P-1"));

    assertThat(bytes[0]).isZero();
    assertThat(Arrays.copyOfRange(bytes, 1, 5)).containsExactly(1, 2, 3, 4);
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(0x01020304);
    assertThat(registry.subjectsAsked).containsExactly("payments-value");
  }

  @Test
  void smallIdsArePaddedToFourBytes() {
    AvroWireSerde small = new AvroWireSerde(new InMemorySchemaLookup(7));

    byte[] bytes = small.serialize("payments-value", payment("P-1"));

    assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0, 0, 0, 0, 7);
  }

  @Test
  void logicalTypesSurviveTheRoundTripAsJavaTypes() {
    GenericRecord back = serde.deserialize(serde.serialize("payments-value", payment("P-1")), null);

    assertThat(back.get("id")).hasToString("P-1");
    assertThat(back.get("note")).hasToString("tạm ứng");
    assertThat(back.get("amount")).isEqualTo(new BigDecimal("1234567.89"));
    assertThat(back.get("paidOn")).isEqualTo(LocalDate.of(2025, 7, 1));
    assertThat(back.get("atMicros")).isEqualTo(AT);
    // timestamp-millis keeps milliseconds only
    assertThat(back.get("at")).isEqualTo(Instant.parse("2025-07-01T08:30:15.123Z"));
  }

  @Test
  void mappedCivilServantRoundTrips() {
    GenericRecord record = CivilServantFixtures.mappedRecord();

    GenericRecord back = serde.deserialize(serde.serialize(SUBJECT, record), null);

    assertThat(back.get("personalId")).hasToString("037185000123");
    assertThat(back.get("fullName")).hasToString("Nguyễn Thị Hương");
    assertThat(back.get("gender")).hasToString("FEMALE");
    assertThat(back.get("salaryCoefficient")).isEqualTo(new BigDecimal("2.34"));
    assertThat(back.get("recruitmentDate")).isEqualTo(LocalDate.of(2007, 6, 1));
    assertThat(back.get("partyOfficialDate")).isEqualTo(LocalDate.of(2011, 9, 15));
    GenericRecord header = (GenericRecord) back.get("header");
    assertThat(header.get("changedAt")).isEqualTo(CivilServantFixtures.CHANGED_AT);
    assertThat(header.get("changeType")).hasToString("UPSERT");
    GenericRecord dob = (GenericRecord) back.get("dateOfBirth");
    assertThat(dob.get("year")).isEqualTo(1985);
    assertThat(dob.get("month")).isEqualTo(3);
    assertThat(dob.get("day")).isEqualTo(12);
    assertThat(((GenericRecord) back.get("residence")).get("communeCode")).hasToString("14596");
    assertThat(back.get("hometown")).isNull();
  }

  @Test
  void readerSchemaThatDropsAFieldResolvesAgainstTheWriters() {
    byte[] bytes = serde.serialize("payments-value", payment("P-2"));

    GenericRecord back = serde.deserialize(bytes, PAYMENT_READER);

    assertThat(back.getSchema()).isEqualTo(PAYMENT_READER);
    assertThat(back.getSchema().getField("note")).isNull();
    assertThat(back.get("id")).hasToString("P-2");
    assertThat(back.get("amount")).isEqualTo(new BigDecimal("1234567.89"));
    assertThat(back.get("paidOn")).isEqualTo(LocalDate.of(2025, 7, 1));
    assertThat(back.get("atMicros")).isEqualTo(AT);
    assertThat(back.get("currency")).hasToString("VND");
  }

  @Test
  void sameBytesReadWithAndWithoutAReaderSchema() {
    byte[] bytes = serde.serialize("payments-value", payment("P-3"));

    assertThat(serde.deserialize(bytes, PAYMENT_READER).getSchema().getField("note")).isNull();
    assertThat(serde.deserialize(bytes, null).get("note")).hasToString("tạm ứng");
    assertThat(serde.deserialize(bytes, PAYMENT_READER).get("currency")).hasToString("VND");
  }

  @Test
  void reusedBuffersDoNotLeakIntoEarlierResults() {
    byte[] first = serde.serialize("payments-value", payment("FIRST-RECORD-WITH-A-LONG-ID"));
    byte[] firstCopy = first.clone();

    byte[] second = serde.serialize("payments-value", payment("P"));

    assertThat(first).isEqualTo(firstCopy);
    assertThat(second.length).isLessThan(first.length);
    assertThat(serde.deserialize(first, null).get("id")).hasToString("FIRST-RECORD-WITH-A-LONG-ID");
    assertThat(serde.deserialize(second, null).get("id")).hasToString("P");
  }

  @Test
  void stringsComeBackAsJavaStringsWithAndWithoutAReaderSchema() {
    byte[] bytes = serde.serialize("payments-value", payment("P-1"));

    GenericRecord plain = serde.deserialize(bytes, null);
    GenericRecord resolved = serde.deserialize(bytes, PAYMENT_READER);

    assertThat(plain.get("id")).isInstanceOf(String.class).isEqualTo("P-1");
    assertThat(plain.get("note")).isInstanceOf(String.class).isEqualTo("tạm ứng");
    assertThat(resolved.get("id")).isInstanceOf(String.class).isEqualTo("P-1");
    // A reader's default, too.
    assertThat(resolved.get("currency")).isInstanceOf(String.class).isEqualTo("VND");
  }

  @Test
  void bytesNotInTheWireFormatAreRefused() {
    byte[] good = serde.serialize("payments-value", payment("P-1"));
    byte[] wrongMagic = good.clone();
    wrongMagic[0] = 1;

    for (byte[] garbage :
        new byte[][] {null, {}, {0, 0, 0, 1}, wrongMagic, "hello world".getBytes()}) {
      assertThatThrownBy(() -> serde.deserialize(garbage, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Confluent wire format");
    }
  }

  @Test
  void truncatedPayloadIsRefusedNamingTheSchemaId() {
    byte[] good = serde.serialize("payments-value", payment("P-1"));
    byte[] truncated = Arrays.copyOf(good, good.length - 4);

    assertThatThrownBy(() -> serde.deserialize(truncated, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Corrupt Avro payload")
        .hasMessageContaining(String.valueOf(0x01020304));
  }

  /** Payloads no Avro writer produces; each must be refused as corrupt, whatever broke. */
  static Stream<Arguments> malformedPayloads() {
    return Stream.of(
        Arguments.of("negative string length", new byte[] {0x01, 'x', 'y'}),
        Arguments.of("union branch out of range", new byte[] {0x06, 'P', '-', '1', 0x0A}),
        Arguments.of("string longer than the payload", new byte[] {0x7E, 'x'}),
        Arguments.of("empty payload", new byte[] {}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedPayloads")
  void malformedPayloadIsRefusedNamingTheSchemaId(String what, byte[] payload) {
    serde.serialize("payments-value", payment("P-1"));
    byte[] bytes = new byte[5 + payload.length];
    System.arraycopy(new byte[] {0, 1, 2, 3, 4}, 0, bytes, 0, 5);
    System.arraycopy(payload, 0, bytes, 5, payload.length);

    assertThatThrownBy(() -> serde.deserialize(bytes, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Corrupt Avro payload")
        .hasMessageContaining(String.valueOf(0x01020304));
  }

  private static GenericRecord payment(String id) {
    GenericData.Record r = new GenericData.Record(PAYMENT_V1);
    r.put("id", id);
    r.put("note", "tạm ứng");
    r.put("amount", new BigDecimal("1234567.89"));
    r.put("paidOn", LocalDate.of(2025, 7, 1));
    r.put("at", AT);
    r.put("atMicros", AT);
    return r;
  }
}
