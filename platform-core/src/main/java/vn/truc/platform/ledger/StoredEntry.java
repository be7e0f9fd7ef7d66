package vn.truc.platform.ledger;

import java.util.List;

/**
 * An entry as found in storage (the database or an export), with the hash recorded beside it.
 *
 * @param id the database id, null where unknown
 * @param indexedKeys the entry's keys as the per-key index holds them (any order), null where there
 *     is no index to check
 */
public record StoredEntry(Long id, LedgerEntry entry, String hash, List<String> indexedKeys) {}
