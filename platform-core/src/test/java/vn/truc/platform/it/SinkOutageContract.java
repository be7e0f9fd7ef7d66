package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import vn.truc.platform.demo.CivilServantGenerator;

/**
 * "No loss when a receiver is down": the ministry's database, on a PostgreSQL server of its own,
 * goes down for 30 s in the middle of a sync while the province keeps hiring and raising salaries.
 * The delivery route must wait it out and resume by itself once the database is back, without a
 * restart of the platform and without losing or skipping a batch. Each scenario gets fresh engines:
 * topics, consumer group and positions must not carry over.
 */
abstract class SinkOutageContract {

  private static final int FIRST_HIRES = 20_000;
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final int HIRES_PER_ROUND = 500;
  private static final int UPDATES_PER_ROUND = 200;
  private static final String DELIVERY_ROUTE = "deliver-bnv-national";

  /** Where Camel's error handler reports retries ("On delivery attempt") and "Exhausted" ones. */
  private static final String ERROR_HANDLER_LOG = "org.apache.camel.processor.errorhandler";

  /**
   * A PostgreSQL server holding only the ministry's database, which the test can take down and
   * bring back at the same address with its data.
   */
  interface MinistryServer extends AutoCloseable {

    /** Creates the database if needed; its JDBC URL stays valid across stop and start. */
    String database(String name) throws Exception;

    /** Takes the server down; clients are disconnected and new connections refused. */
    void stop() throws Exception;

    /** Brings it back with its data, on the same port, and returns once it accepts connections. */
    void start() throws Exception;
  }

  /** Starts a fresh set of engines for one scenario; the scenario closes them. */
  protected abstract TestEngines createEngines() throws Exception;

  /** Starts a separate server for the ministry, with the engines' PostgreSQL user and password. */
  protected abstract MinistryServer startMinistryServer(TestEngines engines) throws Exception;

  /**
   * The shipped retry settings (5 retries, 0.5 s to 10 s apart). Each retry also waits up to the
   * sink pool's 30 s for a connection, so the retries in place outlast the outage.
   */
  @Test
  void deliveryWaitsOutAMinistryOutageAndResumesWithoutLoss() throws Exception {
    List<String> errorHandler = outage();
    assertThat(errorHandler)
        .as("the delivery was retried during the outage")
        .anyMatch(m -> m.contains("On delivery attempt"));
  }

  /**
   * No retries in place: every failure gives the batch up at once, the consumer breaks off,
   * reconnects and re-reads from the last committed offset, over and over while the database is
   * down. The failed batches must be read again, not skipped.
   */
  @Test
  void whenRetriesRunOutTheBatchIsReadAgainNotSkipped() throws Exception {
    List<String> errorHandler = outage("--truc.retry.max-redeliveries=0");
    assertThat(errorHandler)
        .as("the retries ran out during the outage")
        .anyMatch(m -> m.contains("Exhausted"));
  }

