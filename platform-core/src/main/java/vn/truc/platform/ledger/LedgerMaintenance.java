package vn.truc.platform.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger whole without anyone asking: on start, chains the entries written before the
 * ledger existed; every {@code truc.ledger.checkpoint-interval}, signs the newest entry if no
 * checkpoint covers it yet, so that a quiet ledger is pinned as well as a busy one.
 */
@Component
class LedgerMaintenance implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerMaintenance.class);

  private final LedgerService ledger;

  LedgerMaintenance(LedgerService ledger) {
    this.ledger = ledger;
  }

  /** Before the routes start, so that the entries from before the upgrade come first. */
  @Override
  public void afterPropertiesSet() {
    long chained = ledger.chainUnchained();
    if (chained > 0) {
      LOG.info("Chained {} exchange-log entries written before the ledger existed", chained);
    }
  }

  @Scheduled(
      initialDelayString = "${truc.ledger.checkpoint-interval:PT1M}",
      fixedDelayString = "${truc.ledger.checkpoint-interval:PT1M}")
  void checkpoint() {
    try {
      ledger.checkpoint();
    } catch (RuntimeException e) {
      // The next run tries again; appends go on meanwhile.
      LOG.warn("Signing a ledger checkpoint failed: {}", e.getMessage());
    }
  }
}
