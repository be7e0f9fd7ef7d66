package vn.truc.platform.it;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The grant contract on Kafka, PostgreSQL and MariaDB containers; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerGrantIT extends GrantContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new ContainerTestEngines();
  }
}
