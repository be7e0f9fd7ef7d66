package vn.truc.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static Outcome pipeline(String name, double rate, double streamP99) {
    return new Outcome(name, 1000, rate, 500, 900, new Usage(12.5, 300L << 20, 20), 100, streamP99);
  }

  private static Outcome limit(String name, double rate) {
    return new Outcome(name, 1000, rate, -1, -1, new Usage(0.5, 0, 20), -1, -1);
  }

  @Test
  void everyTrucLineIsComparedWithEveryOtherLine() {
    String report =
        Report.render(
            1000,
            1000,
            20,
            2,
            List.of(
                limit("limit: PostgreSQL COPY to COPY", 40_000),
                pipeline("Trục jdbc-polling (ledger on)", 20_000, 450),
                pipeline("peer: Connect + Debezium PG + JDBC", 4_000, 300)));

    assertThat(report)
        .containsPattern(
            "Trục jdbc-polling \\(ledger on\\) +/ peer: Connect \\+ Debezium PG \\+ JDBC +5\\.00")
        .containsPattern(
            "Trục jdbc-polling \\(ledger on\\) +/ limit: PostgreSQL COPY to COPY +0\\.50")
        .containsPattern("COPY to COPY +1,000 +40,000 +- +- +0\\.5 +20\\.0 +- +-\\R")
        .contains("0.100 s / 0.450 s")
        .contains("300 MiB");
    assertThat(report).doesNotContain("peer: Connect + Debezium PG + JDBC / ");
  }

  @Test
  void aRatioAgainstNothingIsNotANumber() {
    assertThat(Report.ratio(5, 0)).isNaN();
    assertThat(Report.ratio(30, 2)).isEqualTo(15.0);
  }
}
