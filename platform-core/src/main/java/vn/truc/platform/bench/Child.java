package vn.truc.platform.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One measured pipeline process (a Trục platform, a Kafka Connect worker, a raw client), started as
 * its own JVM so that its CPU time and peak memory are its own and nothing else's. Output goes to a
 * log file, which is also how readiness is seen.
 */
final class Child implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;
  private final long machineTicksAtStart;
  private long processTicksAtReady;
  private long machineTicksAtReady;

  private Child(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.machineTicksAtStart = Usage.machineBusyTicks();
    this.machineTicksAtReady = machineTicksAtStart;
  }

  /** Starts {@code java} (the running JVM's) with the given arguments. */
  static Child java(String name, List<String> arguments, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(arguments);
    Files.createDirectories(log.getParent());
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new Child(name, p, log);
  }

  String name() {
    return name;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Waits for a line containing {@code text} in the log; fails when the process dies first. */
  void awaitLog(String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " before '" + text + "'; see " + log);
      }
      Thread.sleep(200); // a log file has no event to wait on
    }
    throw new IllegalStateException(name + " did not log '" + text + "' in " + timeout);
  }

  /**
   * Waits for the line that says the process is up and counts CPU from there: start-up (class
   * loading, JIT warm-up of the framework) is not the data path's work, for either pipeline.
   */
  void awaitReady(String text, Duration timeout) throws Exception {
    awaitLog(text, timeout);
    processTicksAtReady = Usage.processTicks(process.pid());
    machineTicksAtReady = Usage.machineBusyTicks();
  }

  long pid() {
    return process.pid();
  }

  /** Waits for the process to end by itself (a raw client finishing its run). */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(name + " did not finish in " + timeout + "; see " + log);
    }
    return process.exitValue();
  }

  /**
   * CPU since ready and peak memory so far; read before {@link #close()}, while /proc still has
   * them.
   */
  Usage usage() {
    long pid = process.pid();
    return new Usage(
        (Usage.processTicks(pid) - processTicksAtReady) / Usage.TICKS_PER_SECOND,
        Usage.peakRss(pid),
        (Usage.machineBusyTicks() - machineTicksAtReady) / Usage.TICKS_PER_SECOND);
  }

  /** CPU seconds of the whole machine since this process started; valid after it ended too. */
  double machineCpuSeconds() {
    return (Usage.machineBusyTicks() - machineTicksAtStart) / Usage.TICKS_PER_SECOND;
  }

  String logTail() throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
