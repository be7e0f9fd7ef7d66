package vn.truc.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How auditors' ranges and filters become conditions on the ledger. */
class LedgerQueryParametersTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void aBoundIsASequenceNumberOrATime() {
    assertThat(LedgerBound.from("17", HANOI)).isEqualTo(new LedgerBound.Seq(17));
    assertThat(LedgerBound.from(" ", HANOI)).isNull();
    assertThat(LedgerBound.from(null, HANOI)).isNull();
    assertThat(LedgerBound.from("2026-11-01T08:00:00Z", HANOI))
        .isEqualTo(new LedgerBound.Time(Instant.parse("2026-11-01T08:00:00Z")));
    assertThat(LedgerBound.from("2026-11-01T08:00:00+07:00", HANOI))
        .isEqualTo(new LedgerBound.Time(Instant.parse("2026-11-01T01:00:00Z")));
    assertThat(LedgerBound.from("2026-11-01T08:00:00", HANOI))
        .isEqualTo(new LedgerBound.Time(Instant.parse("2026-11-01T01:00:00Z")));
  }

  @Test
  void aDateStartsARangeAtMidnightAndEndsItAfterThatWholeDay() {
    assertThat(LedgerBound.from("2026-11-01", HANOI))
        .isEqualTo(new LedgerBound.Time(Instant.parse("2026-10-31T17:00:00Z")));
    assertThat(LedgerBound.to("2026-11-01", HANOI))
        .isEqualTo(new LedgerBound.Time(Instant.parse("2026-11-01T17:00:00Z")));
  }

  @Test
  void anUnreadableBoundSaysWhatIsAccepted() {
    assertThatThrownBy(() -> LedgerBound.from("01/11/2026", HANOI))
        .hasMessageContaining("'01/11/2026' is not a sequence number (17), a date (2026-11-01)");
    assertThatThrownBy(() -> LedgerBound.from("99999999999999999999", HANOI))
        .hasMessageContaining("too large");
  }

  @Test
  void filtersBecomeOneConditionWithTheirArgumentsInOrder() {
    EntryFilter f =
        new EntryFilter(
            new LedgerBound.Time(Instant.parse("2026-11-01T00:00:00Z")),
            new LedgerBound.Seq(500),
            "BNV",
            null,
            "bnv-national",
            null,
            "DELIVERED");
    EntryFilter.Where w = f.where();
    assertThat(w.sql())
        .isEqualTo(
            "at >= ? AND seq <= ? AND agency = ?"
                + " AND actor = ? AND kind NOT IN ('INGESTED', 'RESUBMITTED') AND kind = ?");
    assertThat(w.args())
        .containsExactly(
            OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC),
            500L,
            "BNV",
            "bnv-national",
            "DELIVERED");
    assertThat(new EntryFilter(null, null, null, null, null, "p37-hr", null).where().sql())
        .isEqualTo("actor = ? AND kind <> 'DELIVERED'");
    assertThat(new EntryFilter(null, null, null, null, null, null, null).where().sql())
        .isEqualTo("TRUE");
  }

  @Test
  void csvQuotesOnlyWhatNeedsIt() {
    String csv =
        new Csv(List.of("a", "b"))
            .row(Arrays.asList("x,y", null))
            .row(List.of("say \"hi\"", List.of("1", "2")))
            .toString();
    assertThat(csv).isEqualTo("a,b\r\n\"x,y\",\r\n\"say \"\"hi\"\"\",1 2\r\n");
  }
}
