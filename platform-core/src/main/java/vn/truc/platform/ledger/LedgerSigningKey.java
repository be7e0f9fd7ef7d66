package vn.truc.platform.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The platform's ledger key: signs checkpoints and exports. Kept as one PEM file holding a PKCS#8
 * {@code PRIVATE KEY} block and its {@code PUBLIC KEY} block (the JDK cannot derive an Ed25519
 * public key from the private one), as {@code openssl genpkey -algorithm ed25519 -out k.pem &&
 * openssl pkey -in k.pem -pubout >> k.pem} writes it.
 */
public final class LedgerSigningKey {

  private final PrivateKey privateKey;
  private final TrustedKey publicKey;

  private LedgerSigningKey(PrivateKey privateKey, TrustedKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  public static LedgerSigningKey generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new LedgerSigningKey(pair.getPrivate(), TrustedKey.of(pair.getPublic()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Java 15 and later have Ed25519", e);
    }
  }

  /** From PEM text; fails, saying why, unless it holds a matching private and public key. */
  public static LedgerSigningKey fromPem(String pem) {
    byte[] pkcs8 = Pem.block(pem, "PRIVATE KEY");
    if (pkcs8 == null) {
      throw new IllegalArgumentException(
          Pem.has(pem, "EC PRIVATE KEY")
              ? "the private key is in SEC1 form; convert it to PKCS#8 with"
                  + " `openssl pkcs8 -topk8 -nocrypt -in old.pem`"
              : "no -----BEGIN PRIVATE KEY----- block (unencrypted PKCS#8)");
    }
    if (!Pem.has(pem, "PUBLIC KEY")) {
      throw new IllegalArgumentException(
          "no -----BEGIN PUBLIC KEY----- block; append it with"
              + " `openssl pkey -in key.pem -pubout >> key.pem`");
    }
    TrustedKey publicKey = TrustedKey.fromPem(pem);
    PrivateKey privateKey = privateKey(pkcs8);
    LedgerSigningKey key = new LedgerSigningKey(privateKey, publicKey);
    byte[] probe = "truc ledger key check".getBytes(StandardCharsets.UTF_8);
    if (!publicKey.verifies(probe, key.sign(probe))) {
      throw new IllegalArgumentException("the private and the public key are not one pair");
    }
    return key;
  }

  public static LedgerSigningKey load(Path file) throws IOException {
    try {
      return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ledger signing key " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads the key in {@code file}, or generates one there (readable by its owner only) if there is
   * none. Two processes starting together end up with the same key: the file appears at once,
   * complete, or not at all.
   */
  public static LedgerSigningKey loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      return load(file);
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    LedgerSigningKey key = generate();
    Path tmp;
    try {
      tmp =
          Files.createTempFile(
              dir,
              ".ledger-key",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      tmp = Files.createTempFile(dir, ".ledger-key", ".tmp");
    }
    try {
      Files.writeString(tmp, key.pem(), StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      return key;
    } catch (FileAlreadyExistsException e) {
      return load(file);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public TrustedKey publicKey() {
    return publicKey;
  }

  public String keyId() {
    return publicKey.keyId();
  }

  public String algorithm() {
    return publicKey.algorithm();
  }

  /** Both blocks, private first. */
  public String pem() {
    return Pem.encode("PRIVATE KEY", privateKey.getEncoded()) + publicKey.pem();
  }

  /** The signature of {@code data}, in base64. */
  public String sign(byte[] data) {
    try {
      Signature s = Signature.getInstance(TrustedKey.javaAlgorithm(publicKey.algorithm()));
      s.initSign(privateKey);
      s.update(data);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing with the ledger key failed", e);
    }
  }

  private static PrivateKey privateKey(byte[] pkcs8) {
    for (String type : new String[] {"Ed25519", "EC"}) {
      try {
        PrivateKey k = KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        TrustedKey.algorithmOf(k);
        return k;
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        // not this type; try the next
      }
    }
    throw new IllegalArgumentException("the private key is neither Ed25519 nor EC");
  }
}
