package vn.truc.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger key: generated, kept, loaded from what OpenSSL writes, and used to sign. */
class LedgerSigningKeyTest {

  @TempDir Path dir;

  @Test
  void aGeneratedKeyIsKeptForItsOwnerAndLoadedAgainUnchanged() throws Exception {
    Path file = dir.resolve("ledger").resolve("signing-key.pem");
    LedgerSigningKey created = LedgerSigningKey.loadOrCreate(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file))
        .startsWith("-----BEGIN PRIVATE KEY-----")
        .contains("-----BEGIN PUBLIC KEY-----");
    LedgerSigningKey loaded = LedgerSigningKey.loadOrCreate(file);
    assertThat(loaded.keyId()).isEqualTo(created.keyId());
    assertThat(created.algorithm()).isEqualTo("Ed25519");
    assertThat(created.keyId())
        .isEqualTo(LedgerHash.sha256Hex(created.publicKey().publicKey().getEncoded()));
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aCheckpointVerifiesWithThePublicKeyAloneAndWithNoOtherKey() {
    LedgerSigningKey key = LedgerSigningKey.generate();
    Checkpoint c = Checkpoint.sign(42, "ab".repeat(32), Instant.now(), key);
    TrustedKey published = TrustedKey.fromPem(key.publicKey().pem());
    assertThat(c.verifiedBy(published)).isTrue();
    assertThat(c.verifiedBy(LedgerSigningKey.generate().publicKey())).isFalse();
    Checkpoint moved =
        new Checkpoint(43, c.hash(), c.signedAt(), c.algorithm(), c.keyId(), c.signature());
    assertThat(moved.verifiedBy(published)).isFalse();
  }

  @Test
  void anEcdsaKeyPairInPemSignsToo() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = g.generateKeyPair();
    String pem =
        Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded())
            + Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded());
    LedgerSigningKey key = LedgerSigningKey.fromPem(pem);
    assertThat(key.algorithm()).isEqualTo(TrustedKey.ECDSA);
    Checkpoint c = Checkpoint.sign(1, "cd".repeat(32), Instant.now(), key);
    assertThat(c.verifiedBy(TrustedKey.fromBase64(key.publicKey().base64()))).isTrue();
  }

  @Test
  void aPemWhoseHalvesDoNotMatchIsRefused() {
    LedgerSigningKey a = LedgerSigningKey.generate();
    LedgerSigningKey b = LedgerSigningKey.generate();
    String mixed = a.pem().substring(0, a.pem().indexOf("-----BEGIN PUBLIC")) + b.publicKey().pem();
    assertThatThrownBy(() -> LedgerSigningKey.fromPem(mixed)).hasMessageContaining("not one pair");
    assertThatThrownBy(() -> LedgerSigningKey.fromPem(b.publicKey().pem()))
        .hasMessageContaining("PRIVATE KEY");
    String privateOnly = a.pem().substring(0, a.pem().indexOf("-----BEGIN PUBLIC"));
    assertThatThrownBy(() -> LedgerSigningKey.fromPem(privateOnly))
        .hasMessageContaining("openssl pkey -in key.pem -pubout >> key.pem");
  }

  /** The commands docs/ledger.md gives an operator produce a key the platform accepts. */
  @Test
  void aKeyMadeWithOpensslAsDocumentedLoads() throws Exception {
    assumeTrue(openssl("version") == 0, "openssl is not installed");
    Path pem = dir.resolve("ledger.pem");
    assertThat(openssl("genpkey", "-algorithm", "ed25519", "-out", pem.toString())).isZero();
    Path pub = dir.resolve("pub.pem");
    assertThat(openssl("pkey", "-in", pem.toString(), "-pubout", "-out", pub.toString())).isZero();
    Files.writeString(
        pem, Files.readString(pub), StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
    LedgerSigningKey key = LedgerSigningKey.load(pem);
    Path der = dir.resolve("pub.der");
    assertThat(
            openssl(
                "pkey", "-pubin", "-in", pub.toString(), "-outform", "DER", "-out", der.toString()))
        .isZero();
    assertThat(key.keyId()).isEqualTo(LedgerHash.sha256Hex(Files.readAllBytes(der)));
  }

  private int openssl(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "openssl";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
