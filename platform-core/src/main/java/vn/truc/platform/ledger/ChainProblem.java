package vn.truc.platform.ledger;

/**
 * The first thing wrong in a stretch of the ledger.
 *
 * @param seq the sequence number of the entry (or checkpoint) at fault; for deleted entries, the
 *     first missing number
 * @param entryId the database id of the entry at fault, null where there is no such row
 */
public record ChainProblem(Kind kind, long seq, Long entryId, String message) {

  public enum Kind {
    /**
     * The entry's contents no longer give its recorded hash: it was changed after it was written.
     */
    HASH_MISMATCH,
    /** Sequence numbers are missing: entries were deleted. */
    MISSING_SEQUENCE,
    /** The entry is not chained to the one before it: entries were moved, swapped or replaced. */
    ORDER_BROKEN,
    /** A checkpoint's signature does not verify, or is by a key that is not trusted. */
    BAD_CHECKPOINT_SIGNATURE,
    /** A validly signed checkpoint names another hash: the chain was recomputed after it. */
    CHECKPOINT_MISMATCH,
    /** The per-key index (ledger_key) disagrees with the keys the entry holds. */
    KEYS_MISMATCH
  }
}
