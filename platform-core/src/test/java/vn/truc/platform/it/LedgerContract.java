package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.truc.platform.TrucApplication;
import vn.truc.platform.ledger.ArchiveVerifier;
import vn.truc.platform.ledger.LedgerKeys;
import vn.truc.platform.ledger.LedgerProperties;
import vn.truc.platform.ledger.LedgerService;
import vn.truc.platform.ledger.VerifyReport;
import vn.truc.platform.store.JdbcExchangeLog;
import vn.truc.routes.ledger.ExchangeEntry;
import vn.truc.routes.ledger.ExchangeEntry.Kind;
import vn.truc.routes.ledger.ExchangeLog;

/**
 * The exchange ledger on a real PostgreSQL, appended through the platform's own exchange log: the
 * chain holds under concurrent appends; an attacker with the database owner's rights who changes a
 * count, deletes an entry, swaps two entries, forges a key row or alters a checkpoint is caught,
 * with the entry named; an export verifies offline and not after one byte changed; a person's trail
 * shows exactly the deliveries that carried their record; the platform's role cannot change or
 * remove entries.
 */
abstract class LedgerContract extends EnginesContract {

  private static final AtomicLong PERSON = new AtomicLong(1);

  private TestPlatform platform;
  private ConfigurableApplicationContext app;
  private ExchangeLog log;
  private PlatformHttp api;
  private String baseUrl;
  private Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    platform = TestPlatform.prepare(engines());
    dir = Files.createDirectories(Path.of("target", "ledger-it", Long.toString(System.nanoTime())));
    // No flows: every entry in this ledger is one the test appended.
    app =
        new SpringApplicationBuilder(TrucApplication.class)
            .run(
                "--spring.datasource.url=" + platform.platformUrl(),
                "--spring.datasource.username=" + engines().postgresUser(),
                "--spring.datasource.password=" + engines().postgresPassword(),
                "--spring.kafka.bootstrap-servers=" + engines().kafkaBootstrapServers(),
                "--truc.data-dir=" + dir.resolve("data"),
                "--truc.ledger.checkpoint-every=5",
                "--truc.ledger.checkpoint-interval=PT1H",
                "--truc.ledger.retention.RetentionProbe=PT0S",
                "--server.port=0");
    log = app.getBean(JdbcExchangeLog.class);
    baseUrl = TestPlatform.baseUrl(app);
    api = PlatformHttp.asPlatformAdmin(app);
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void concurrentAppendsFormOneChainWithEveryKeyIndexed() throws Exception {
    long before = headSeq();
    int threads = 4;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String actor = "it-concurrent-" + t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    String person = person();
                    // The same key twice in one batch (a person updated twice) is indexed once.
                    log.append(
                        entry(Kind.DELIVERED, actor, "P37", List.of(person, person, person())));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    long after = headSeq();
    assertThat(after - before).isEqualTo((long) threads * each);
    try (Connection c = owner();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT e.seq, e.prev_hash, e.entry_hash,"
                    + " (SELECT COUNT(*) FROM ledger_key k WHERE k.entry_id = e.id)"
                    + " FROM exchange_log e WHERE e.seq > "
                    + before
                    + " ORDER BY e.seq")) {
      long expected = before + 1;
      String previous = null;
      while (rs.next()) {
        assertThat(rs.getLong(1)).isEqualTo(expected++);
        if (previous != null) {
          assertThat(rs.getString(2)).isEqualTo(previous);
        }
        previous = rs.getString(3);
        assertThat(rs.getLong(4)).as("distinct keys indexed").isEqualTo(2);
      }
      assertThat(expected).isEqualTo(after + 1);
    }
    JsonNode report = verify("");
    assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
    assertThat(report.get("entriesChecked").asLong()).isEqualTo(after);
    assertThat(report.get("checkpointsChecked").asLong()).isGreaterThanOrEqualTo(after / 5);
  }

  @Test
  void aChangedCountIsNamed() throws Exception {
    long seq = appendSome(3) - 1;
    long id = idOf(seq);
    asOwnerWithout(
        "exchange_log_append_only",
        "UPDATE exchange_log SET record_count = 2000 WHERE seq = " + seq);
    try {
      JsonNode problem = brokenAt(seq);
      assertThat(problem.get("kind").asText()).isEqualTo("HASH_MISMATCH");
      assertThat(problem.get("entryId").asLong()).isEqualTo(id);
      assertThat(problem.get("message").asText()).contains("entry " + seq + " (id " + id + ")");
    } finally {
      asOwnerWithout(
          "exchange_log_append_only",
          "UPDATE exchange_log SET record_count = 2 WHERE seq = " + seq);
    }
    assertIntact();
  }

  @Test
  void aDeletedEntryIsNamedByItsSequenceNumber() throws Exception {
    long seq = appendSome(3) - 1;
    String saved = "deleted_" + seq;
    try (Connection c = owner();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + saved + " AS SELECT * FROM exchange_log WHERE seq = " + seq);
    }
    asOwnerWithout("exchange_log_no_delete", "DELETE FROM exchange_log WHERE seq = " + seq);
    try {
      JsonNode problem = brokenAt(seq);
      assertThat(problem.get("kind").asText()).isEqualTo("MISSING_SEQUENCE");
      assertThat(problem.get("message").asText())
          .contains("entry " + seq + " is missing before entry " + (seq + 1));
    } finally {
      try (Connection c = owner();
          Statement s = c.createStatement()) {
        s.execute("INSERT INTO exchange_log OVERRIDING SYSTEM VALUE SELECT * FROM " + saved);
        s.execute("DROP TABLE " + saved);
      }
    }
    assertIntact();
  }

  /** Two rows swap everything but their id and sequence number: the story's order changes. */
  @Test
  void swappedEntriesAreNamed() throws Exception {
    long last = appendSome(4);
    long first = last - 2;
    String swap =
        "UPDATE exchange_log t SET (kind, at, actor, agency, contract, record_count, record_keys,"
            + " first_position, last_position, detail, prev_hash, entry_hash) ="
            + " (SELECT kind, at, actor, agency, contract, record_count, record_keys,"
            + " first_position, last_position, detail, prev_hash, entry_hash"
            + " FROM exchange_log o WHERE o.seq = CASE t.seq WHEN "
            + first
            + " THEN "
            + last
            + " ELSE "
            + first
            + " END) WHERE t.seq IN ("
            + first
            + ", "
            + last
            + ")";
    asOwnerWithout("exchange_log_append_only", swap);
    try {
      JsonNode problem = brokenAt(first);
      assertThat(problem.get("kind").asText()).isEqualTo("ORDER_BROKEN");
      assertThat(problem.get("entryId").asLong()).isEqualTo(idOf(first));
      assertThat(problem.get("message").asText())
          .contains("written after entry " + (last - 1) + ", not after entry " + (first - 1));
    } finally {
      asOwnerWithout("exchange_log_append_only", swap);
    }
    assertIntact();
  }

  /** INSERT is allowed to the platform: a forged key row is caught against the entry's hash. */
  @Test
  void aForgedKeyRowIsNamed() throws Exception {
    long seq = appendSome(2);
    long id = idOf(seq);
    String forged = person();
    try (Connection c = owner();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO ledger_key (entry_id, record_key) VALUES (" + id + ", '" + forged + "')");
    }
    assertThat(subject(forged).get("total").asLong()).isEqualTo(1);
    try {
      JsonNode problem = brokenAt(seq);
      assertThat(problem.get("kind").asText()).isEqualTo("KEYS_MISMATCH");
      assertThat(problem.get("message").asText()).contains(forged);
    } finally {
      asOwnerWithout(
          "ledger_key_append_only",
          "DELETE FROM ledger_key WHERE entry_id = " + id + " AND record_key = '" + forged + "'");
    }
    assertIntact();
  }

  @Test
  void anAlteredCheckpointIsNamed() throws Exception {
    long head = headSeq();
    appendSome((int) (5 - head % 5) + 1);
    long seq;
    String signature;
    try (Connection c = owner();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT seq, signature FROM ledger_checkpoint ORDER BY seq DESC LIMIT 1")) {
      rs.next();
      seq = rs.getLong(1);
      signature = rs.getString(2);
    }
    assertThat(seq).isGreaterThan(head);
    String altered = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
    String set = "UPDATE ledger_checkpoint SET signature = '%s' WHERE seq = " + seq;
    asOwnerWithout("ledger_checkpoint_append_only", String.format(set, altered));
    try {
      JsonNode problem = brokenAt(seq);
      assertThat(problem.get("kind").asText()).isEqualTo("BAD_CHECKPOINT_SIGNATURE");
      assertThat(problem.get("message").asText()).contains("checkpoint of entry " + seq);
    } finally {
      asOwnerWithout("ledger_checkpoint_append_only", String.format(set, signature));
    }
    assertIntact();
  }

  @Test
  void anExportVerifiesOfflineAndFailsOnceOneByteChanges() throws Exception {
    appendSome(7);
    assertThat(api.call("POST", "/api/ledger/checkpoints", null, null).status()).isEqualTo(200);
    HttpResponse<byte[]> export = get("/api/ledger/export", null);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
    Path archive = dir.resolve("export.jsonl");
    Files.write(archive, export.body());
    Path key = dir.resolve("ledger.pub.pem");
    Files.writeString(
        key, api.call("GET", "/api/ledger/public-key", null, null).expect(200).get("pem").asText());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(verifyOffline(out, "--public-key", key.toString(), archive.toString()))
        .as(out.toString(StandardCharsets.UTF_8))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("OK: entries 1 to " + headSeq() + " (" + headSeq() + " entries");

    byte[] changed = export.body().clone();
    int at = changed.length / 2;
    changed[at] = (byte) (changed[at] == '1' ? '2' : '1');
    Path tampered = dir.resolve("tampered.jsonl");
    Files.write(tampered, changed);
    out.reset();
    assertThat(verifyOffline(out, "--public-key", key.toString(), tampered.toString()))
        .isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("BROKEN: ");

    // The documented command, on the platform jar the package phase built.
    if (Files.isRegularFile(PlatformProcess.JAR)) {
      assertThat(runJar(archive)).isZero();
      assertThat(runJar(tampered)).isEqualTo(1);
    }

    HttpResponse<byte[]> part = get("/api/ledger/export?from=3&to=6", null);
    Files.write(archive, part.body());
    out.reset();
    assertThat(verifyOffline(out, archive.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK: entries 3 to 6 (4 entries");
  }

  @Test
  void retentionRemovesTheKeysOfArchivedEntriesOnlyAndEverythingStillVerifies() throws Exception {
    String archivedPerson = person();
    log.append(probe(archivedPerson));
    long archivedSeq = headSeq();
    HttpResponse<byte[]> export =
        get("/api/ledger/export?from=" + archivedSeq + "&to=" + archivedSeq, null);
    assertThat(export.statusCode()).isEqualTo(200);
    Path archive = dir.resolve("retention-archive.jsonl");
    Files.write(archive, export.body());
    String laterPerson = person();
    log.append(probe(laterPerson));
    long laterSeq = headSeq();
    try (Connection c = owner();
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () ->
                  s.execute(
                      "UPDATE exchange_log SET record_keys = '{}', redacted_at = now() WHERE seq = "
                          + laterSeq))
          .as("an entry no archive covers keeps its keys")
          .hasMessageContaining("append-only");
    }

    JsonNode redacted = api.call("POST", "/api/ledger/retention", null, null).expect(200);
    assertThat(redacted.get("RetentionProbe").asInt()).isEqualTo(1);
    assertThat(subject(archivedPerson).get("deliveries")).isEmpty();
    assertThat(subject(laterPerson).get("deliveries")).hasSize(1);
    JsonNode entries =
        api.call("GET", "/api/ledger/entries?contract=RetentionProbe", null, null).expect(200);
    assertThat(entries.at("/entries/0/keys")).isEmpty();
    assertThat(entries.at("/entries/0/recordCount").asInt()).isEqualTo(1);
    assertThat(entries.at("/entries/1/keys/0").asText()).isEqualTo(laterPerson);

    JsonNode report = verify("?from=" + archivedSeq);
    assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
    assertThat(report.get("redacted").asLong()).isEqualTo(1);
    // The archive made before still holds the entry whole and verifies offline.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(verifyOffline(out, archive.toString()))
        .as(out.toString(StandardCharsets.UTF_8))
        .isZero();
    assertThat(Files.readString(archive)).contains(archivedPerson);
    // An export made after retention carries the entry flagged, and verifies too.
    Files.write(archive, get("/api/ledger/export?from=" + archivedSeq, null).body());
    out.reset();
    assertThat(verifyOffline(out, archive.toString()))
        .as(out.toString(StandardCharsets.UTF_8))
        .isZero();
    assertThat(Files.readString(archive))
        .contains("\"redacted\":true")
        .doesNotContain(archivedPerson);
    // That export archived the later entry too: the next run redacts it, the one after nothing.
    assertThat(retention()).isEqualTo(1);
    assertThat(subject(laterPerson).get("deliveries")).isEmpty();
    assertThat(retention()).isZero();
    report = verify("?from=" + archivedSeq);
    assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
    assertThat(report.get("redacted").asLong()).isEqualTo(2);
  }

  private int retention() throws Exception {
    return api.call("POST", "/api/ledger/retention", null, null)
        .expect(200)
        .get("RetentionProbe")
        .asInt();
  }

  private static ExchangeEntry probe(String person) {
    return new ExchangeEntry(
        Kind.DELIVERED,
        Instant.now(),
        "it-retention",
        "BNV",
        "RetentionProbe",
        1,
        List.of(person),
        "truc.probe/0@1",
        "truc.probe/0@1",
        null);
  }

  @Test
  void aPersonsTrailShowsExactlyTheDeliveriesThatCarriedTheirRecord() throws Exception {
    String delivered = person();
    String neverDelivered = person();
    String other = person();
    log.append(entry(Kind.INGESTED, "it-p37-hr", "P37", List.of(delivered, neverDelivered)));
    log.append(entry(Kind.REJECTED, "it-p37-hr", "P37", List.of(delivered)));
    log.append(entry(Kind.DELIVERED, "it-bnv-national", "BNV", List.of(other, delivered)));
    log.append(entry(Kind.DELIVERED, "it-bca-population", "BCA", List.of(delivered)));
    log.append(entry(Kind.DELIVERED, "it-bnv-national", "BNV", List.of(other)));

    JsonNode trail = subject(delivered);
    assertThat(trail.get("total").asLong()).isEqualTo(2);
    List<String> receivers = new ArrayList<>();
    for (JsonNode d : trail.get("deliveries")) {
      receivers.add(d.get("subscription").asText() + "/" + d.get("agency").asText());
      assertThat(d.has("purpose")).isTrue();
      assertThat(d.has("legalBasis")).isTrue();
      assertThat(d.get("at").asText()).isNotEmpty();
    }
    assertThat(receivers).containsExactly("it-bnv-national/BNV", "it-bca-population/BCA");

    JsonNode none = subject(neverDelivered);
    assertThat(none.get("total").asLong()).isZero();
    assertThat(none.get("deliveries")).isEmpty();
    assertThat(subject(person()).get("deliveries")).isEmpty();

    HttpResponse<byte[]> csv = get("/api/ledger/subjects/" + delivered + "?format=csv", null);
    List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("personal_id,entry_id,seq,at,subscription,agency");
    assertThat(lines.get(2)).startsWith(delivered + ",").contains(",it-bca-population,BCA,");
  }

  @Test
  void auditorsSearchByAgencySubscriptionOutcomeAndTimeInJsonOrCsv() throws Exception {
    Instant since = Instant.now().minusSeconds(1);
    String agency = "A" + PERSON.getAndIncrement();
    log.append(entry(Kind.DELIVERED, "it-search-sub", agency, List.of(person())));
    log.append(entry(Kind.REJECTED, "it-search-sub", agency, List.of(person())));
    log.append(entry(Kind.DELIVERED, "it-search-sub", agency, List.of(person(), person())));
    log.append(entry(Kind.INGESTED, "it-search-conn", agency, List.of(person())));

    JsonNode delivered =
        api.call(
                "GET",
                "/api/ledger/entries?agency=" + agency + "&outcome=delivered&size=1&page=1",
                null,
                null)
            .expect(200);
    assertThat(delivered.get("total").asLong()).isEqualTo(2);
    assertThat(delivered.get("entries")).hasSize(1);
    assertThat(delivered.at("/entries/0/keys")).hasSize(2);
    assertThat(delivered.at("/entries/0/hash").asText()).hasSize(64);

    JsonNode bySubscription =
        api.call(
                "GET",
                "/api/ledger/entries?subscription=it-search-sub&agency=" + agency,
                null,
                null)
            .expect(200);
    assertThat(bySubscription.get("total").asLong()).isEqualTo(3);
    JsonNode byConnector =
        api.call("GET", "/api/ledger/entries?connector=it-search-conn&from=" + since, null, null)
            .expect(200);
    assertThat(byConnector.get("total").asLong()).isEqualTo(1);
    JsonNode future =
        api.call(
                "GET",
                "/api/ledger/entries?agency=" + agency + "&from=" + Instant.now().plusSeconds(60),
                null,
                null)
            .expect(200);
    assertThat(future.get("total").asLong()).isZero();

    HttpResponse<byte[]> csv = get("/api/ledger/entries?agency=" + agency, "text/csv");
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(new String(csv.body(), StandardCharsets.UTF_8).lines()).hasSize(5);

    JsonNode bad =
        api.call("GET", "/api/ledger/entries?outcome=LOST&from=yesterday", null, null).expect(400);
    assertThat(bad.at("/problems/0/field").asText()).isIn("outcome", "from");
  }

  @Test
  void thePlatformsRoleCannotChangeOrRemoveEntries() throws Exception {
    long seq = appendSome(1);
    // A checkpoint to try to remove: row triggers fire only on rows that exist.
    assertThat(api.call("POST", "/api/ledger/checkpoints", null, null).status()).isEqualTo(200);
    try (Connection c = platformRole();
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "UPDATE exchange_log SET record_count = 0 WHERE seq = " + seq,
              "UPDATE exchange_log SET seq = seq + 1000000 WHERE seq = " + seq,
              "DELETE FROM exchange_log WHERE seq = " + seq,
              "TRUNCATE exchange_log CASCADE",
              "UPDATE ledger_key SET record_key = 'x'",
              "DELETE FROM ledger_key",
              "DELETE FROM ledger_checkpoint",
              "UPDATE ledger_checkpoint SET seq = seq")) {
        assertThatThrownBy(() -> s.execute(sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("append-only");
      }
    }
    assertIntact();
  }

  /**
   * The production role model of docs/ledger.md, set up as written there: a separate owner runs the
   * migrations; the platform's role, with the default privileges the owner gives it, appends
   * through the real exchange log, signs and verifies, and can neither change nor remove an entry,
   * nor switch a trigger off. Even the owner has given up changing entries.
   */
  @Test
  void theDocumentedRoleModelLetsThePlatformAppendButNotAlter() throws Exception {
    String url = engines().postgresDatabase("truc_roles");
    try (Connection c = platform.platformDb();
        Statement s = c.createStatement()) {
      s.execute(
          "DO $$ BEGIN CREATE ROLE truc_owner_it LOGIN PASSWORD 'owner';"
              + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
      s.execute(
          "DO $$ BEGIN CREATE ROLE truc_app_it LOGIN PASSWORD 'app';"
              + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
      s.execute("ALTER DATABASE truc_roles OWNER TO truc_owner_it");
    }
    try (Connection c =
            DriverManager.getConnection(
                url, engines().postgresUser(), engines().postgresPassword());
        Statement s = c.createStatement()) {
      s.execute("ALTER SCHEMA public OWNER TO truc_owner_it");
      s.execute(
          "ALTER DEFAULT PRIVILEGES FOR ROLE truc_owner_it IN SCHEMA public"
              + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO truc_app_it");
      s.execute(
          "ALTER DEFAULT PRIVILEGES FOR ROLE truc_owner_it IN SCHEMA public"
              + " GRANT USAGE, SELECT ON SEQUENCES TO truc_app_it");
      s.execute("GRANT USAGE ON SCHEMA public TO truc_app_it");
    }
    Flyway.configure()
        .dataSource(url, "truc_owner_it", "owner")
        .locations("classpath:db/migration")
        .load()
        .migrate();

    DriverManagerDataSource asApp = new DriverManagerDataSource(url, "truc_app_it", "app");
    JdbcTemplate jdbcAsApp = new JdbcTemplate(asApp);
    LedgerKeys keys = app.getBean(LedgerKeys.class);
    JdbcExchangeLog appLog =
        new JdbcExchangeLog(
            jdbcAsApp,
            keys,
            app.getBean(LedgerProperties.class),
            vn.truc.schemas.ContractCatalog.standard());
    appLog.append(entry(Kind.INGESTED, "it-app-role", "P37", List.of(person(), person())));
    appLog.append(entry(Kind.DELIVERED, "it-app-role", "BNV", List.of(person())));
    LedgerService ledger = new LedgerService(jdbcAsApp, keys);
    assertThat(ledger.chainUnchained()).isZero();
    assertThat(ledger.checkpoint().seq()).isEqualTo(2);
    VerifyReport report = ledger.verify(null, null);
    assertThat(report.ok()).as(String.valueOf(report.problem())).isTrue();
    assertThat(report.entriesChecked()).isEqualTo(2);
    assertThat(report.checkpointsChecked()).isEqualTo(1);

    try (Connection c = asApp.getConnection();
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "UPDATE exchange_log SET record_count = 0",
              "UPDATE exchange_log SET seq = seq + 10",
              "DELETE FROM exchange_log",
              "TRUNCATE exchange_log",
              "DELETE FROM ledger_key",
              "UPDATE ledger_checkpoint SET entry_hash = 'x'",
              "DELETE FROM ledger_head",
              "ALTER TABLE exchange_log DISABLE TRIGGER exchange_log_append_only")) {
        assertThatThrownBy(() -> s.execute(sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
      }
      assertThatThrownBy(() -> s.execute("UPDATE exchange_log SET record_count = 0"))
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> s.execute("DELETE FROM ledger_head"))
          .hasMessageContaining("append-only");
    }
    try (Connection c = DriverManager.getConnection(url, "truc_owner_it", "owner");
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("DELETE FROM exchange_log"))
          .hasMessageContaining("permission denied");
    }
    assertThat(ledger.verify(null, null).ok()).isTrue();
  }

  /**
   * An upgrade: entries logged before the ledger existed are indexed by the migration and chained,
   * oldest first, when the platform starts; from then on they are as fixed as any other entry.
   */
  @Test
  void entriesWrittenBeforeTheLedgerAreChainedOnStart() throws Exception {
    String url = engines().postgresDatabase("truc_upgrade");
    DriverManagerDataSource ds =
        new DriverManagerDataSource(url, engines().postgresUser(), engines().postgresPassword());
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .target(lastMigrationBeforeTheLedger())
        .load()
        .migrate();
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    String delivered = person();
    String ingested = person();
    String insert =
        "INSERT INTO exchange_log (kind, at, actor, agency, contract, record_count, record_keys,"
            + " first_position, last_position, detail) VALUES (?, now(), ?, ?, 'CivilServant', ?,"
            + " ?::text[], 'a', 'b', NULL)";
    jdbc.update(
        insert,
        "INGESTED",
        "old-p37-hr",
        "P37",
        3,
        "{" + delivered + "," + ingested + "," + delivered + "}");
    jdbc.update(insert, "DELIVERED", "old-bnv", "BNV", 1, "{" + delivered + "}");
    jdbc.update(insert, "REJECTED", "old-p37-hr", "P37", 1, "{" + ingested + "}");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

    LedgerService ledger = new LedgerService(jdbc, app.getBean(LedgerKeys.class));
    assertThat(ledger.verify(null, null).unchained()).isEqualTo(3);
    assertThat(ledger.subject(delivered, 0, 10).total()).isEqualTo(1);
    assertThat(ledger.chainUnchained()).isEqualTo(3);
    assertThat(ledger.chainUnchained()).isZero();

    VerifyReport report = ledger.verify(null, null);
    assertThat(report.ok()).as(String.valueOf(report.problem())).isTrue();
    assertThat(report.entriesChecked()).isEqualTo(3);
    assertThat(report.unchained()).isZero();
    assertThat(report.lastCheckpointSeq()).isEqualTo(3);
    assertThat(jdbc.queryForList("SELECT seq FROM exchange_log ORDER BY id", Long.class))
        .containsExactly(1L, 2L, 3L);
    assertThatThrownBy(() -> jdbc.update("UPDATE exchange_log SET record_count = 9 WHERE seq = 1"))
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.update("UPDATE exchange_log SET seq = NULL, entry_hash = NULL WHERE seq = 1"))
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update(insert, "INGESTED", "unchained", "P37", 0, "{}"))
        .rootCause()
        .hasMessageContaining("exchange_log_chained");
  }

  /** The newest migration before the ledger's (others are numbered below it and may be added). */
  private static String lastMigrationBeforeTheLedger() throws Exception {
    int newest = 1;
    for (Resource r :
        new PathMatchingResourcePatternResolver()
            .getResources("classpath*:db/migration/V*__*.sql")) {
      int v =
          Integer.parseInt(
              r.getFilename().substring(1, r.getFilename().indexOf("__")).split("[._]")[0]);
      if (v < 10) {
        newest = Math.max(newest, v);
      }
    }
    return Integer.toString(newest);
  }

  // --- helpers -------------------------------------------------------------------------------

  /** Appends {@code n} entries of two keys each; returns the last one's sequence number. */
  private long appendSome(int n) {
    for (int i = 0; i < n; i++) {
      log.append(entry(Kind.DELIVERED, "it-some", "BNV", List.of(person(), person())));
    }
    return headSeq();
  }

  private static ExchangeEntry entry(Kind kind, String actor, String agency, List<String> keys) {
    return new ExchangeEntry(
        kind,
        Instant.now(),
        actor,
        agency,
        "CivilServant",
        keys.size(),
        keys,
        "truc.civilservant.v1/0@1",
        "truc.civilservant.v1/0@" + keys.size(),
        kind == Kind.REJECTED ? "reasons: dateOfBirth \"31/02/1990\"" : null);
  }

  private static String person() {
    return String.format("0371%08d", PERSON.getAndIncrement());
  }

  private JsonNode verify(String query) throws Exception {
    return api.call("GET", "/api/ledger/verify" + query, null, null).expect(200);
  }

  /** Verification fails, and at {@code seq}; returns the problem. */
  private JsonNode brokenAt(long seq) throws Exception {
    JsonNode report = verify("");
    assertThat(report.get("ok").asBoolean()).as(report.toString()).isFalse();
    JsonNode problem = report.get("problem");
    assertThat(problem.get("seq").asLong()).as(problem.toString()).isEqualTo(seq);
    return problem;
  }

  private void assertIntact() throws Exception {
    JsonNode report = verify("");
    assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
    assertThat(report.get("entriesChecked").asLong()).isEqualTo(headSeq());
  }

  private JsonNode subject(String personalId) throws Exception {
    return api.call("GET", "/api/ledger/subjects/" + personalId, null, null).expect(200);
  }

  private HttpResponse<byte[]> get(String path, String accept) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + TestTokens.platformAdmin(app));
    if (accept != null) {
      r.header("Accept", accept);
    }
    HttpResponse<byte[]> response = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response;
  }

  /**
   * Runs SQL as the tables' owner with one trigger off, in one transaction: the attacker this test
   * plays has the owner's rights; other sessions never see the trigger off.
   */
  private void asOwnerWithout(String trigger, String sql) throws SQLException {
    String table =
        trigger.startsWith("exchange_log")
            ? "exchange_log"
            : trigger.startsWith("ledger_key") ? "ledger_key" : "ledger_checkpoint";
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE " + table + " DISABLE TRIGGER " + trigger);
        s.execute(sql);
        s.execute("ALTER TABLE " + table + " ENABLE TRIGGER " + trigger);
      }
      c.commit();
    }
  }

  private long headSeq() {
    try (Connection c = owner();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT seq FROM ledger_head")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long idOf(long seq) throws SQLException {
    try (Connection c = owner();
        PreparedStatement s = c.prepareStatement("SELECT id FROM exchange_log WHERE seq = ?")) {
      s.setLong(1, seq);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
      }
    }
  }

  /** The tables' owner: the role Flyway ran as. */
  private Connection owner() throws SQLException {
    return platform.platformDb();
  }

  /** The role the platform runs as; here, as in the embedded default, also the owner. */
  private Connection platformRole() throws SQLException {
    return DriverManager.getConnection(
        platform.platformUrl(), engines().postgresUser(), engines().postgresPassword());
  }

  private static int verifyOffline(ByteArrayOutputStream out, String... args) {
    return ArchiveVerifier.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  private int runJar(Path archive) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                PlatformProcess.JAR.toString(),
                "-Dloader.main=vn.truc.platform.ledger.ArchiveVerifier",
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                archive.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).containsAnyOf("OK: ", "BROKEN: ");
    return p.exitValue();
  }
}
