package vn.truc.platform.it;

class EmbeddedConnectorApiIT extends ConnectorApiContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new EmbeddedTestEngines("api");
  }
}
