package vn.truc.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A JVM's CPU split by what its threads do: the JIT compilers, the garbage collector, and the rest
 * (the application's own threads). Read from {@code /proc/<pid>/task}, by the names HotSpot gives
 * its threads. A thread that ended in between is missed (HotSpot retires idle compiler threads), so
 * the JIT and GC figures are lower bounds.
 */
record JvmThreads(long jitTicks, long gcTicks) {

  static JvmThreads of(long pid) {
    long jit = 0;
    long gc = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String name = Files.readString(task.resolve("comm")).trim();
          long ticks = Usage.processTicks(Files.readString(task.resolve("stat")));
          switch (kind(name)) {
            case "jit" -> jit += ticks;
            case "gc" -> gc += ticks;
            default -> {}
          }
        } catch (IOException | RuntimeException e) {
          // The thread ended while being read.
        }
      }
    } catch (IOException e) {
      // Not Linux, or the process is gone.
    }
    return new JvmThreads(jit, gc);
  }

  /** HotSpot's names, as /proc shows them (cut to 15 characters). */
  static String kind(String threadName) {
    if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
      return "jit";
    }
    if (threadName.startsWith("GC Thread")
        || threadName.startsWith("G1 ")
        || threadName.equals("VM Thread")) {
      return "gc";
    }
    return "application";
  }

  String since(JvmThreads before) {
    return String.format(
        Locale.ROOT,
        "of which JIT compiler %.1f, garbage collector %.1f",
        (jitTicks - before.jitTicks) / Usage.TICKS_PER_SECOND,
        (gcTicks - before.gcTicks) / Usage.TICKS_PER_SECOND);
  }
}
