package vn.truc.platform.ledger;

import java.time.Instant;
import java.util.List;

/** An entry as the auditor API shows it: its facts, its place in the chain and its hashes. */
public record EntryView(
    long id,
    Long seq,
    String kind,
    Instant at,
    String actor,
    String agency,
    String contract,
    Integer contractVersion,
    int recordCount,
    List<String> keys,
    String firstPosition,
    String lastPosition,
    String detail,
    String purpose,
    String legalBasis,
    String prevHash,
    String hash) {

  /** One page of a search, and how many entries match in all. */
  public record Page(int page, int size, long total, List<EntryView> entries) {}
}
