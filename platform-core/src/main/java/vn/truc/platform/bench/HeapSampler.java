package vn.truc.platform.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The highest total heap in use, sampled every 20 ms. Per-pool peak counters are reached at
 * different moments and overstate the peak when summed; a sample of the whole heap does not.
 */
final class HeapSampler implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  HeapSampler() {
    thread =
        new Thread(
            () -> {
              while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  long peakBytes() {
    return peak.get();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
