package vn.truc.platform.it;

import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class ContainerDeadLetterIT extends DeadLetterContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new ContainerTestEngines();
  }
}
