package vn.truc.platform.it;

class EmbeddedDeadLetterIT extends DeadLetterContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new EmbeddedTestEngines("dead-letters");
  }
}
