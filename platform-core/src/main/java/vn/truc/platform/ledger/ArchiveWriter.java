package vn.truc.platform.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a ledger export: one JSON-lines file, every line canonical JSON. A header line (range, the
 * hash before the first entry, the public keys), one line per entry and per checkpoint in sequence
 * order, and a last line with the SHA-256 of every byte before it and the platform's signature of
 * that digest. docs/ledger.md describes each line; {@link ArchiveVerifier} checks one. Written as
 * it goes: the export of a large range never sits in memory.
 */
public final class ArchiveWriter {

  public static final String FORMAT = "truc-ledger-export/1";
  public static final String SIGNED_TYPE = "truc.ledger.export";

  private final OutputStream out;
  private final LedgerSigningKey key;
  private final MessageDigest digest = LedgerHash.sha256();

  public ArchiveWriter(OutputStream out, LedgerSigningKey key) {
    this.out = out;
    this.key = key;
  }

  /**
   * @param previousHash the hash of entry {@code fromSeq - 1}, {@link LedgerHash#GENESIS} if none
   * @param keys every key the archive's checkpoints may be signed with; the signing key is added
   */
  public void header(
      long fromSeq,
      long toSeq,
      String previousHash,
      Instant exportedAt,
      Collection<TrustedKey> keys,
      Map<String, String> selection)
      throws IOException {
    List<Map<String, Object>> keyList = new ArrayList<>();
    keyList.add(describe(key.publicKey()));
    for (TrustedKey k : keys) {
      if (!k.keyId().equals(key.keyId())) {
        keyList.add(describe(k));
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "header");
    m.put("format", FORMAT);
    m.put("fromSeq", fromSeq);
    m.put("toSeq", toSeq);
    m.put("previousHash", previousHash);
    m.put("exportedAt", LedgerEntry.formatTime(exportedAt));
    m.put("signingKeyId", key.keyId());
    m.put("keys", keyList);
    m.put("selection", new LinkedHashMap<String, Object>(selection));
    line(m);
  }

  public void entry(StoredEntry e) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "entry");
    m.put("id", e.id());
    m.put("hash", e.hash());
    if (e.redacted()) {
      // Its keys went to retention after an earlier archive, which holds it whole.
      m.put("redacted", true);
    }
    m.put("entry", e.entry().canonical());
    line(m);
  }

  public void checkpoint(Checkpoint c) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "checkpoint");
    m.put("seq", c.seq());
    m.put("hash", c.hash());
    m.put("signedAt", LedgerEntry.formatTime(c.signedAt()));
    m.put("algorithm", c.algorithm());
    m.put("keyId", c.keyId());
    m.put("signature", c.signature());
    line(m);
  }

  /** Writes the signature line and flushes; nothing may be written after it. */
  public void finish() throws IOException {
    String sha256 = HexFormat.of().formatHex(digest.digest());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "signature");
    m.put("algorithm", key.algorithm());
    m.put("keyId", key.keyId());
    m.put("sha256", sha256);
    m.put("signature", key.sign(signedStatement(key.keyId(), sha256)));
    out.write(CanonicalJson.bytes(m));
    out.write('\n');
    out.flush();
  }

  /** What the last line's signature is over. */
  static byte[] signedStatement(String keyId, String sha256) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("keyId", keyId);
    m.put("sha256", sha256);
    m.put("type", SIGNED_TYPE);
    return CanonicalJson.bytes(m);
  }

  static Map<String, Object> describe(TrustedKey k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("algorithm", k.algorithm());
    m.put("keyId", k.keyId());
    m.put("publicKey", k.base64());
    return m;
  }

  private void line(Map<String, Object> m) throws IOException {
    byte[] bytes = CanonicalJson.bytes(m);
    digest.update(bytes);
    digest.update((byte) '\n');
    out.write(bytes);
    out.write('\n');
  }
}
