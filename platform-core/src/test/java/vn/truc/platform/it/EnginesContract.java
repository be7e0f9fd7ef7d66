package vn.truc.platform.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The one way an integration contract gets its engines: a subclass says which (embedded or
 * containers), the contract runs the same tests on them. Engines start before the contract's own
 * set-up and stop after its tear-down (JUnit runs a superclass's @BeforeAll first and its @AfterAll
 * last).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EnginesContract {

  private TestEngines engines;

  /** Starts the engines this run uses. */
  protected abstract TestEngines createEngines() throws Exception;

  @BeforeAll
  final void startEngines() throws Exception {
    engines = createEngines();
  }

  @AfterAll
  final void stopEngines() throws Exception {
    if (engines != null) {
      engines.close();
    }
  }

  protected final TestEngines engines() {
    return engines;
  }
}
