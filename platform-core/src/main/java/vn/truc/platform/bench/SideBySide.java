package vn.truc.platform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.truc.platform.embedded.EmbeddedKafkaBroker;
import vn.truc.platform.embedded.EmbeddedPostgresServer;

/**
 * The side-by-side benchmark (issue #7), run by {@code ./mvnw -Pbench -DskipTests package}. This
 * JVM hosts the shared engines (a KRaft Kafka broker; a PostgreSQL with the province's and the
 * ministry's databases), generates the province's civil servants once, and then measures, one after
 * the other and each in its own JVM: the PostgreSQL COPY limit, Trục with polling and with
 * change-data capture, the Kafka client limits, and the usual alternative (Kafka Connect with
 * Debezium's PostgreSQL source and JDBC sink). Prints one table.
 *
 * <p>Options ({@code --name=value}): records (2,087,114), stream-rate (1,000/s), stream-seconds
 * (20), batch-size (5,000), truc-heap (512m), truc-jvm (more JVM options for Trục,
 * space-separated), ledger-off (false), only (a comma list of copy, truc-polling, kafka, truc-cdc,
 * peer), work, truc-jar, peer-lib, peer-heap (2g).
 */
public final class SideBySide {

  /** Contract.topic() of CivilServant: where Trục's ingest publishes. */
  static final String CONTRACT_TOPIC = "truc.civilservant.v1";

  private SideBySide() {}

  public static void main(String[] argv) throws Exception {
    // Not a Spring application: without this, the broker in this JVM logs every step at INFO.
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    Map<String, String> o = options(argv);
    int records = Integer.parseInt(o.getOrDefault("records", "2087114"));
    Set<String> only =
        Set.of(o.getOrDefault("only", "copy,truc-polling,kafka,truc-cdc,peer").split(","));
    Path work = Path.of(o.getOrDefault("work", "target/side-by-side")).toAbsolutePath();
    Files.createDirectories(work);
    int code = 0;
    try (EmbeddedPostgresServer postgres =
            EmbeddedPostgresServer.start(
                work.resolve("postgres"),
                Integer.parseInt(o.getOrDefault("postgres-port", "25432")));
        EmbeddedKafkaBroker kafka =
            new EmbeddedKafkaBroker(
                work.resolve("kafka"),
                Integer.parseInt(o.getOrDefault("kafka-port", "29092")),
                Integer.parseInt(o.getOrDefault("kafka-controller-port", "29093")))) {
      kafka.start();
      postgres.createDatabase(Bench.PROVINCE).createDatabase(Bench.MINISTRY);
      Bench bench =
          new Bench(
              postgres,
              kafka.bootstrapServers(),
              work,
              Path.of(o.getOrDefault("truc-jar", "platform-core/target/truc.jar")).toAbsolutePath(),
              Path.of(o.getOrDefault("peer-lib", "benchmarks/target/peer-lib")).toAbsolutePath(),
              records,
              Integer.parseInt(o.getOrDefault("batch-size", "5000")),
              Integer.parseInt(o.getOrDefault("stream-rate", "1000")),
              Integer.parseInt(o.getOrDefault("stream-seconds", "20")),
              o.getOrDefault("truc-heap", "512m"),
              // None by default: the JVM's own choice (G1) did better on the CDC line than the
              // parallel collector, which won on polling (docs/benchmarks.md).
              java.util.Arrays.stream(o.getOrDefault("truc-jvm", "").trim().split("\\s+"))
                  .filter(a -> !a.isEmpty())
                  .toList(),
              Boolean.parseBoolean(o.getOrDefault("ledger-off", "false")));
      List<Outcome> outcomes = run(bench, only, o.getOrDefault("peer-heap", "2g"));
      String report =
          Report.render(
              records,
              bench.streamRate(),
              bench.streamSeconds(),
              Runtime.getRuntime().availableProcessors(),
              outcomes);
      System.out.println(report);
      Files.writeString(work.resolve("report.txt"), report);
    } catch (Exception e) {
      e.printStackTrace();
      code = 1;
    }
    System.exit(code);
  }

  private static List<Outcome> run(Bench bench, Set<String> only, String peerHeap)
      throws Exception {
    List<Outcome> outcomes = new ArrayList<>();
    try (Connection province = bench.connect(Bench.PROVINCE);
        Connection ministry = bench.connect(Bench.MINISTRY)) {
      double load = ProvinceTable.load(province, Bench.people(), bench.records());
      log("loaded %,d province rows with COPY in %.1f s", bench.records(), load);
      if (only.contains("copy")) {
        outcomes.add(logged(CopyLimit.run(province, ministry, bench.records())));
      }
      if (only.contains("truc-polling")) {
        outcomes.add(
            logged(new TrucPipeline(bench, TrucPipeline.Source.POLLING).run(province, ministry)));
        if (only.contains("kafka")) {
          outcomes.add(logged(kafkaLimit(bench, "consume")));
          outcomes.add(logged(kafkaLimit(bench, "produce")));
        }
        bench.reset(province);
      }
      if (only.contains("truc-cdc")) {
        outcomes.add(
            logged(new TrucPipeline(bench, TrucPipeline.Source.CDC).run(province, ministry)));
        bench.reset(province);
      }
      if (only.contains("peer")) {
        outcomes.add(logged(new PeerPipeline(bench, peerHeap).run(province, ministry)));
        bench.reset(province);
      }
    }
    return outcomes;
  }

  /** A raw Kafka client in its own JVM, on the records Trục's polling run left in the topic. */
  private static Outcome kafkaLimit(Bench bench, String mode) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-Xmx1g",
                "-cp",
                bench.trucJar().toString(),
                "-Dloader.main=" + KafkaLimit.class.getName(),
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                mode,
                bench.kafkaBootstrap(),
                CONTRACT_TOPIC,
                Integer.toString(bench.records())));
    if (mode.equals("produce")) {
      args.add("bench.producer-limit");
    }
    Path log = bench.work().resolve("kafka-" + mode + ".log");
    try (Child client = Child.java("limit: Kafka " + mode, args, log)) {
      if (client.awaitExit(Duration.ofMinutes(30)) != 0) {
        throw new IllegalStateException(client.name() + " failed:\n" + client.logTail());
      }
      String line =
          Files.readAllLines(log).stream()
              .filter(l -> l.startsWith(KafkaLimit.RESULT))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no result in " + log));
      String[] f = line.substring(KafkaLimit.RESULT.length()).split(" ");
      long n = Long.parseLong(f[0]);
      double seconds = Double.parseDouble(f[1]);
      Usage usage =
          new Usage(Double.parseDouble(f[4]), Long.parseLong(f[5]), client.machineCpuSeconds());
      return new Outcome(
          mode.equals("produce") ? "limit: Kafka producer (acks=all)" : "limit: Kafka consumer",
          n,
          n / seconds,
          Double.parseDouble(f[2]),
          Double.parseDouble(f[3]),
          usage,
          -1,
          -1);
    }
  }

  private static Outcome logged(Outcome o) {
    log(
        "%s: %,d records, %,.0f records/s, CPU %.1f s, peak RSS %d MiB",
        o.name(),
        o.records(),
        o.recordsPerSecond(),
        o.usage().processCpuSeconds(),
        o.usage().peakRssBytes() >> 20);
    return o;
  }

  static void log(String format, Object... args) {
    System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
  }

  static Map<String, String> options(String[] argv) {
    Map<String, String> o = new HashMap<>();
    for (String a : argv) {
      if (!a.startsWith("--") || !a.contains("=")) {
        throw new IllegalArgumentException("options are --name=value, not " + a);
      }
      o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    return o;
  }
}
