package vn.truc.routes.ops;

import java.time.Instant;

/**
 * The operational record of one batch, in the manner of X-Road's operational monitoring: how long
 * it took, how much it moved, and whether it failed. Kept apart from the exchange ledger: it holds
 * no personal data, is not evidence, and is kept only for a window.
 *
 * @param route {@code ingest} or {@code deliver}
 * @param flow the connector or subscription
 * @param durationMicros from the batch's start to its commit (or its failure)
 * @param bytes the records' size on the wire
 * @param fault what failed, after the retries; null for a batch that went through
 */
public record Operation(
    Instant at,
    String route,
    String flow,
    String contract,
    long durationMicros,
    int records,
    int rejected,
    long bytes,
    String fault) {

  public boolean ok() {
    return fault == null;
  }
}
