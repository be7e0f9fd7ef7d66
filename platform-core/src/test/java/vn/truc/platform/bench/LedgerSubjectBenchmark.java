package vn.truc.platform.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.truc.platform.TrucProperties;
import vn.truc.platform.embedded.EmbeddedPostgresServer;
import vn.truc.platform.ledger.LedgerBound;
import vn.truc.platform.ledger.LedgerEntry;
import vn.truc.platform.ledger.LedgerHash;
import vn.truc.platform.ledger.LedgerKeys;
import vn.truc.platform.ledger.LedgerProperties;
import vn.truc.platform.ledger.LedgerService;
import vn.truc.platform.ledger.SubjectTrail;
import vn.truc.platform.ledger.VerifyReport;
import vn.truc.platform.store.JdbcExchangeLog;
import vn.truc.routes.ledger.ExchangeEntry;

/**
 * The data-subject trail over a large ledger: a fresh embedded PostgreSQL with the platform's
 * schema (Flyway), filled by COPY with a hash-chained ledger of N record-key rows (default 10
 * million: 2 million people, each ingested twice and delivered three times, in batches of 500),
 * then timed: the subject query as the API runs it, verification of the whole chain, and appends
 * through the real exchange log on top. Prints one result block (docs/benchmarks.md).
 *
 * <pre>
 * ./mvnw -q -o -pl platform-core test-compile spring-boot:test-run \
 *   -Dspring-boot.run.main-class=vn.truc.platform.bench.LedgerSubjectBenchmark \
 *   [-Dspring-boot.run.arguments="--keys=10000000 --batch=500 --lookups=2000 --appends=400 --keep"]
 * </pre>
 */
public final class LedgerSubjectBenchmark {

  /** Each person's appearances, in this order: who acted, for which agency, with what outcome. */
  private static final String[][] ROUNDS = {
    {"INGESTED", "p37-hr", "P37"},
    {"DELIVERED", "bnv-national", "BNV"},
    {"DELIVERED", "bca-population", "BCA"},
    {"INGESTED", "p37-hr", "P37"},
    {"DELIVERED", "bnv-national", "BNV"},
  };

  private final long keys;
  private final int batch;
  private final int lookups;
  private final int appends;
  private final boolean keep;
  private final long people;
  private final long entriesPerRound;
  private final Instant start = Instant.parse("2026-01-01T00:00:00Z");

  private LedgerSubjectBenchmark(long keys, int batch, int lookups, int appends, boolean keep) {
    this.keep = keep;
    this.batch = batch;
    this.lookups = lookups;
    this.appends = appends;
    this.entriesPerRound = Math.max(1, keys / ROUNDS.length / batch);
    this.people = entriesPerRound * batch;
    this.keys = people * ROUNDS.length;
  }

