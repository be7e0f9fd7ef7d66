package vn.truc.platform.it;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The change-capture flow on PostgreSQL and MariaDB containers; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerCdcFlowIT extends CdcFlowContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new ContainerTestEngines();
  }
}
