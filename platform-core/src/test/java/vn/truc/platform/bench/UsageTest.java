package vn.truc.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsageTest {

  @Test
  void machineBusyTicksLeaveOutIdleAndIowait() {
    // user nice system idle iowait irq softirq steal guest guest_nice
    assertThat(Usage.busyTicks("cpu  100 5 40 9000 300 2 3 7 0 0")).isEqualTo(157);
  }

  @Test
  void processTicksAreUtimePlusStimeEvenWhenTheNameHasSpaces() {
    String stat =
        "4242 (Camel (camel-1) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 80 0";
    assertThat(Usage.processTicks(stat)).isEqualTo(1234 + 567);
  }

  @Test
  void peakRssIsVmHwmInBytes() {
    assertThat(Usage.peakRss(List.of("Name:\tjava", "VmPeak:\t 9 kB", "VmHWM:\t  786432 kB")))
        .isEqualTo(786432L * 1024);
    assertThat(Usage.peakRss(List.of("Name:\tjava"))).isZero();
  }
}
