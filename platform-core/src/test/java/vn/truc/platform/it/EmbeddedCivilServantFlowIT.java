package vn.truc.platform.it;

/** The flow contract on the embedded engines: runs everywhere, Docker or not. */
class EmbeddedCivilServantFlowIT extends CivilServantFlowContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new EmbeddedTestEngines("flow");
  }
}
