package vn.truc.platform.bench;

import java.util.List;
import java.util.Locale;

/** The printed comparison: one line per pipeline and limit, then the ratios the goal is set in. */
final class Report {

  private Report() {}

  static String render(
      int records, int streamRate, int streamSeconds, int cores, List<Outcome> outcomes) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%n=== Trục side by side: %,d CivilServant rows, province PostgreSQL -> Kafka ->"
                + " ministry PostgreSQL, %d cores ===%n",
            records,
            cores));
    b.append(
        String.format(
            Locale.ROOT,
            "%-34s %10s %12s %9s %9s %8s %8s %9s   %s%n",
            "",
            "records",
            "records/s",
            "p50 s",
            "p99 s",
            "CPU s",
            "mach. s",
            "peak RSS",
            "streaming " + streamRate + "/s for " + streamSeconds + " s: p50 / p99"));
    for (Outcome o : outcomes) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-34s %,10d %,12.0f %9s %9s %8.1f %8.1f %9s   %s%n",
              o.name(),
              o.records(),
              o.recordsPerSecond(),
              seconds(o.p50Millis()),
              seconds(o.p99Millis()),
              o.usage().processCpuSeconds(),
              o.usage().machineCpuSeconds(),
              o.usage().peakRssBytes() == 0 ? "-" : (o.usage().peakRssBytes() >> 20) + " MiB",
              o.streamP50Millis() < 0
                  ? "-"
                  : String.format(
                      Locale.ROOT,
                      "%.3f s / %.3f s",
                      o.streamP50Millis() / 1000,
                      o.streamP99Millis() / 1000)));
    }
    b.append(String.format("%nratios (records/s)%n"));
    List<Outcome> trucs = outcomes.stream().filter(o -> o.name().startsWith("Trục")).toList();
    List<Outcome> others = outcomes.stream().filter(o -> !o.name().startsWith("Trục")).toList();
    for (Outcome t : trucs) {
      for (Outcome o : others) {
        b.append(
            String.format(
                Locale.ROOT,
                "  %-34s / %-34s %6.2f%n",
                t.name(),
                o.name(),
                ratio(t.recordsPerSecond(), o.recordsPerSecond())));
      }
    }
    b.append(
        String.format(
            "%nCPU s: the measured process; mach. s: all cores of the machine meanwhile (databases"
                + " and broker included).%n"
                + "p50/p99 of a pipeline's backlog: each record's time from the pipeline's start to"
                + " its delivery (start-up included).%n"));
    return b.toString();
  }

  static double ratio(double a, double b) {
    return b > 0 ? a / b : Double.NaN;
  }

  private static String seconds(double millis) {
    return millis < 0 ? "-" : String.format(Locale.ROOT, "%.2f", millis / 1000);
  }
}
