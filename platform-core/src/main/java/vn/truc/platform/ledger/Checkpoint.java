package vn.truc.platform.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed statement that the chain's entry {@code seq} had hash {@code hash}. Rewriting an entry
 * and recomputing every hash after it is within reach of whoever owns the database; forging this
 * signature is not, so a checkpoint pins all entries up to it.
 *
 * @param signature base64 signature of {@link #statement()} by the key {@code keyId}
 */
public record Checkpoint(
    long seq, String hash, Instant signedAt, String algorithm, String keyId, String signature) {

  public static final String TYPE = "truc.ledger.checkpoint";

  public Checkpoint {
    signedAt = signedAt.truncatedTo(ChronoUnit.MICROS);
  }

  public static Checkpoint sign(long seq, String hash, Instant at, LedgerSigningKey key) {
    Checkpoint unsigned = new Checkpoint(seq, hash, at, key.algorithm(), key.keyId(), null);
    return new Checkpoint(
        seq, hash, at, key.algorithm(), key.keyId(), key.sign(unsigned.statement()));
  }

  /** The signed bytes: canonical JSON of every member but the signature, plus a type. */
  public byte[] statement() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("algorithm", algorithm);
    m.put("hash", hash);
    m.put("keyId", keyId);
    m.put("seq", seq);
    m.put("signedAt", LedgerEntry.formatTime(signedAt));
    m.put("type", TYPE);
    return CanonicalJson.bytes(m);
  }

  /** Whether the signature holds under {@code key} (which must be the key named). */
  public boolean verifiedBy(TrustedKey key) {
    return key.keyId().equals(keyId)
        && key.algorithm().equals(algorithm)
        && signature != null
        && key.verifies(statement(), signature);
  }
}