  public static void main(String[] args) throws Exception {
    long keys = 10_000_000;
    int batch = 500;
    int lookups = 2_000;
    int appends = 400;
    boolean keep = false;
    for (String a : args) {
      String[] kv = a.replaceFirst("^--", "").split("=", 2);
      switch (kv[0]) {
        case "keys" -> keys = Long.parseLong(kv[1].replace("_", ""));
        case "batch" -> batch = Integer.parseInt(kv[1]);
        case "lookups" -> lookups = Integer.parseInt(kv[1]);
        case "appends" -> appends = Integer.parseInt(kv[1]);
        case "keep" -> keep = true;
        default -> throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    new LedgerSubjectBenchmark(keys, batch, lookups, appends, keep).run();
    System.exit(0);
  }

  private void run() throws Exception {
    Path dir =
        Files.createDirectories(
            Path.of(
                "target",
                "bench",
                "ledger-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now())));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("postgres"), port)) {
      pg.createDatabase("truc");
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(pg.jdbcUrl("truc"));
      config.setUsername(EmbeddedPostgresServer.USER);
      config.setMaximumPoolSize(4);
      try (HikariDataSource ds = new HikariDataSource(config)) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        measure(ds, dir);
      }
    } finally {
      if (!keep) {
        // 2.4 GB per run at the default size, of no use once the figures are printed.
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private void measure(HikariDataSource ds, Path dir) throws Exception {
    long t0 = System.nanoTime();
    long entries = fillEntries(ds);
    double entrySeconds = seconds(t0);

    long t1 = System.nanoTime();
    List<String> indexes = dropIndexes(ds);
    copyKeys(ds);
    double copySeconds = seconds(t1);
    long t2 = System.nanoTime();
    execute(ds, indexes.toArray(String[]::new));
    execute(
        ds,
        "ALTER TABLE ledger_key ADD CONSTRAINT ledger_key_pkey"
            + " PRIMARY KEY USING INDEX ledger_key_pkey");
    double indexSeconds = seconds(t2);
    long t3 = System.nanoTime();
    // What autovacuum does in production; without it the index cannot answer alone.
    execute(ds, "VACUUM ANALYZE ledger_key", "VACUUM ANALYZE exchange_log");
    double vacuumSeconds = seconds(t3);

    LedgerProperties properties =
        new LedgerProperties(
            null,
            List.of(),
            1000,
            Duration.ofMinutes(1),
            ZoneId.of("Asia/Ho_Chi_Minh"),
            java.util.Map.of());
    LedgerKeys keyring =
        new LedgerKeys(
            properties,
            new TrucProperties(dir, List.of(), 3, new TrucProperties.Retry(5, 500, 10000)));
    LedgerService ledger = new LedgerService(new JdbcTemplate(ds), keyring);

    Random random = new Random(2026);
    for (int i = 0; i < 200; i++) {
      ledger.subject(personalId(Math.floorMod(random.nextLong(), people)), 0, 100);
    }
    Histogram present = new Histogram(60_000_000L, 3);
    long rows = 0;
    for (int i = 0; i < lookups; i++) {
      String id = personalId(Math.floorMod(random.nextLong(), people));
      long s = System.nanoTime();
      SubjectTrail trail = ledger.subject(id, 0, 100);
      present.recordValue((System.nanoTime() - s) / 1000);
      rows += trail.deliveries().size();
      if (trail.total() != 3) {
        throw new IllegalStateException(id + " should have 3 deliveries, has " + trail.total());
      }
    }
    Histogram absent = new Histogram(60_000_000L, 3);
    for (int i = 0; i < lookups; i++) {
      long s = System.nanoTime();
      ledger.subject(personalId(people + random.nextInt(1_000_000)), 0, 100);
      absent.recordValue((System.nanoTime() - s) / 1000);
    }
    String plan = explain(ds, personalId(people / 2));

    long t4 = System.nanoTime();
    VerifyReport verified = ledger.verify(null, null);
    double verifySeconds = seconds(t4);
    if (!verified.ok()) {
      throw new IllegalStateException("the generated ledger does not verify: " + verified);
    }

    JdbcExchangeLog log =
        new JdbcExchangeLog(
            new JdbcTemplate(ds), keyring, properties, vn.truc.schemas.ContractCatalog.standard());
    Histogram append = new Histogram(60_000_000L, 3);
    long t5 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      long offset = people + 2_000_000L + t * (long) appends * batch;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < appends / 2; i++) {
                  List<String> ids = new ArrayList<>(batch);
                  for (int k = 0; k < batch; k++) {
                    ids.add(personalId(offset + (long) i * batch + k));
                  }
                  long s = System.nanoTime();
                  log.append(
                      new ExchangeEntry(
                          ExchangeEntry.Kind.DELIVERED,
                          Instant.now(),
                          "bnv-national",
                          "BNV",
                          "CivilServant",
                          batch,
                          ids,
                          "a",
                          "b",
                          null));
                  synchronized (append) {
                    append.recordValue((System.nanoTime() - s) / 1000);
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    double appendSeconds = seconds(t5);
    VerifyReport after = ledger.verify(new LedgerBound.Seq(entries + 1), null);

    System.out.println(
        String.format(
            Locale.ROOT,
            "%n=== Trục ledger benchmark: data-subject trail over ledger_key ===%n"
                + "ledger                  %,d entries of %d keys, %,d ledger_key rows, %,d people%n"
                + "fill                    entries %.1f s (hashed, COPY); keys COPY %.1f s"
                + " (%,.0f rows/s); indexes %.1f s; VACUUM ANALYZE %.1f s%n"
                + "sizes                   ledger_key %s (heap %s, primary key %s,"
                + " record_key index %s); exchange_log %s%n"
                + "subject trail           %,d lookups of a person with 3 deliveries:"
                + " p50 %.2f ms  p99 %.2f ms  max %.2f ms (%,d rows)%n"
                + "  person never seen     p50 %.2f ms  p99 %.2f ms%n"
                + "verify whole chain      %.1f s (%,d entries, %,d keys cross-checked)%n"
                + "append (2 threads)      %,d entries of %d keys in %.1f s: %.0f entries/s,"
                + " p50 %.1f ms  p99 %.1f ms; chain after: %s%n"
                + "plan of the page query:%n%s%n"
                + "cores %d, max heap %d MiB%n",
            entries,
            batch,
            keys,
            people,
            entrySeconds,
            copySeconds,
            keys / copySeconds,
            indexSeconds,
            vacuumSeconds,
            size(ds, "pg_total_relation_size('ledger_key')"),
            size(ds, "pg_relation_size('ledger_key')"),
            size(ds, "pg_relation_size('ledger_key_pkey')"),
            size(ds, "pg_relation_size('ledger_key_record')"),
            size(ds, "pg_total_relation_size('exchange_log')"),
            lookups,
            present.getValueAtPercentile(50) / 1000.0,
            present.getValueAtPercentile(99) / 1000.0,
            present.getMaxValue() / 1000.0,
            rows,
            absent.getValueAtPercentile(50) / 1000.0,
            absent.getValueAtPercentile(99) / 1000.0,
            verifySeconds,
            verified.entriesChecked(),
            keys,
            appends / 2 * 2,
            batch,
            appendSeconds,
            (appends / 2 * 2) / appendSeconds,
            append.getValueAtPercentile(50) / 1000.0,
            append.getValueAtPercentile(99) / 1000.0,
            after.ok() ? "verifies" : "BROKEN " + after.problem(),
            plan.indent(2),
            Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() >> 20));
  }

  /** Entries 1..n, hashed and chained, one COPY; the chain head and id sequence follow them. */
  private long fillEntries(HikariDataSource ds) throws Exception {
    long n = entriesPerRound * ROUNDS.length;
    String prev = LedgerHash.GENESIS;
    try (Connection c = ds.getConnection()) {
      CopyIn copy =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "COPY exchange_log (id, seq, prev_hash, entry_hash, kind, at, actor, agency,"
                      + " contract, record_count, record_keys, first_position, last_position)"
                      + " FROM STDIN");
      StringBuilder line = new StringBuilder(batch * 14 + 512);
      for (long seq = 1; seq <= n; seq++) {
        String[] round = ROUNDS[(int) ((seq - 1) / entriesPerRound)];
        List<String> ids = batchKeys(seq);
        LedgerEntry e =
            new LedgerEntry(
                seq,
                prev,
                round[0],
                start.plusMillis(seq * 100),
                round[1],
                round[2],
                "CivilServant",
                null,
                ids.size(),
                ids,
                "pos-" + seq + "-first",
                "pos-" + seq + "-last",
                null,
                null,
                null);
        String hash = e.hash();
        line.setLength(0);
        line.append(seq).append('\t').append(seq).append('\t').append(prev).append('\t');
        line.append(hash).append('\t').append(e.kind()).append('\t');
        line.append(LedgerEntry.formatTime(e.at())).append('\t');
        line.append(e.actor()).append('\t').append(e.agency()).append('\t');
        line.append(e.contract()).append('\t').append(e.recordCount()).append("\t{");
        line.append(String.join(",", ids)).append("}\t");
        line.append(e.firstPosition()).append('\t').append(e.lastPosition()).append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        prev = hash;
      }
      copy.endCopy();
      try (Statement s = c.createStatement()) {
        s.execute(
            "UPDATE ledger_head SET seq = " + n + ", entry_hash = '" + prev + "', entry_id = " + n);
        s.execute("SELECT setval(pg_get_serial_sequence('exchange_log', 'id'), " + n + ")");
      }
    }
    return n;
  }

  private void copyKeys(HikariDataSource ds) throws SQLException {
    long n = entriesPerRound * ROUNDS.length;
    try (Connection c = ds.getConnection()) {
      CopyIn copy =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("COPY ledger_key (entry_id, record_key) FROM STDIN");
      StringBuilder chunk = new StringBuilder(1 << 20);
      for (long seq = 1; seq <= n; seq++) {
        for (String id : batchKeys(seq)) {
          chunk.append(seq).append('\t').append(id).append('\n');
        }
        if (chunk.length() > (1 << 20) - 64 * batch) {
          byte[] bytes = chunk.toString().getBytes(StandardCharsets.US_ASCII);
          copy.writeToCopy(bytes, 0, bytes.length);
          chunk.setLength(0);
        }
      }
      byte[] bytes = chunk.toString().getBytes(StandardCharsets.US_ASCII);
      copy.writeToCopy(bytes, 0, bytes.length);
      copy.endCopy();
    }
  }

  /**
   * The people of entry {@code seq}: each round walks all people in its own scrambled order (i ->
   * a*i + b mod people, a bijection for a prime a not dividing the count), so every batch mixes
   * people from everywhere, as real change batches do.
   */
  private List<String> batchKeys(long seq) {
    int round = (int) ((seq - 1) / entriesPerRound);
    long first = ((seq - 1) % entriesPerRound) * batch;
    long a = multiplier(round);
    long b = 7_919L * (round + 1);
    List<String> ids = new ArrayList<>(batch);
    for (long i = first; i < first + batch; i++) {
      ids.add(personalId(Math.floorMod(a * i + b, people)));
    }
    return ids;
  }

  private long multiplier(int round) {
    long[] primes = {1_000_003L, 1_000_033L, 1_000_037L, 1_000_039L, 1_000_081L, 1_000_099L};
    for (int i = round; i < primes.length + round; i++) {
      long p = primes[i % primes.length];
      if (people % p != 0) {
        return p;
      }
    }
    throw new IllegalStateException("no multiplier for " + people + " people");
  }

  /** A 12-digit personal ID number: a legacy province code and a serial. */
  private static String personalId(long person) {
    return String.format(Locale.ROOT, "%03d%09d", 1 + person % 96, person);
  }

  /** Drops ledger_key's indexes for the bulk load; returns the statements that recreate them. */
  private static List<String> dropIndexes(HikariDataSource ds) throws SQLException {
    List<String> create = new ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = 'ledger_key'")) {
        while (rs.next()) {
          create.add(rs.getString(1));
        }
      }
      s.execute("ALTER TABLE ledger_key DROP CONSTRAINT ledger_key_pkey");
      s.execute("DROP INDEX IF EXISTS ledger_key_record");
    }
    return create;
  }

  private static String explain(HikariDataSource ds, String personalId) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "EXPLAIN (ANALYZE, BUFFERS) SELECT e.id, e.seq, e.at, e.actor, e.agency,"
                    + " e.contract, e.contract_version, e.purpose, e.legal_basis, e.record_count"
                    + " FROM ledger_key k JOIN exchange_log e ON e.id = k.entry_id"
                    + " WHERE k.record_key = '"
                    + personalId
                    + "' AND e.kind = 'DELIVERED' ORDER BY e.seq NULLS FIRST, e.id"
                    + " LIMIT 100 OFFSET 0")) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString().stripTrailing();
  }

  private static void execute(HikariDataSource ds, String... sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  private static String size(HikariDataSource ds, String expression) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_size_pretty(" + expression + ")")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
