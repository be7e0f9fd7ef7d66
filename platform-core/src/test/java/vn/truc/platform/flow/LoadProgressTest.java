package vn.truc.platform.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadProgressTest {

  @Test
  void aQuarterOfASnapshotAtAThousandASecond() {
    LoadProgress p = new LoadProgress(500_000, 1_500_000, Duration.ofSeconds(500));
    assertThat(p.percent()).isEqualTo(25.0);
    assertThat(p.rate()).isEqualTo(1000.0);
    assertThat(p.eta()).isEqualTo(Duration.ofSeconds(1500));
    assertThat(p.asMap())
        .containsEntry("percent", 25.0)
        .containsEntry("remaining", 1_500_000L)
        .containsEntry("etaSeconds", 1500L);
  }

  @Test
  void caughtUpIsAHundredPercentWithNothingLeft() {
    LoadProgress p = new LoadProgress(2_087_114, 0, Duration.ofSeconds(60));
    assertThat(p.percent()).isEqualTo(100.0);
    assertThat(p.eta()).isZero();
    assertThat(new LoadProgress(0, 0, Duration.ZERO).percent()).isEqualTo(100.0);
  }

  @Test
  void noEstimateBeforeAnyRateIsKnown() {
    LoadProgress p = new LoadProgress(0, 10_000, Duration.ofMillis(300));
    assertThat(p.percent()).isZero();
    assertThat(p.eta()).isNull();
    assertThat(p.asMap()).containsEntry("etaSeconds", null);
  }

  @Test
  void percentIsRoundedDownSoNinetyNineNinesNeverShowAsDone() {
    assertThat(new LoadProgress(99_999, 1, Duration.ofSeconds(10)).percent()).isEqualTo(99.9);
  }
}
