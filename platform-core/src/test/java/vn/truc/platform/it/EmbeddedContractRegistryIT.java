package vn.truc.platform.it;

class EmbeddedContractRegistryIT extends ContractRegistryContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new EmbeddedTestEngines("registry");
  }
}
