package vn.truc.platform.it;

/** The change-capture contract on the embedded PostgreSQL and MariaDB. */
class EmbeddedCdcSourceIT extends CdcSourceContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new EmbeddedTestEngines("cdc-source");
  }
}
