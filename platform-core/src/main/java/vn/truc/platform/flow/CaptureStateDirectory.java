package vn.truc.platform.flow;

import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Tells the change-capture connectors where to keep Debezium's files (offset seed, schema history):
 * under the platform's data directory, before any connector is built. Connector kinds are found by
 * ServiceLoader and configured only by their settings, so a system property is the one channel they
 * share with the platform.
 */
public final class CaptureStateDirectory implements EnvironmentPostProcessor {

  static final String PROPERTY = "truc.cdc.state-dir";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    Path dir = Path.of(env.getProperty("truc.data-dir", "./data")).toAbsolutePath().normalize();
    System.setProperty(PROPERTY, dir.resolve("cdc").toString());
  }
}
