package vn.truc.platform.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The crash contract on the embedded engines, which live in the test JVM and survive the kill. */
class EmbeddedPlatformCrashIT extends PlatformCrashContract {

  private static TestEngines engines;

  @BeforeAll
  static void startEngines() throws Exception {
    engines = new EmbeddedTestEngines("crash");
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
