package vn.truc.platform.embedded;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The engines the platform started itself, stopped in reverse order of start once the application
 * context has closed everything that uses them.
 */
public final class EmbeddedRuntime implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRuntime.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private final Path dataDir;

  EmbeddedRuntime(Path dataDir) {
    this.dataDir = dataDir;
  }

  <T extends AutoCloseable> T started(T engine) {
    started.push(engine);
    return engine;
  }

  void set(String property, Object value) {
    properties.put(property, value);
  }

  Map<String, Object> properties() {
    return properties;
  }

  public Path dataDir() {
    return dataDir;
  }

  public boolean isEmpty() {
    return started.isEmpty();
  }

  @Override
  public void destroy() {
    while (!started.isEmpty()) {
      AutoCloseable engine = started.pop();
      try {
        engine.close();
      } catch (Exception e) {
        LOG.warn("Stopping {} failed: {}", engine.getClass().getSimpleName(), e.getMessage());
      }
    }
  }
}
