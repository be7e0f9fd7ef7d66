package vn.truc.platform.it;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The crash contract on Kafka, PostgreSQL and MariaDB containers; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPlatformCrashIT extends PlatformCrashContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new ContainerTestEngines();
  }
}
