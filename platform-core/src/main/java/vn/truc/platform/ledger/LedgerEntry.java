package vn.truc.platform.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the exchange ledger as it is hashed: the batch's facts, its place in the chain
 * ({@code seq}) and the hash of the entry before it ({@code prev}). Its hash is SHA-256 over {@link
 * #canonical()} in {@link CanonicalJson}; docs/ledger.md lists the members.
 *
 * @param seq position in the chain, 1 for the first entry, no gaps
 * @param prev hex SHA-256 of the entry before, {@link LedgerHash#GENESIS} for the first
 * @param kind INGESTED, REJECTED, DELIVERED, RESUBMITTED, ... (the outcome)
 * @param at when the batch ended; kept to the microsecond, as PostgreSQL stores it
 * @param actor the connector or subscription id
 * @param agency the agency on whose behalf the actor ran
 * @param contractVersion the contract's version, null where the route did not say
 * @param keys the batch's record keys (personal ID numbers), in batch order
 * @param purpose the purpose of a delivery under its grant, null until grants exist
 * @param legalBasis the legal basis of a delivery under its grant, null until grants exist
 */
public record LedgerEntry(
    long seq,
    String prev,
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
    String legalBasis) {

  /**
   * Whether an entry of {@code kind} has its keys in {@code ledger_key}: deliveries only, which is
   * what a person's trail lists. Every entry's keys are in the entry itself, and its hash.
   */
  public static boolean keysIndexed(String kind) {
    return "DELIVERED".equals(kind);
  }

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  public LedgerEntry {
    Objects.requireNonNull(prev, "prev");
    Objects.requireNonNull(kind, "kind");
    // PostgreSQL keeps microseconds (rounding finer input): truncating here first makes the hash
    // computed before the insert equal the one recomputed from the stored row.
    at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
    keys = keys == null ? List.of() : Collections.unmodifiableList(keys);
  }

  /** The members that are hashed, by their canonical names. */
  public Map<String, Object> canonical() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("actor", actor);
    m.put("agency", agency);
    m.put("at", formatTime(at));
    m.put("contract", contract);
    m.put("contractVersion", contractVersion);
    m.put("detail", detail);
    m.put("firstPosition", firstPosition);
    m.put("keys", keys);
    m.put("kind", kind);
    m.put("lastPosition", lastPosition);
    m.put("legalBasis", legalBasis);
    m.put("prev", prev);
    m.put("purpose", purpose);
    m.put("recordCount", recordCount);
    m.put("seq", seq);
    return m;
  }

  /** The same contents at another place in the chain: only {@code seq} and {@code prev} change. */
  public LedgerEntry rechained(long newSeq, String newPrev) {
    return new LedgerEntry(
        newSeq,
        newPrev,
        kind,
        at,
        actor,
        agency,
        contract,
        contractVersion,
        recordCount,
        keys,
        firstPosition,
        lastPosition,
        detail,
        purpose,
        legalBasis);
  }

  /** Hex SHA-256 of the canonical form: what the next entry's {@code prev} must be. */
  public String hash() {
    return LedgerHash.sha256Hex(CanonicalJson.bytes(canonical()));
  }

  /** A time as the ledger writes it: UTC, always six fraction digits. */
  public static String formatTime(Instant t) {
    return AT.format(t.truncatedTo(ChronoUnit.MICROS));
  }
}
