package vn.truc.platform.it;

/** The change-capture flow on the embedded engines. */
class EmbeddedCdcFlowIT extends CdcFlowContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new EmbeddedTestEngines("cdc-flow");
  }
}
