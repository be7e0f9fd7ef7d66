package vn.truc.platform.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A public key that ledger checkpoints and exports are checked with.
 *
 * @param keyId hex SHA-256 of the key's X.509 (SubjectPublicKeyInfo) DER encoding, the same as
 *     {@code openssl pkey -pubin -in key.pub.pem -outform DER | sha256sum}
 * @param algorithm {@code Ed25519} or {@code ECDSA-SHA256}
 */
public record TrustedKey(String keyId, String algorithm, PublicKey publicKey) {

  public static final String ED25519 = "Ed25519";
  public static final String ECDSA = "ECDSA-SHA256";

  public static TrustedKey of(PublicKey key) {
    return new TrustedKey(LedgerHash.sha256Hex(key.getEncoded()), algorithmOf(key), key);
  }

  /** From X.509 DER (SubjectPublicKeyInfo), Ed25519 or EC. */
  public static TrustedKey fromDer(byte[] der) {
    for (String type : new String[] {"Ed25519", "EC"}) {
      try {
        return of(KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der)));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        // not this type; try the next
      }
    }
    throw new IllegalArgumentException("not an Ed25519 or EC public key (X.509 DER expected)");
  }

  public static TrustedKey fromBase64(String base64Der) {
    return fromDer(Base64.getDecoder().decode(base64Der));
  }

  /** From a PEM text holding a {@code PUBLIC KEY} block (other blocks are ignored). */
  public static TrustedKey fromPem(String pem) {
    byte[] der = Pem.block(pem, "PUBLIC KEY");
    if (der == null) {
      throw new IllegalArgumentException("no -----BEGIN PUBLIC KEY----- block");
    }
    return fromDer(der);
  }

  public String base64() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  public String pem() {
    return Pem.encode("PUBLIC KEY", publicKey.getEncoded());
  }

  /** Whether {@code signatureBase64} is this key's signature of {@code data}. */
  public boolean verifies(byte[] data, String signatureBase64) {
    try {
      byte[] signature = Base64.getDecoder().decode(signatureBase64);
      Signature v = Signature.getInstance(javaAlgorithm(algorithm));
      v.initVerify(publicKey);
      v.update(data);
      return v.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  public boolean verifies(String text, String signatureBase64) {
    return verifies(text.getBytes(StandardCharsets.UTF_8), signatureBase64);
  }

  static String javaAlgorithm(String algorithm) {
    return switch (algorithm) {
      case ED25519 -> "Ed25519";
      case ECDSA -> "SHA256withECDSA";
      default ->
          throw new IllegalArgumentException("unknown ledger signature algorithm " + algorithm);
    };
  }

  static String algorithmOf(Key key) {
    if (key instanceof EdECKey ed && "Ed25519".equals(ed.getParams().getName())) {
      return ED25519;
    }
    if (key instanceof ECPublicKey || key instanceof ECPrivateKey) {
      return ECDSA;
    }
    throw new IllegalArgumentException(
        "ledger keys are Ed25519 or EC (ECDSA with SHA-256), not " + key.getAlgorithm());
  }
}
