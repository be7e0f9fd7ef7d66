package vn.truc.platform.ledger;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import vn.truc.platform.ledger.ChainProblem.Kind;

/**
 * Walks a stretch of the chain in sequence order and names the first thing wrong. The same walk
 * checks the database ({@code /api/ledger/verify}) and an exported archive ({@link
 * ArchiveVerifier}). Feed entries in order, each followed by its checkpoint if it has one, then
 * {@link #end}; after a problem the rest is ignored.
 */
public final class ChainVerifier {

  private final Map<String, TrustedKey> trusted = new LinkedHashMap<>();
  private final Function<String, OptionalLong> whereIsHash;
  private long expected;
  private String previousHash;
  private Long previousId;
  private long entries;
  private long checkpoints;
  private long redacted;
  private long lastCheckpointSeq;
  private ChainProblem problem;

  /**
   * @param firstSeq the sequence number the stretch starts at
   * @param previousHash the hash of entry {@code firstSeq - 1} ({@link LedgerHash#GENESIS} before
   *     the first entry), null if unknown: then the first entry's link is not checked
   * @param whereIsHash finds the entry with a given hash, to tell a moved entry from a changed one
   */
  public ChainVerifier(
      long firstSeq,
      String previousHash,
      Collection<TrustedKey> trusted,
      Function<String, OptionalLong> whereIsHash) {
    this.expected = firstSeq;
    this.previousHash = previousHash;
    this.whereIsHash = whereIsHash;
    trusted.forEach(k -> this.trusted.put(k.keyId(), k));
  }

  /** Entries checked by their place only, their keys redacted after archiving. */
  public long redacted() {
    return redacted;
  }

  /** Checks the next entry; false once something is wrong. */
  public boolean entry(StoredEntry stored) {
    if (problem != null) {
      return false;
    }
    LedgerEntry e = stored.entry();
    Long id = stored.id();
    if (e.seq() > expected) {
      return fail(
          Kind.MISSING_SEQUENCE,
          expected,
          null,
          range(expected, e.seq() - 1)
              + " missing before entry "
              + name(e.seq(), id)
              + ": deleted from the ledger");
    }
    if (e.seq() < expected) {
      return fail(
          Kind.ORDER_BROKEN,
          e.seq(),
          id,
          "entry " + name(e.seq(), id) + " comes after entry " + (expected - 1) + ": out of order");
    }
    // A redacted entry lost its keys to retention: its recorded hash stands for its contents (the
    // archive holds them), and what is checked is its place in the chain.
    String computed = stored.redacted() ? stored.hash() : e.hash();
    if (stored.redacted()) {
      redacted++;
    }
    if (previousHash != null && !previousHash.equals(e.prev())) {
      OptionalLong follows = whereIsHash.apply(e.prev());
      if (follows.isPresent() && follows.getAsLong() != e.seq() - 1) {
        return fail(
            Kind.ORDER_BROKEN,
            e.seq(),
            id,
            "entry "
                + name(e.seq(), id)
                + " was written after entry "
                + follows.getAsLong()
                + ", not after entry "
                + (e.seq() - 1)
                + ": entries were moved or swapped");
      }
      if (computed.equals(stored.hash())) {
        return fail(
            Kind.ORDER_BROKEN,
            e.seq(),
            id,
            "entry "
                + name(e.seq(), id)
                + " does not follow entry "
                + (e.seq() - 1)
                + " (its previous hash "
                + e.prev()
                + " is not that entry's "
                + previousHash
                + "): an entry before it was replaced");
      }
    }
    if (!computed.equals(stored.hash())) {
      return fail(
          Kind.HASH_MISMATCH,
          e.seq(),
          id,
          "entry "
              + name(e.seq(), id)
              + " no longer matches its hash (recorded "
              + stored.hash()
              + ", contents give "
              + computed
              + "): it was changed after it was written");
    }
    // Only deliveries are indexed; entries of other kinds written before that rule may be too.
    if (stored.indexedKeys() != null
        && !stored.redacted()
        && (LedgerEntry.keysIndexed(e.kind()) || !stored.indexedKeys().isEmpty())) {
      Set<String> held = new TreeSet<>();
      e.keys().stream().filter(k -> k != null).forEach(held::add);
      List<String> indexed = stored.indexedKeys();
      if (indexed.size() != held.size() || !held.equals(new HashSet<>(indexed))) {
        Set<String> extra = new TreeSet<>(indexed);
        extra.removeAll(held);
        Set<String> absent = new TreeSet<>(held);
        absent.removeAll(new HashSet<>(indexed));
        return fail(
            Kind.KEYS_MISMATCH,
            e.seq(),
            id,
            "the key index disagrees with entry "
                + name(e.seq(), id)
                + ": "
                + absent.size()
                + " of its keys not indexed "
                + sample(absent)
                + ", "
                + extra.size()
                + " indexed keys not in it "
                + sample(extra));
      }
    }
    previousHash = stored.hash();
    previousId = id;
    expected = e.seq() + 1;
    entries++;
    return true;
  }

