package vn.truc.platform.ledger;

/**
 * The outcome of verifying a stretch of the ledger.
 *
 * @param fromSeq first sequence number checked
 * @param toSeq last sequence number that should have been checked
 * @param entriesChecked entries that verified before any problem
 * @param checkpointsChecked signed checkpoints that verified before any problem
 * @param lastCheckpointSeq the newest checkpoint in the whole ledger, 0 if none
 * @param headSeq the newest entry the ledger has recorded
 * @param unchained entries written before the ledger existed and not chained yet (the platform
 *     chains them when it starts)
 * @param redacted entries among those checked whose keys were removed after archiving (retention):
 *     checked by their place in the chain; their archive verifies their contents
 * @param problem the first fault, null when {@code ok}
 */
public record VerifyReport(
    boolean ok,
    long fromSeq,
    long toSeq,
    long entriesChecked,
    long checkpointsChecked,
    long lastCheckpointSeq,
    long headSeq,
    long unchained,
    long redacted,
    ChainProblem problem) {}
