package vn.truc.platform.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class ContainerJdbcUpsertSinkIT extends JdbcUpsertSinkContract {

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
