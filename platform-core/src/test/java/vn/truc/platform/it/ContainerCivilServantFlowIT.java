package vn.truc.platform.it;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The same flow contract on Kafka, PostgreSQL and MariaDB containers; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerCivilServantFlowIT extends CivilServantFlowContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new ContainerTestEngines();
  }
}
