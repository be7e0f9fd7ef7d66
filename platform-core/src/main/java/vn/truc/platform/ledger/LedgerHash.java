package vn.truc.platform.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as the ledger writes it: lower-case hex. */
public final class LedgerHash {

  /** The {@code prev} of the first entry: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  private LedgerHash() {}

  public static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(sha256().digest(data));
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
