package vn.truc.platform.it;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The HTTP sink contract on Kafka, PostgreSQL and MariaDB containers; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerHttpSinkIT extends HttpSinkContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new ContainerTestEngines();
  }
}
