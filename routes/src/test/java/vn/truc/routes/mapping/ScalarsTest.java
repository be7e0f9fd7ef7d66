package vn.truc.routes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ScalarsTest {

  @Test
  void wholeNumbersFromNumbersAndText() {
    assertThat(Scalars.toInt(7L)).isEqualTo(7);
    assertThat(Scalars.toInt(new BigDecimal("7.00"))).isEqualTo(7);
    assertThat(Scalars.toInt(" 12 ")).isEqualTo(12);
    assertThat(Scalars.toLong("4000000000")).isEqualTo(4_000_000_000L);
  }

  @Test
  void aFractionOrAnOverflowIsRefusedNotTruncated() {
    assertThatThrownBy(() -> Scalars.toInt(new BigDecimal("2.34")))
        .hasMessage("is not a whole number");
    assertThatThrownBy(() -> Scalars.toInt("3,5")).hasMessage("is not a whole number");
    assertThatThrownBy(() -> Scalars.toInt(4_000_000_000L)).hasMessageContaining("out of range");
    assertThatThrownBy(() -> Scalars.toInt("bảy")).hasMessage("is not a number");
  }

  @Test
  void yesAndNoInTheWordsSourcesUse() {
    assertThat(Scalars.toBoolean("Có")).isTrue();
    assertThat(Scalars.toBoolean(1)).isTrue();
    assertThat(Scalars.toBoolean("không")).isFalse();
    assertThat(Scalars.toBoolean("0")).isFalse();
    assertThatThrownBy(() -> Scalars.toBoolean("maybe")).hasMessageContaining("yes/no");
  }

  @Test
  void zoneLessTimesAreVietnamTime() {
    Instant expected = Instant.parse("2026-11-22T01:30:00Z");
    assertThat(Scalars.toInstant(Timestamp.valueOf("2026-11-22 08:30:00"))).isEqualTo(expected);
    assertThat(Scalars.toInstant(LocalDateTime.parse("2026-11-22T08:30:00"))).isEqualTo(expected);
    assertThat(Scalars.toInstant("2026-11-22 08:30:00")).isEqualTo(expected);
    assertThat(Scalars.toInstant("2026-11-22T08:30:00+07:00")).isEqualTo(expected);
    assertThatThrownBy(() -> Scalars.toInstant("hôm qua")).hasMessageContaining("date and time");
  }
}
