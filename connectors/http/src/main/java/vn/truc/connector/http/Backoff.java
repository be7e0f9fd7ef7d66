package vn.truc.connector.http;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before a retry: exponential from the initial wait, capped, with jitter so that
 * many subscriptions failing together do not come back together. A receiver's Retry-After wins over
 * the exponential wait, up to the same cap, so an overloaded receiver cannot hold a delivery
 * thread, and with it the subscription's batch, for hours.
 */
final class Backoff {

  private final long initialMillis;
  private final long maxMillis;
  private final DoubleSupplier random;

  /**
   * @param random values in [0, 1)
   */
  Backoff(Duration initial, Duration max, DoubleSupplier random) {
    this.initialMillis = initial.toMillis();
    this.maxMillis = Math.max(initialMillis, max.toMillis());
    this.random = random;
  }

  /**
   * The wait after the {@code failures}-th failed attempt (1 for the first): a random time between
   * half and all of {@code initial * 2^(failures-1)}, capped.
   */
  Duration delay(int failures) {
    long base = initialMillis;
    for (int i = 1; i < failures && base < maxMillis; i++) {
      base = base > maxMillis / 2 ? maxMillis : base * 2;
    }
    long half = base / 2;
    long jitter = (long) (random.getAsDouble() * (base - half + 1));
    // Doubles round: at the far end of long a product can land just past the base.
    return Duration.ofMillis(Math.min(base, half + jitter));
  }

  /** The receiver's Retry-After, capped, if it gave one; otherwise {@link #delay(int)}. */
  Duration delay(int failures, Optional<Duration> retryAfter) {
    return retryAfter
        .map(
            asked ->
                asked.compareTo(Duration.ofMillis(maxMillis)) > 0
                    ? Duration.ofMillis(maxMillis)
                    : asked)
        .orElseGet(() -> delay(failures));
  }
}
