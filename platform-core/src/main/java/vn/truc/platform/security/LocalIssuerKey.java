package vn.truc.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The local issuer's signing key: an RSA key pair in one PEM file (an unencrypted PKCS#8 {@code
 * PRIVATE KEY} block, as {@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072}
 * writes it). Whoever can read the file can mint any token, so it is created readable by its owner
 * only. Its key id is the RFC 7638 thumbprint of the public key, so it needs no second file.
 */
public final class LocalIssuerKey {

  /** Where the key lives under {@code truc.data-dir} unless a key file is set. */
  public static final String DEFAULT_FILE = "security/local-issuer-key.pem";

  private static final int BITS = 3072;

  private final RSAKey jwk;

  private LocalIssuerKey(RSAKey jwk) {
    this.jwk = jwk;
  }

  /** The key of {@code file}, generated and written first if there is none yet. */
  public static LocalIssuerKey loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot read or write the local issuer's key " + file + ": " + e.getMessage(), e);
    }
  }

  /** The key of an existing file; fails, saying why, if it is missing or unreadable. */
  public static LocalIssuerKey load(Path file) {
    if (!Files.isReadable(file)) {
      throw new IllegalStateException(
          "No readable local issuer key at "
              + file.toAbsolutePath().normalize()
              + ": start the platform once with this data directory (it creates the key), or"
              + " point at the right one");
    }
    try {
      return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** A fresh key kept in memory only (tests: a token signed by a key the platform never saw). */
  public static LocalIssuerKey generate() {
    try {
      return fromPem(newPem());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }

  static LocalIssuerKey fromPem(String pem) {
    String body = pem.replaceAll("-----BEGIN PRIVATE KEY-----|-----END PRIVATE KEY-----|\\s", "");
    if (!pem.contains("-----BEGIN PRIVATE KEY-----") || body.isEmpty()) {
      throw new IllegalArgumentException(
          "no -----BEGIN PRIVATE KEY----- block (an unencrypted PKCS#8 RSA key)");
    }
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)))
          instanceof RSAPrivateCrtKey key)) {
        throw new IllegalArgumentException("the private key lacks its CRT parameters");
      }
      RSAPublicKey pub =
          (RSAPublicKey)
              rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
      RSAKey unnamed = new RSAKey.Builder(pub).privateKey(key).build();
      return new LocalIssuerKey(
          new RSAKey.Builder(unnamed)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
              .keyID(unnamed.computeThumbprint().toString())
              .build());
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalArgumentException("not an RSA private key: " + e.getMessage(), e);
    }
  }

  /** The private and public key, for signing. */
  public RSAKey signingKey() {
    return jwk;
  }

  /** The public half only, as the JWKS endpoint serves it. */
  public RSAKey publicKey() {
    return jwk.toPublicJWK();
  }

  public String keyId() {
    return jwk.getKeyID();
  }

  /**
   * Writes a new key so that concurrent starts on one data directory end with one key: the file
   * appears whole or not at all (a hard link is created only if no file has the name), and the one
   * that lost the race reads the winner's.
   */
  private static void create(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (posix && !Files.exists(dir)) {
      Files.createDirectories(dir.getParent());
      try {
        Files.createDirectory(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (FileAlreadyExistsException concurrentStart) {
        // made by another process starting on the same data directory
      }
    }
    Files.createDirectories(dir);
    Path tmp =
        posix
            ? Files.createTempFile(
                dir,
                ".local-issuer-",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(dir, ".local-issuer-", ".tmp");
    try {
      Files.writeString(tmp, newPem(), StandardCharsets.US_ASCII);
      try {
        Files.createLink(file, tmp);
      } catch (FileAlreadyExistsException raceLost) {
        // another process wrote the key first: use theirs
      } catch (UnsupportedOperationException | FileSystemException noLinks) {
        if (!Files.exists(file)) {
          Files.move(tmp, file);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String newPem() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(BITS);
    byte[] pkcs8 = g.generateKeyPair().getPrivate().getEncoded();
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
        + "\n-----END PRIVATE KEY-----\n";
  }
}
