package vn.truc.platform.it;

/** The grant contract on the embedded engines. */
class EmbeddedGrantIT extends GrantContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new EmbeddedTestEngines("grants");
  }
}
