package vn.truc.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.truc.connector.api.SinkRecord;

/** {@link JdbcUpsertSink#latestPerKey}: what one batch writes. */
class LatestPerKeyTest {

  private static final Instant T0 = Instant.parse("2025-07-01T08:00:00Z");

  @Test
  void newestVersionOfAKeyWinsWhateverTheOrder() {
    SinkRecord newer = record("A", 10, "new");
    SinkRecord older = record("A", 5, "old");

    assertThat(JdbcUpsertSink.latestPerKey(List.of(newer, older))).containsExactly(newer);
    assertThat(JdbcUpsertSink.latestPerKey(List.of(older, newer))).containsExactly(newer);
  }

  @Test
  void forEqualVersionsTheLaterRecordWins() {
    SinkRecord first = record("A", 5, "first");
    SinkRecord second = record("A", 5, "second");

    assertThat(JdbcUpsertSink.latestPerKey(List.of(first, second))).containsExactly(second);
  }

  @Test
  void keysKeepTheOrderOfTheirFirstAppearance() {
    SinkRecord b1 = record("B", 1, "b1");
    SinkRecord a1 = record("A", 1, "a1");
    SinkRecord c1 = record("C", 1, "c1");
    SinkRecord a2 = record("A", 2, "a2");
    SinkRecord b0 = record("B", 0, "b0");

    assertThat(JdbcUpsertSink.latestPerKey(List.of(b1, a1, c1, a2, b0)))
        .containsExactly(b1, a2, c1);
  }

  @Test
  void aNewerDeleteReplacesAnUpsertAndAnOlderOneDoesNot() {
    SinkRecord upsert = record("A", 5, "x");
    SinkRecord newerDelete = new SinkRecord("A", Map.of(), T0.plusSeconds(6), "p", true);
    SinkRecord olderDelete = new SinkRecord("A", Map.of(), T0.plusSeconds(4), "p", true);

    assertThat(JdbcUpsertSink.latestPerKey(List.of(upsert, newerDelete)))
        .singleElement()
        .extracting(SinkRecord::deleted)
        .isEqualTo(true);
    assertThat(JdbcUpsertSink.latestPerKey(List.of(upsert, olderDelete))).containsExactly(upsert);
  }

  @Test
  void distinctKeysAreAllKept() {
    List<SinkRecord> batch = List.of(record("A", 1, "a"), record("B", 1, "b"), record("C", 1, "c"));

    assertThat(JdbcUpsertSink.latestPerKey(batch)).containsExactlyElementsOf(batch);
  }

  @Test
  void emptyBatchGivesNothing() {
    assertThat(JdbcUpsertSink.latestPerKey(List.of())).isEmpty();
  }

  private static SinkRecord record(String key, long secondsAfterT0, String name) {
    return new SinkRecord(
        key, Map.of("full_name", name), T0.plusSeconds(secondsAfterT0), key + "@" + name, false);
  }
}
