package vn.truc.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmThreadsTest {

  @Test
  void hotSpotThreadsAreToldByName() {
    assertThat(JvmThreads.kind("C2 CompilerThre")).isEqualTo("jit");
    assertThat(JvmThreads.kind("C1 CompilerThre")).isEqualTo("jit");
    assertThat(JvmThreads.kind("GC Thread#1")).isEqualTo("gc");
    assertThat(JvmThreads.kind("G1 Conc#0")).isEqualTo("gc");
    assertThat(JvmThreads.kind("G1 Refine#0")).isEqualTo("gc");
    assertThat(JvmThreads.kind("VM Thread")).isEqualTo("gc");
    assertThat(JvmThreads.kind("Camel (camel-1)")).isEqualTo("application");
    assertThat(JvmThreads.kind("kafka-producer-")).isEqualTo("application");
  }

  @Test
  void thisJvmHasCompilerAndCollectorThreads() {
    JvmThreads now = JvmThreads.of(ProcessHandle.current().pid());
    // A test JVM has compiled and collected by now; on a machine without /proc both stay 0.
    if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))) {
      assertThat(now.jitTicks()).isPositive();
    }
    assertThat(now.since(new JvmThreads(0, 0))).startsWith("of which JIT compiler ");
  }
}
