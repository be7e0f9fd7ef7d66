package vn.truc.platform.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The flow contract on the embedded engines: runs everywhere, Docker or not. */
class EmbeddedCivilServantFlowIT extends CivilServantFlowContract {

  private static TestEngines engines;

  @BeforeAll
  static void startEngines() throws Exception {
    engines = new EmbeddedTestEngines("flow");
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
