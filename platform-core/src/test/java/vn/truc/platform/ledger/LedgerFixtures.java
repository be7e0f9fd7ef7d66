package vn.truc.platform.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Chains built in memory, as the database would hold them, for the pure tests. */
final class LedgerFixtures {

  static final Instant T0 = Instant.parse("2026-11-22T02:14:03.120511Z");

  private LedgerFixtures() {}

  /** Entries 1..n, chained from genesis; entry i has id 100 + i and keys of persons i and i+1. */
  static List<StoredEntry> chain(int n) {
    List<StoredEntry> entries = new ArrayList<>();
    String prev = LedgerHash.GENESIS;
    for (int i = 1; i <= n; i++) {
      LedgerEntry e = entry(i, prev, i % 2 == 0 ? "DELIVERED" : "INGESTED", 2);
      String hash = e.hash();
      entries.add(new StoredEntry(100L + i, e, hash, List.copyOf(e.keys())));
      prev = hash;
    }
    return entries;
  }

  static LedgerEntry entry(long seq, String prev, String kind, int count) {
    return new LedgerEntry(
        seq,
        prev,
        kind,
        T0.plusSeconds(seq),
        kind.equals("DELIVERED") ? "bnv-national" : "p37-hr",
        kind.equals("DELIVERED") ? "BNV" : "P37",
        "CivilServant",
        null,
        count,
        List.of(personalId(seq), personalId(seq + 1)),
        "pos-" + seq + "-a",
        "pos-" + seq + "-b",
        null,
        null,
        null);
  }

  static String personalId(long n) {
    return String.format("037190%06d", n);
  }

  /** The entry with another record count, as an attacker would write it. */
  static LedgerEntry withCount(LedgerEntry e, int count) {
    return with(e, count, e.keys());
  }

  /** The entry with other keys (as retention leaves it: none). */
  static LedgerEntry withKeys(LedgerEntry e, List<String> keys) {
    return with(e, e.recordCount(), keys);
  }

  private static LedgerEntry with(LedgerEntry e, int count, List<String> keys) {
    return new LedgerEntry(
        e.seq(),
        e.prev(),
        e.kind(),
        e.at(),
        e.actor(),
        e.agency(),
        e.contract(),
        e.contractVersion(),
        count,
        keys,
        e.firstPosition(),
        e.lastPosition(),
        e.detail(),
        e.purpose(),
        e.legalBasis());
  }

  /** The entry's contents at another place in the chain (its seq changed, nothing else). */
  static LedgerEntry atSeq(LedgerEntry e, long seq) {
    return e.rechained(seq, e.prev());
  }
}
