package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.truc.platform.demo.CivilServantGenerator;

/**
 * "No loss on crash": the platform, run from its jar as its own process, is killed with SIGKILL in
 * the middle of a 100,000-record sync; while it is dead the province keeps changing; started again,
 * it must bring the ministry to exactly the province's latest values. Records may travel twice
 * (at-least-once), so the yardstick is the ministry table, not the topic.
 */
abstract class PlatformCrashContract extends EnginesContract {

  private static final int TOTAL = 100_000;

  /**
   * Rows the province changes while the platform is dead: about every 25th (auto-increment keys of
   * batched inserts may have gaps), some 4,000 rows.
   */
  private static final String CHANGED_WHILE_DEAD = "MA_CB % 25 = 0";

  @Test
  void aPlatformKilledMidSyncLosesNothingOnceRestarted() throws Exception {
    TestPlatform t = TestPlatform.prepare(engines());
    Path dir = Path.of("target", "crash-it", getClass().getSimpleName() + "-" + System.nanoTime());
    long loadStart = System.nanoTime();
    Convergence.hire(t, new CivilServantGenerator(100), 1, TOTAL);
    log("province loaded with %,d rows in %.1f s", TOTAL, seconds(loadStart));

    PlatformProcess first = PlatformProcess.start(t, dir, "platform-1");
    PlatformProcess second = null;
    try {
      long started = System.nanoTime();
      first.awaitHealthy(Duration.ofSeconds(120));
      log("first platform process healthy after %.1f s", seconds(started));

      // Kill it while the ministry holds between 10% and 90% of the rows.
      await("ministry between 10% and 90% of the rows")
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(100))
          .failFast(
              "the sync got past 90% before the kill could happen",
              () -> Convergence.ministryCount(t) >= TOTAL * 9L / 10)
          .until(() -> Convergence.ministryCount(t) >= TOTAL / 10);
      int exit = first.kill();
      long atKill = Convergence.ministryCount(t);
      log("killed with SIGKILL (exit %d) with %,d rows at the ministry", exit, atKill);
      assertThat(exit).as("exit value of a process killed by SIGKILL").isEqualTo(137);
      assertThat(atKill).as("rows at the ministry when killed").isBetween(1L, TOTAL - 1L);
      Set<String> deliveredBeforeKill = Convergence.ministry(t).keySet();
      long lastLogIdAtKill = Convergence.lastLogId(t);

      // While it is dead the province changes rows it has delivered and rows it has not.
      Set<String> changed = Convergence.provinceIds(t, CHANGED_WHILE_DEAD);
      try (Connection p = t.provinceDb();
          Statement s = p.createStatement()) {
        int updated =
            s.executeUpdate(
                "UPDATE CB_CONG_CHUC SET BAC_LUONG = BAC_LUONG + 1,"
                    + " HE_SO_LUONG = HE_SO_LUONG + 0.33, HO_TEN = CONCAT(HO_TEN, ' Mới'),"
                    + " NGAY_CAP_NHAT = CURRENT_TIMESTAMP(6) WHERE "
                    + CHANGED_WHILE_DEAD);
        assertThat(updated).isEqualTo(changed.size()).isBetween(3_000, 5_000);
      }
      assertThat(changed)
          .as("changed rows include some already delivered and some not")
          .containsAnyElementsOf(deliveredBeforeKill)
          .anyMatch(id -> !deliveredBeforeKill.contains(id));

      second = PlatformProcess.start(t, dir, "platform-2");
      long restarted = System.nanoTime();
      Instant restartedAt = Instant.now();
      second.awaitHealthy(Duration.ofSeconds(120));
      log("second platform process healthy after %.1f s", seconds(restarted));
      Map<String, Convergence.Person> province = Convergence.province(t);
      assertThat(province).hasSize(TOTAL);
      PlatformProcess running = second;
      await("ministry holds exactly the province's latest values")
          .atMost(Duration.ofSeconds(150))
          .pollInterval(Duration.ofSeconds(2))
          .failFast(() -> assertThat(running.isAlive()).as(running::logTail).isTrue())
          .untilAsserted(
              () ->
                  assertThat(Convergence.differences(province, Convergence.ministry(t))).isEmpty());
      log(
          "converged %.1f s after the restart; first delivery %.1f s after it",
          seconds(restarted),
          Duration.between(restartedAt, Convergence.firstDeliveryAfter(t, lastLogIdAtKill))
                  .toMillis()
              / 1e3);
      assertThat(Convergence.ministryCount(t)).as("rows at the ministry").isEqualTo(TOTAL);
      assertThat(Convergence.province(t))
          .as("the province did not change after the restart")
          .isEqualTo(province);

      // The restarted platform logged the deliveries it made: at least every row missing at the
      // kill and every row changed while it was dead.
      Set<String> mustBeDelivered = new HashSet<>(changed);
      province.keySet().stream()
          .filter(id -> !deliveredBeforeKill.contains(id))
          .forEach(mustBeDelivered::add);
      Set<String> delivered = Convergence.deliveredAfter(t, lastLogIdAtKill);
      assertThat(delivered).as("DELIVERED entries after the restart").isNotEmpty();
      assertThat(Convergence.notIn(mustBeDelivered, delivered))
          .as("rows delivered after the restart without a DELIVERED entry")
          .isEmpty();
    } finally {
      first.close();
      if (second != null) {
        second.close();
      }
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private void log(String format, Object... args) {
    System.out.printf("[%s] %s%n", getClass().getSimpleName(), String.format(format, args));
  }
}
