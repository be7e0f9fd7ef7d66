package vn.truc.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WatermarkTest {

  @Test
  void positionIsTimestampBarKey() {
    Watermark w = new Watermark(LocalDateTime.of(2025, 7, 1, 8, 30, 15, 123_456_000), "42");

    assertThat(w.position()).isEqualTo("2025-07-01T08:30:15.123456|42");
  }

  @Test
  void positionParsesBackToTheSameWatermark() {
    Watermark micros = new Watermark(LocalDateTime.of(2025, 7, 1, 8, 30, 15, 123_456_000), "42");
    Watermark wholeMinute = new Watermark(LocalDateTime.of(2025, 7, 1, 8, 30), "037185000123");
    Watermark nanos = new Watermark(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 1), "x");

    assertThat(Watermark.parse(micros.position())).isEqualTo(micros);
    assertThat(Watermark.parse(wholeMinute.position())).isEqualTo(wholeMinute);
    assertThat(Watermark.parse(nanos.position())).isEqualTo(nanos);
  }

  @Test
  void keyMayItselfContainBars() {
    Watermark parsed = Watermark.parse("2025-07-01T08:30:15|HN|2025|0001");

    assertThat(parsed.timestamp()).isEqualTo(LocalDateTime.of(2025, 7, 1, 8, 30, 15));
    assertThat(parsed.key()).isEqualTo("HN|2025|0001");
    assertThat(Watermark.parse(parsed.position())).isEqualTo(parsed);
  }

  @Test
  void emptyKeyIsKept() {
    assertThat(Watermark.parse("2025-07-01T08:30:15|").key()).isEmpty();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t"})
  void noPositionMeansFromTheStart(String position) {
    assertThat(Watermark.parse(position)).isNull();
  }

  @Test
  void positionWithoutSeparatorIsRefused() {
    assertThatThrownBy(() -> Watermark.parse("2025-07-01T08:30:15"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timestamp|key")
        .hasMessageContaining("'2025-07-01T08:30:15'");
  }

  @Test
  void positionWithABadTimestampIsRefused() {
    assertThatThrownBy(() -> Watermark.parse("01/07/2025 08:30|42"))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Watermark.parse("|42")).isInstanceOf(DateTimeException.class);
  }
}
