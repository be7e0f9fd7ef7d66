package vn.truc.platform.it;

/** The ledger contract on the embedded PostgreSQL (with the embedded Kafka the platform needs). */
class EmbeddedLedgerIT extends LedgerContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new EmbeddedTestEngines("ledger");
  }
}
