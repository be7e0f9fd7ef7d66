package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The platform jar run as its own operating-system process, as an operator runs it, so that a test
 * can kill it the hard way. Its output goes to a log file next to its working directory.
 */
final class PlatformProcess implements AutoCloseable {

  /**
   * Built by the package phase, which runs before failsafe; the working directory is the module.
   */
  static final Path JAR = Path.of("target", "truc.jar");

  private final Process process;
  private final Path log;
  private final int port;
  private final Thread reaper;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private PlatformProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
    // Should the test JVM exit without closing it, the platform must not outlive it.
    this.reaper = new Thread(process::destroyForcibly, "platform-process-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * Starts {@code java -Xmx512m -jar target/truc.jar} with the test platform's command line, on a
   * free HTTP port, in {@code dir}; output to {@code dir/<name>.log}.
   */
  static PlatformProcess start(TestPlatform t, Path dir, String name) throws IOException {
    assertThat(JAR).as("the platform jar, built by the package phase").isRegularFile();
    Files.createDirectories(dir);
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    Arrays.stream(t.arguments()).filter(a -> !a.startsWith("--server.port=")).forEach(command::add);
    command.add("--server.port=" + port);
    command.add("--truc.data-dir=" + dir.toAbsolutePath().resolve("data"));
    Path log = dir.resolve(name + ".log");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    return new PlatformProcess(p, log, port);
  }

  /** Waits until the health endpoint says UP; fails at once, with the log, if the process dies. */
  PlatformProcess awaitHealthy(Duration atMost) {
    await("platform process healthy on port " + port)
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .failFast(
            () ->
                assertThat(process.isAlive())
                    .as(() -> "platform process alive (exit value " + exit() + "); " + logTail())
                    .isTrue())
        .until(() -> health().contains("\"status\":\"UP\""));
    return this;
  }

  /** The health endpoint's body, or "" while nothing listens. */
  String health() throws IOException, InterruptedException {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (ConnectException e) {
      return "";
    }
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  /**
   * SIGKILL: no shutdown hook, no graceful stop of routes, no last commit. Returns the exit value
   * (137 = 128 + SIGKILL on Linux).
   */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed process gone").isTrue();
    return process.exitValue();
  }

  private String exit() {
    return process.isAlive() ? "none yet" : String.valueOf(process.exitValue());
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines of the process's output, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "last lines of "
          + log.toAbsolutePath()
          + ":\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "no log at " + log.toAbsolutePath() + ": " + e;
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }

  static int freePort() throws IOException {
    return EmbeddedTestEngines.freePorts(1)[0];
  }
}
