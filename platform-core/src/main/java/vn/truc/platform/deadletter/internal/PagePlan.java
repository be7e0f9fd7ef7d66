package vn.truc.platform.deadletter.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which offsets of which partitions make up a page of a topic, without reading it: entries are
 * numbered partition by partition, then by offset, from the oldest each partition keeps.
 * Dead-letter topics are neither compacted nor transactional, so a partition's offsets are
 * contiguous and its entry count is its end offset minus its first.
 */
public final class PagePlan {

  private PagePlan() {}

  /** What one partition keeps: offsets {@code begin} (inclusive) to {@code end} (exclusive). */
  public record Range(int partition, long begin, long end) {
    long size() {
      return Math.max(0, end - begin);
    }
  }

  /** Offsets {@code from} (inclusive) to {@code to} (exclusive) of one partition. */
  public record Slice(int partition, long from, long to) {}

  public static long total(List<Range> ranges) {
    return ranges.stream().mapToLong(Range::size).sum();
  }

  /** The slices holding entries {@code from} to {@code from + limit - 1}. */
  public static List<Slice> slices(List<Range> ranges, long from, int limit) {
    List<Range> ordered = new ArrayList<>(ranges);
    ordered.sort(Comparator.comparingInt(Range::partition));
    List<Slice> slices = new ArrayList<>();
    long skip = Math.max(0, from);
    long wanted = Math.max(0, limit);
    for (Range r : ordered) {
      if (wanted == 0) {
        break;
      }
      if (skip >= r.size()) {
        skip -= r.size();
        continue;
      }
      long start = r.begin() + skip;
      long end = Math.min(r.end(), start + wanted);
      slices.add(new Slice(r.partition(), start, end));
      wanted -= end - start;
      skip = 0;
    }
    return slices;
  }
}
