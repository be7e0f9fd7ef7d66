package vn.truc.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

  @Test
  void readsDelaySeconds() {
    assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofMinutes(2));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
  }

  @Test
  void readsAnHttpDate() {
    String in30s =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(30).atOffset(ZoneOffset.UTC));
    assertThat(RetryAfter.parse(in30s, NOW)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Sun, 01 Mar 2026 07:59:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void ignoresWhatItCannotRead() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
  }
}
