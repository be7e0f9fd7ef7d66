package vn.truc.platform.it;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The sink contract on PostgreSQL and MariaDB containers; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerJdbcUpsertSinkIT extends JdbcUpsertSinkContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new ContainerTestEngines();
  }
}
