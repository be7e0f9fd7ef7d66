package vn.truc.platform.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class EmbeddedJdbcUpsertSinkIT extends JdbcUpsertSinkContract {

  private static TestEngines engines;

  @BeforeAll
  static void startEngines() throws Exception {
    engines = new EmbeddedTestEngines("sink");
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
