package vn.truc.platform.ledger;

import java.util.List;

/**
 * An entry as found in storage (the database or an export), with the hash recorded beside it.
 *
 * @param id the database id, null where unknown
 * @param indexedKeys the entry's keys as the per-key index holds them (any order), null where there
 *     is no index to check
 * @param redacted its keys were removed after it was archived (retention): its hash can no longer
 *     be recomputed, only its place in the chain checked; the archive holds it whole
 */
public record StoredEntry(
    Long id, LedgerEntry entry, String hash, List<String> indexedKeys, boolean redacted) {

  public StoredEntry(Long id, LedgerEntry entry, String hash, List<String> indexedKeys) {
    this(id, entry, hash, indexedKeys, false);
  }
}
