package vn.truc.platform.it;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The change-capture contract on PostgreSQL and MariaDB containers; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerCdcSourceIT extends CdcSourceContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new ContainerTestEngines();
  }
}