  /** Checks a checkpoint of the entry just given; false once something is wrong. */
  public boolean checkpoint(Checkpoint c) {
    if (problem != null) {
      return false;
    }
    if (c.seq() != expected - 1 || entries == 0) {
      return fail(
          Kind.CHECKPOINT_MISMATCH,
          c.seq(),
          null,
          "checkpoint of entry " + c.seq() + " found after entry " + (expected - 1));
    }
    TrustedKey key = trusted.get(c.keyId());
    if (key == null) {
      return fail(
          Kind.BAD_CHECKPOINT_SIGNATURE,
          c.seq(),
          previousId,
          "checkpoint of entry "
              + c.seq()
              + " is signed by key "
              + c.keyId()
              + ", which is not a trusted ledger key");
    }
    if (!c.verifiedBy(key)) {
      return fail(
          Kind.BAD_CHECKPOINT_SIGNATURE,
          c.seq(),
          previousId,
          "the signature of the checkpoint of entry "
              + c.seq()
              + " does not verify with key "
              + c.keyId()
              + ": the checkpoint was altered");
    }
    if (!c.hash().equals(previousHash)) {
      return fail(
          Kind.CHECKPOINT_MISMATCH,
          c.seq(),
          previousId,
          "the signed checkpoint of entry "
              + c.seq()
              + " says its hash was "
              + c.hash()
              + " but it is "
              + previousHash
              + ": entries up to "
              + c.seq()
              + " were rewritten and their hashes recomputed");
    }
    checkpoints++;
    lastCheckpointSeq = c.seq();
    return true;
  }

  /** Ends the walk, which should have reached {@code lastSeq}; false if anything was wrong. */
  public boolean end(long lastSeq) {
    if (problem != null) {
      return false;
    }
    if (expected <= lastSeq) {
      return fail(
          Kind.MISSING_SEQUENCE,
          expected,
          null,
          range(expected, lastSeq)
              + " missing at the end (the ledger has recorded up to "
              + lastSeq
              + "): deleted from the ledger");
    }
    return true;
  }

  public Optional<ChainProblem> problem() {
    return Optional.ofNullable(problem);
  }

  public long entries() {
    return entries;
  }

  public long checkpoints() {
    return checkpoints;
  }

  /** The last checkpoint that verified, 0 if none. */
  public long lastCheckpointSeq() {
    return lastCheckpointSeq;
  }

  /** The sequence number of the last entry that verified; one before the start if none. */
  public long lastSeq() {
    return expected - 1;
  }

  private boolean fail(Kind kind, long seq, Long id, String message) {
    problem = new ChainProblem(kind, seq, id, message);
    return false;
  }

  private static String name(long seq, Long id) {
    return id == null ? String.valueOf(seq) : seq + " (id " + id + ")";
  }

  private static String range(long from, long to) {
    return from == to ? "entry " + from + " is" : "entries " + from + " to " + to + " are";
  }

  private static String sample(Set<String> keys) {
    return keys.isEmpty() ? "" : keys.stream().limit(3).toList().toString();
  }
}
