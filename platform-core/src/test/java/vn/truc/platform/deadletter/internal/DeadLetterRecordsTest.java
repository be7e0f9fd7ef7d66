package vn.truc.platform.deadletter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import vn.truc.connector.api.SourceRow;
import vn.truc.platform.deadletter.DeadLetterEntry;
import vn.truc.routes.DeadLetters;
import vn.truc.routes.ingest.Resubmission;

class DeadLetterRecordsTest {

  private static final String ERRORS =
      "[{\"field\":\"dateOfBirth\",\"value\":\"31/02/1990\",\"rule\":\"date\","
          + "\"message\":\"Invalid date 'FEBRUARY 31'\"},"
          + "{\"field\":\"residence.communeCode\",\"value\":\"99999\",\"rule\":\"admin-unit\","
          + "\"message\":\"not a legacy commune\"}]";
  private static final Instant CHANGED = Instant.parse("2026-11-22T09:14:02.511034Z");

  @Test
  void aConnectorsDeadLetterShowsItsOriginAndEveryFieldError() {
    DeadLetterEntry e =
        DeadLetterRecords.entry(
            connectorRecord("{\"SO_CCCD\":\"037190000901\",\"NGAY_SINH\":\"31/02/1990\"}", true),
            false);

    assertThat(e.id()).isEqualTo("1-42");
    assertThat(e.connector()).isEqualTo("p37-hr");
    assertThat(e.subscription()).isNull();
    assertThat(e.contract()).isEqualTo("CivilServant");
    assertThat(e.position()).isEqualTo("2026-11-22T09:14:02.511|21");
    assertThat(e.changedAt()).isEqualTo(CHANGED);
    assertThat(e.deleted()).isFalse();
    assertThat(e.errors())
        .extracting(f -> f.field())
        .containsExactly("dateOfBirth", "residence.communeCode");
    assertThat(e.errors().get(0).value()).isEqualTo("31/02/1990");
    assertThat(e.row()).as("listed without the row").isNull();
    assertThat(e.resubmitted()).isFalse();
  }

  @Test
  void inspectedItShowsTheOriginalRow() {
    DeadLetterEntry e =
        DeadLetterRecords.entry(
            connectorRecord("{\"SO_CCCD\":\"037190000901\",\"NGAY_SINH\":\"31/02/1990\"}", true),
            true);
    assertThat(e.row())
        .containsEntry("SO_CCCD", "037190000901")
        .containsEntry("NGAY_SINH", "31/02/1990");
    assertThat(e.value()).isNull();
  }

  @Test
  void aSubscriptionsDeadLetterShowsItsTextReasonAndRawBytes() {
    RecordHeaders h = new RecordHeaders();
    h.add(DeadLetters.SUBSCRIPTION, bytes("bnv-national"));
    h.add(DeadLetters.ERRORS, bytes("Not the Confluent wire format: magic byte 110"));
    h.add(DeadLetters.POSITION, bytes("truc.civilservant.v1/0@7"));
    byte[] poison = bytes("not avro");
    DeadLetterEntry e =
        DeadLetterRecords.entry(
            new ConsumerRecord<>(
                "truc.dlq.delivery.bnv-national",
                0,
                3,
                1000L,
                TimestampType.CREATE_TIME,
                0,
                0,
                bytes("k"),
                poison,
                h,
                Optional.empty()),
            true);

    assertThat(e.subscription()).isEqualTo("bnv-national");
    assertThat(e.errors())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("undecodable");
              assertThat(f.message()).contains("wire format");
            });
    assertThat(e.changedAt()).isNull();
    assertThat(e.deleted()).isNull();
    assertThat(e.row()).isNull();
    assertThat(Base64.getDecoder().decode(e.value())).isEqualTo(poison);
  }

  @Test
  void correctionsGoOverTheOriginalRowUnderTheRowsOwnColumnNames() {
    DeadLetterEntry e =
        DeadLetterRecords.entry(
            connectorRecord("{\"SO_CCCD\":\"037190000901\",\"NGAY_SINH\":\"31/02/1990\"}", true),
            true);
    Resubmission r = DeadLetterRecords.resubmission(e, Map.of("ngay_sinh", "28/02/1990"));

    assertThat(r.columns())
        .containsEntry("SO_CCCD", "037190000901")
        .containsEntry("NGAY_SINH", "28/02/1990")
        .doesNotContainKey("ngay_sinh");
    assertThat(r.corrected()).containsExactly("NGAY_SINH");
    assertThat(r.changedAt()).isEqualTo(CHANGED);
    assertThat(r.position()).isEqualTo("2026-11-22T09:14:02.511|21");
    assertThat(r.entry()).isEqualTo("truc.dlq.ingest.p37-hr/1@42");
    assertThat(r.deleted()).isFalse();

    Resubmission asItWas = DeadLetterRecords.resubmission(e, Map.of());
    assertThat(asItWas.columns()).containsEntry("NGAY_SINH", "31/02/1990");
    assertThat(asItWas.corrected()).isEmpty();
  }

  @Test
  void aCorrectedColumnTheRowDoesNotHaveIsATypo() {
    DeadLetterEntry e =
        DeadLetterRecords.entry(connectorRecord("{\"NGAY_SINH\":\"31/02/1990\"}", true), true);
    assertThatThrownBy(() -> DeadLetterRecords.resubmission(e, Map.of("NGAY_SIHN", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NGAY_SIHN")
        .hasMessageContaining("NGAY_SINH");
  }

  @Test
  void correctingARowTheSourceCouldNotReadDropsTheSourcesReason() {
    DeadLetterEntry e =
        DeadLetterRecords.entry(
            connectorRecord(
                "{\"SO_CCCD\":\"037085000107\",\"" + SourceRow.ERROR_COLUMN + "\":\"9 fields\"}",
                true),
            true);
    Map<String, Object> fixes = new HashMap<>();
    fixes.put("HO_TEN", "Đỗ Văn Thừa");
    Resubmission r = DeadLetterRecords.resubmission(e, fixes);
    assertThat(r.columns())
        .doesNotContainKey(SourceRow.ERROR_COLUMN)
        .containsEntry("HO_TEN", "Đỗ Văn Thừa");
    assertThat(DeadLetterRecords.resubmission(e, Map.of()).columns())
        .containsKey(SourceRow.ERROR_COLUMN);
  }

  @Test
  void anEntryWithoutItsChangeTimeIsNotResubmitted() {
    DeadLetterEntry e =
        DeadLetterRecords.entry(connectorRecord("{\"NGAY_SINH\":\"31/02/1990\"}", false), true);
    assertThatThrownBy(() -> DeadLetterRecords.resubmission(e, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("newer version");
  }

  private static ConsumerRecord<byte[], byte[]> connectorRecord(String row, boolean changedAt) {
    RecordHeaders h = new RecordHeaders();
    h.add(DeadLetters.CONNECTOR, bytes("p37-hr"));
    h.add(DeadLetters.CONTRACT, bytes("CivilServant"));
    h.add(DeadLetters.ERRORS, bytes(ERRORS));
    h.add(DeadLetters.POSITION, bytes("2026-11-22T09:14:02.511|21"));
    if (changedAt) {
      h.add(DeadLetters.CHANGED_AT, bytes(CHANGED.toString()));
      h.add(DeadLetters.DELETED, bytes("false"));
    }
    return new ConsumerRecord<>(
        "truc.dlq.ingest.p37-hr",
        1,
        42,
        1000L,
        TimestampType.CREATE_TIME,
        0,
        0,
        bytes("2026-11-22T09:14:02.511|21"),
        bytes(row),
        h,
        Optional.empty());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
