package vn.truc.platform.deadletter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.truc.platform.deadletter.internal.PagePlan.Range;
import vn.truc.platform.deadletter.internal.PagePlan.Slice;

class PagePlanTest {

  // Partition 0 keeps offsets 5..7 (older ones deleted), 1 none, 2 keeps 0..3; listed unordered.
  private final List<Range> ranges =
      List.of(new Range(2, 0, 4), new Range(0, 5, 8), new Range(1, 9, 9));

  @Test
  void countsWhatEachPartitionKeeps() {
    assertThat(PagePlan.total(ranges)).isEqualTo(7);
  }

  @Test
  void aPageRunsAcrossPartitionsInOrder() {
    assertThat(PagePlan.slices(ranges, 0, 5))
        .containsExactly(new Slice(0, 5, 8), new Slice(2, 0, 2));
  }

  @Test
  void fromSkipsWholePartitionsAndEmptyOnes() {
    assertThat(PagePlan.slices(ranges, 4, 5)).containsExactly(new Slice(2, 1, 4));
    assertThat(PagePlan.slices(ranges, 3, 1)).containsExactly(new Slice(2, 0, 1));
  }

  @Test
  void consecutivePagesCoverEveryEntryOnce() {
    List<Slice> all =
        java.util.stream.Stream.of(0, 3, 6)
            .flatMap(from -> PagePlan.slices(ranges, from, 3).stream())
            .toList();
    long entries = all.stream().mapToLong(s -> s.to() - s.from()).sum();
    assertThat(entries).isEqualTo(7);
    assertThat(all).containsExactly(new Slice(0, 5, 8), new Slice(2, 0, 3), new Slice(2, 3, 4));
  }

  @Test
  void pastTheEndIsEmpty() {
    assertThat(PagePlan.slices(ranges, 7, 10)).isEmpty();
    assertThat(PagePlan.slices(List.of(), 0, 10)).isEmpty();
  }
}
