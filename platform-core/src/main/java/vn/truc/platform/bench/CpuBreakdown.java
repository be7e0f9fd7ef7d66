package vn.truc.platform.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went, for the notes under the table: this JVM (the broker lives here),
 * each PostgreSQL database's backends (by the process titles PostgreSQL sets, {@code postgres: user
 * database ...}), and the whole machine. Backends that ended in between are missed, so it is a
 * lower bound per database, good enough to see which side of a pipeline is busy.
 */
record CpuBreakdown(long machine, long self, Map<String, Long> databases) {

  static CpuBreakdown now() {
    Map<String, Long> databases = new TreeMap<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      procs
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .forEach(
              p -> {
                String database = database(p);
                if (database != null) {
                  long pid = Long.parseLong(p.getFileName().toString());
                  databases.merge(database, Usage.processTicks(pid), Long::sum);
                }
              });
    } catch (IOException e) {
      // Not Linux: nothing to break down.
    }
    return new CpuBreakdown(
        Usage.machineBusyTicks(), Usage.processTicks(ProcessHandle.current().pid()), databases);
  }

  /** "postgres: postgres ministry 127.0.0.1(5432) idle" -> "ministry". */
  private static String database(Path proc) {
    try {
      String title = Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8);
      if (!title.startsWith("postgres: ")) {
        return null;
      }
      String[] words = title.trim().split("\\s+");
      return words.length > 3 && words[3].contains("(") ? words[2] : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  String since(CpuBreakdown before, double pipelineSeconds) {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "CPU s: machine %.1f, pipeline %.1f, broker (bench JVM) %.1f",
                (machine - before.machine) / Usage.TICKS_PER_SECOND,
                pipelineSeconds,
                (self - before.self) / Usage.TICKS_PER_SECOND));
    databases.forEach(
        (db, ticks) -> {
          long delta = ticks - before.databases.getOrDefault(db, 0L);
          if (delta > 0) {
            b.append(
                String.format(
                    Locale.ROOT, ", PostgreSQL %s %.1f", db, delta / Usage.TICKS_PER_SECOND));
          }
        });
    return b.toString();
  }
}
