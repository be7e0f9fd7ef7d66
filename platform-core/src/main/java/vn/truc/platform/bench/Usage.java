package vn.truc.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a measured process and the whole machine used: CPU seconds from {@code /proc/<pid>/stat} and
 * {@code /proc/stat}, peak resident memory from {@code VmHWM} in {@code /proc/<pid>/status}. The
 * machine's CPU includes the databases and the broker, which every pipeline leans on.
 */
record Usage(double processCpuSeconds, long peakRssBytes, double machineCpuSeconds) {

  /** Linux's USER_HZ, the unit of every tick count in /proc; 100 on every mainstream kernel. */
  static final double TICKS_PER_SECOND = 100.0;

  /** Busy ticks of all cores since boot: everything but idle and iowait. */
  static long machineBusyTicks() {
    try {
      return busyTicks(Files.readAllLines(Path.of("/proc/stat")).get(0));
    } catch (IOException e) {
      return 0;
    }
  }

  /** Parses the aggregate {@code cpu} line of /proc/stat. */
  static long busyTicks(String cpuLine) {
    String[] f = cpuLine.trim().split("\\s+");
    long busy = 0;
    for (int i = 1; i < f.length && i <= 8; i++) {
      if (i != 4 && i != 5) { // idle, iowait
        busy += Long.parseLong(f[i]);
      }
    }
    return busy;
  }

  /** utime + stime of a live process, in ticks; 0 once it is gone. */
  static long processTicks(long pid) {
    try {
      return processTicks(Files.readString(Path.of("/proc/" + pid + "/stat")));
    } catch (IOException e) {
      return 0;
    }
  }

  /** Fields 14 and 15 of /proc/pid/stat, counted after the command name (which may hold spaces). */
  static long processTicks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** The peak resident set of a live process, in bytes; 0 once it is gone. */
  static long peakRss(long pid) {
    try {
      return peakRss(Files.readAllLines(Path.of("/proc/" + pid + "/status")));
    } catch (IOException e) {
      return 0;
    }
  }

  static long peakRss(List<String> status) {
    for (String line : status) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
      }
    }
    return 0;
  }
}
