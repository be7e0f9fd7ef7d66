package vn.truc.platform.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The crash contract on Kafka, PostgreSQL and MariaDB containers; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPlatformCrashIT extends PlatformCrashContract {

  private static TestEngines engines;

  @BeforeAll
  static void startEngines() {
    engines = new ContainerTestEngines();
  }

  @AfterAll
  static void stopEngines() throws Exception {
    if (engines != null) {
      engines.close();
    }
  }

  @Override
  protected TestEngines engines() {
    return engines;
  }
}
