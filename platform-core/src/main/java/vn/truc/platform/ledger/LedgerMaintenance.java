package vn.truc.platform.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger whole without anyone asking: on start, chains the entries written before the
 * ledger existed; every {@code truc.ledger.checkpoint-interval}, signs the newest entry if no
 * checkpoint covers it yet, so that a quiet ledger is pinned as well as a busy one; daily, applies
 * each contract's retention to archived entries.
 */
@Component
class LedgerMaintenance implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerMaintenance.class);

  private final LedgerService ledger;
  private final LedgerProperties properties;

  LedgerMaintenance(LedgerService ledger, LedgerProperties properties) {
    this.ledger = ledger;
    this.properties = properties;
  }

  /**
   * Applies each contract's retention now: the keys of its archived entries older than its window
   * are removed. Returns the entries redacted per contract.
   */
  java.util.Map<String, Integer> applyRetention() {
    java.util.Map<String, Integer> redacted = new java.util.TreeMap<>();
    java.time.Instant now = java.time.Instant.now();
    properties
        .retention()
        .forEach(
            (contract, window) ->
                redacted.put(contract, ledger.redact(contract, now.minus(window))));
    redacted.forEach(
        (contract, n) -> {
          if (n > 0) {
            LOG.info("Retention: keys of {} archived {} entries removed", n, contract);
          }
        });
    return redacted;
  }

  @Scheduled(initialDelay = 300_000, fixedDelay = 86_400_000)
  void retention() {
    try {
      applyRetention();
    } catch (RuntimeException e) {
      LOG.warn("Applying the ledger's retention failed: {}", e.getMessage());
    }
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
