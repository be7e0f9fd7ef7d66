package vn.truc.platform.flow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a connector's load has come, for its status: the records read since the flow started,
 * what the source still holds after the saved position, the percentage done and an estimate of the
 * time left at the rate seen so far. A snapshot of a 2-million-row table is the case it is for; a
 * connector that has caught up shows 100 % and nothing left.
 *
 * @param read records read since the flow started
 * @param remaining changes the source holds after the saved position
 * @param elapsed time since the flow started
 */
record LoadProgress(long read, long remaining, Duration elapsed) {

  double percent() {
    long total = read + remaining;
    return total == 0 ? 100.0 : Math.floor(1000.0 * read / total) / 10.0;
  }

  /** Records per second so far; zero before the first second. */
  double rate() {
    double seconds = elapsed.toMillis() / 1000.0;
    return seconds < 1 ? 0 : read / seconds;
  }

  /** Null while no rate is known yet and something remains. */
  Duration eta() {
    if (remaining == 0) {
      return Duration.ZERO;
    }
    double rate = rate();
    return rate <= 0 ? null : Duration.ofSeconds((long) Math.ceil(remaining / rate));
  }

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("percent", percent());
    m.put("remaining", remaining);
    m.put("recordsPerSecond", Math.round(rate() * 10) / 10.0);
    Duration eta = eta();
    m.put("etaSeconds", eta == null ? null : eta.toSeconds());
    return m;
  }
}