  /**
   * Runs one outage with the given extra platform settings, asserts convergence and returns what
   * Camel's error handler logged.
   */
  private List<String> outage(String... settings) throws Exception {
    try (TestEngines engines = createEngines();
        MinistryServer server = startMinistryServer(engines)) {
      TestPlatform shared = TestPlatform.prepare(engines);
      // The platform's state stays on the engines' PostgreSQL; only the ministry goes down.
      TestPlatform t =
          new TestPlatform(
              engines, shared.platformUrl(), shared.provinceUrl(), server.database("bnv"));
      try (Connection m = t.ministryDb();
          Statement s = m.createStatement()) {
        s.execute(CivilServantGenerator.ministryDdl());
      }
      CivilServantGenerator generator = new CivilServantGenerator(300);
      Convergence.hire(t, generator, 1, FIRST_HIRES);

      ConfigurableApplicationContext app = t.start(settings);
      LogCapture errorHandler = LogCapture.attach(ERROR_HANDLER_LOG);
      try {
        CamelContext camel = app.getBean(CamelContext.class);
        await("first rows at the ministry")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> Convergence.ministryCount(t) > 0);
        long beforeOutage = Convergence.ministryCount(t);

        long stopping = System.nanoTime();
        server.stop();
        log(
            "ministry server down (stop took %.1f s) with %,d of %,d rows delivered",
            seconds(stopping), beforeOutage, FIRST_HIRES);
        long lastLogIdAtStop = Convergence.lastLogId(t);

        // The outage is a deliberate wait: until its deadline the province keeps changing, a
        // round of hires and salary raises every 2 s, and the platform must keep answering.
        Instant deadline = Instant.now().plus(OUTAGE);
        Set<String> changedDuringOutage = new HashSet<>();
        int[] round = {0};
        await("the end of the outage window")
            .atMost(OUTAGE.plusSeconds(30))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofSeconds(2))
            .until(
                () -> {
                  long from = FIRST_HIRES + 1L + (long) round[0] * HIRES_PER_ROUND;
                  Convergence.hire(t, generator, from, HIRES_PER_ROUND);
                  for (long n = from; n < from + HIRES_PER_ROUND; n++) {
                    changedDuringOutage.add((String) generator.row(n, 0)[0]);
                  }
                  String rows =
                      "MA_CB > "
                          + round[0] * UPDATES_PER_ROUND
                          + " AND MA_CB <= "
                          + (round[0] + 1) * UPDATES_PER_ROUND;
                  changedDuringOutage.addAll(Convergence.provinceIds(t, rows));
                  try (Connection p = t.provinceDb();
                      Statement s = p.createStatement()) {
                    s.executeUpdate(
                        "UPDATE CB_CONG_CHUC SET BAC_LUONG = BAC_LUONG + 1,"
                            + " HE_SO_LUONG = HE_SO_LUONG + 0.33,"
                            + " NGAY_CAP_NHAT = CURRENT_TIMESTAMP(6) WHERE "
                            + rows);
                  }
                  round[0]++;
                  assertThat(healthStatus(app))
                      .as("the platform answers health checks during the outage")
                      .isIn(200, 503);
                  return !Instant.now().isBefore(deadline);
                });
        log(
            "outage over after %d rounds, %,d province rows changed during it",
            round[0], changedDuringOutage.size());
        assertThat(app.isActive()).as("platform still running").isTrue();
        assertThat(
                Convergence.count(
                    t.platformDb(),
                    "SELECT COALESCE(SUM(record_count), 0) FROM exchange_log"
                        + " WHERE kind = 'INGESTED' AND id > "
                        + lastLogIdAtStop))
            .as("records ingested to Kafka while the ministry was down")
            .isPositive();
        assertThat(Convergence.deliveredAfter(t, lastLogIdAtStop))
            .as("records logged as DELIVERED while the ministry was down")
            .isEmpty();

        long restarting = System.nanoTime();
        server.start();
        long back = System.nanoTime();
        log("ministry server back (start took %.1f s)", seconds(restarting));

        Map<String, Convergence.Person> province = Convergence.province(t);
        assertThat(province)
            .hasSize(FIRST_HIRES + round[0] * HIRES_PER_ROUND)
            .containsKeys(changedDuringOutage.toArray(String[]::new));
        await("ministry holds exactly the province's latest values")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(1))
            .untilAsserted(
                () ->
                    assertThat(Convergence.differences(province, Convergence.ministry(t)))
                        .isEmpty());
        log("converged %.1f s after the ministry came back", seconds(back));

        assertThat(camel.getRouteController().getRouteStatus(DELIVERY_ROUTE).isStarted())
            .as("delivery route still started")
            .isTrue();
        await("health UP again")
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(healthStatus(app)).isEqualTo(200));
        assertThat(
                Convergence.notIn(
                    changedDuringOutage, Convergence.deliveredAfter(t, lastLogIdAtStop)))
            .as("rows changed during the outage without a DELIVERED entry after it")
            .isEmpty();
        List<String> messages = errorHandler.messages();
        if (messages.stream().anyMatch(m -> m.contains("Exhausted"))) {
          // A batch given up is an operational record with its fault (written within a second).
          await("the given-up batches' operational records")
              .atMost(Duration.ofSeconds(10))
              .until(
                  () ->
                      Convergence.count(
                              t.platformDb(),
                              "SELECT COUNT(*) FROM exchange_operation WHERE flow = 'bnv-national'"
                                  + " AND route = 'deliver' AND fault IS NOT NULL")
                          > 0);
        }
        assertThat(
                Convergence.count(
                    t.platformDb(),
                    "SELECT COUNT(*) FROM exchange_operation WHERE flow = 'bnv-national'"
                        + " AND route = 'deliver' AND fault IS NULL AND records > 0"))
            .as("operational records of the delivered batches")
            .isPositive();
        log(
            "error handler: %d retries, %d exhausted",
            messages.stream().filter(m -> m.contains("On delivery attempt")).count(),
            messages.stream().filter(m -> m.contains("Exhausted")).count());
        return messages;
      } finally {
        errorHandler.close();
        app.close();
      }
    }
  }

  private static int healthStatus(ConfigurableApplicationContext app) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(TestPlatform.baseUrl(app) + "/actuator/health"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private void log(String format, Object... args) {
    System.out.printf("[%s] %s%n", getClass().getSimpleName(), String.format(format, args));
  }

  /** The messages a logger and its children log, while attached. */
  private static final class LogCapture extends AppenderBase<ILoggingEvent>
      implements AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Logger logger;

    private LogCapture(Logger logger) {
      this.logger = logger;
    }

    /** Attaches after the platform started: Spring Boot resets Logback while it starts. */
    static LogCapture attach(String name) {
      LogCapture capture = new LogCapture((Logger) LoggerFactory.getLogger(name));
      capture.setContext(capture.logger.getLoggerContext());
      capture.start();
      capture.logger.addAppender(capture);
      return capture;
    }

    @Override
    protected void append(ILoggingEvent event) {
      messages.add(event.getFormattedMessage());
    }

    List<String> messages() {
      return List.copyOf(messages);
    }

    @Override
    public void close() {
      logger.detachAppender(this);
      stop();
    }
  }
}
