package vn.truc.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** The local issuer's key on disk, the tokens it signs, and what its decoder refuses. */
class LocalIssuerTest {

  @TempDir Path dir;

  private static final LocalIssuerKey KEY = LocalIssuerKey.generate();
  private static final JwtDecoder DECODER =
      LocalIssuerConfiguration.decoder(KEY, List.of(SecurityConfiguration.EXPIRY_REQUIRED));

  private static TokenMinter.Claims p37Admin() {
    return TokenMinter.Claims.valid(
        "ninh-binh-it", "P37", List.of(Role.AGENCY_ADMIN), Duration.ofMinutes(5));
  }

  @Test
  void aMintedTokenCarriesTheCallerAndPassesTheChecks() {
    Jwt jwt = DECODER.decode(new TokenMinter(KEY).mint(p37Admin()));
    assertThat(jwt.getSubject()).isEqualTo("ninh-binh-it");
    assertThat(jwt.getClaimAsString("iss")).isEqualTo(TokenMinter.ISSUER);
    assertThat(jwt.getAudience()).containsExactly(TokenMinter.AUDIENCE);
    assertThat(jwt.getHeaders()).containsEntry("kid", KEY.keyId());
    Caller caller = CallerClaims.STANDARD.caller(jwt.getSubject(), jwt.getClaims());
    assertThat(caller).isEqualTo(new Caller("ninh-binh-it", "P37", Set.of(Role.AGENCY_ADMIN)));
  }

  @Test
  void refusesExpiredNotYetValidWrongIssuerWrongAudienceAndForeignKeys() {
    TokenMinter minter = new TokenMinter(KEY);
    Instant now = Instant.now();
    assertThatThrownBy(
            () ->
                DECODER.decode(
                    minter.mint(
                        p37Admin()
                            .validBetween(
                                now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))))))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
    assertThatThrownBy(
            () ->
                DECODER.decode(
                    minter.mint(
                        p37Admin()
                            .validBetween(
                                now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))))))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("before");
    assertThatThrownBy(() -> DECODER.decode(minter.mint(p37Admin().withIssuer("https://evil"))))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("iss");
    assertThatThrownBy(() -> DECODER.decode(minter.mint(p37Admin().withAudience("other-app"))))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("aud");
    assertThatThrownBy(
            () -> DECODER.decode(new TokenMinter(LocalIssuerKey.generate()).mint(p37Admin())))
        .isInstanceOf(BadJwtException.class);
    String valid = minter.mint(p37Admin());
    String tampered = valid.substring(0, valid.length() - 4) + "AAAA";
    assertThatThrownBy(() -> DECODER.decode(tampered)).isInstanceOf(BadJwtException.class);
  }

  @Test
  void refusesAnUnsignedToken() {
    String[] parts = new TokenMinter(KEY).mint(p37Admin()).split("\\.");
    String none =
        java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";
    assertThatThrownBy(() -> DECODER.decode(none)).isInstanceOf(BadJwtException.class);
  }

  @Test
  void theKeyIsCreatedOnceReadableByItsOwnerOnlyAndReadBackTheSame() throws Exception {
    Path file = dir.resolve("data").resolve(LocalIssuerKey.DEFAULT_FILE);
    LocalIssuerKey created = LocalIssuerKey.loadOrCreate(file);
    assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(LocalIssuerKey.loadOrCreate(file).keyId()).isEqualTo(created.keyId());
    assertThat(LocalIssuerKey.load(file).keyId()).isEqualTo(created.keyId());
    try (var left = Files.list(file.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("local-issuer-key.pem");
    }
  }

  @Test
  void concurrentFirstStartsEndWithOneKey() throws Exception {
    Path file = dir.resolve("race").resolve(LocalIssuerKey.DEFAULT_FILE);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<String>> starts =
          IntStream.range(0, 4)
              .<Callable<String>>mapToObj(i -> () -> LocalIssuerKey.loadOrCreate(file).keyId())
              .toList();
      List<String> ids = pool.invokeAll(starts).stream().map(LocalIssuerTest::get).toList();
      assertThat(Set.copyOf(ids)).hasSize(1).containsExactly(LocalIssuerKey.load(file).keyId());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMissingOrBrokenKeySaysWhatToDo() throws Exception {
    assertThatThrownBy(() -> LocalIssuerKey.load(dir.resolve("none.pem")))
        .hasMessageContaining("start the platform once");
    assertThatThrownBy(() -> LocalIssuerKey.fromPem("-----BEGIN EC PRIVATE KEY-----\nAA\n"))
        .hasMessageContaining("PKCS#8");
  }

  private static String get(Future<String> f) {
    try {
      return f.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
