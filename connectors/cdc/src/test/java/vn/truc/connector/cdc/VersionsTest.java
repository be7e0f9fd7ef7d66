package vn.truc.connector.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VersionsTest {

  private static final Instant T = Instant.parse("2026-11-22T08:30:00Z");

  @Test
  void changesInOneSecondOfTheBinlogStillIncrease() {
    Versions v = new Versions(null);
    Instant first = v.next(T);
    Instant second = v.next(T);
    assertThat(first).isEqualTo(T);
    assertThat(second).isEqualTo(T.plusNanos(1_000));
  }

  @Test
  void aChangeLoggedAfterALaterSnapshotReadIsStillNewer() {
    Versions v = new Versions(null);
    Instant snapshotRead = v.next(T.plusMillis(900));
    Instant loggedEarlier = v.next(T.plusMillis(400));
    assertThat(loggedEarlier).isAfter(snapshotRead);
  }

  @Test
  void continuesAfterTheSavedVersionAcrossARestart() {
    Versions v = new Versions(T.plusNanos(3_000));
    assertThat(v.next(T)).isEqualTo(T.plusNanos(4_000));
    assertThat(v.next(T.plusSeconds(1))).isEqualTo(T.plusSeconds(1));
  }
}
