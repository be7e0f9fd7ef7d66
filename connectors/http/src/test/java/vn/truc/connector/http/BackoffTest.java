package vn.truc.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

  private static final double LOWEST = 0.0;
  private static final double HIGHEST = Math.nextDown(1.0);

  @ParameterizedTest
  @CsvSource({"1, 50, 100", "2, 100, 200", "3, 200, 400", "4, 400, 800", "5, 500, 1000"})
  void doublesFromTheInitialWaitWithJitterUpToTheCap(int failures, long low, long high) {
    assertThat(backoff(100, 1_000, LOWEST).delay(failures)).isEqualTo(Duration.ofMillis(low));
    assertThat(backoff(100, 1_000, HIGHEST).delay(failures)).isEqualTo(Duration.ofMillis(high));
  }

  @Test
  void staysAtTheCapHoweverManyFailures() {
    assertThat(backoff(100, 1_000, HIGHEST).delay(10_000)).isEqualTo(Duration.ofMillis(1_000));
    // No overflow where doubling would pass the largest long.
    assertThat(backoff(Long.MAX_VALUE / 4, Long.MAX_VALUE / 2, HIGHEST).delay(100))
        .isBetween(Duration.ofMillis(Long.MAX_VALUE / 4), Duration.ofMillis(Long.MAX_VALUE / 2));
  }

  @Test
  void aCapBelowTheInitialWaitIsTheInitialWait() {
    assertThat(backoff(500, 100, HIGHEST).delay(3)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void retryAfterWinsUpToTheCap() {
    Backoff b = backoff(100, 10_000, LOWEST);
    assertThat(b.delay(1, Optional.of(Duration.ofSeconds(2)))).isEqualTo(Duration.ofSeconds(2));
    assertThat(b.delay(1, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(10));
    assertThat(b.delay(1, Optional.of(Duration.ofSeconds(Long.MAX_VALUE))))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(b.delay(2, Optional.empty())).isEqualTo(Duration.ofMillis(100));
  }

  private static Backoff backoff(long initial, long max, double random) {
    return new Backoff(Duration.ofMillis(initial), Duration.ofMillis(max), () -> random);
  }
}
