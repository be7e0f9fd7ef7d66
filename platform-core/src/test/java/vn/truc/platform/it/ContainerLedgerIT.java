package vn.truc.platform.it;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The ledger contract on PostgreSQL and Kafka containers; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerLedgerIT extends LedgerContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new ContainerTestEngines();
  }
}
