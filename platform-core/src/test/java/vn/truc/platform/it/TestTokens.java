package vn.truc.platform.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import vn.truc.platform.security.LocalIssuerKey;
import vn.truc.platform.security.Role;
import vn.truc.platform.security.TokenMinter;

/**
 * Tokens for a platform under test, signed by its local issuer: the key the platform keeps in its
 * data directory, read the way {@code truc token} reads it.
 */
final class TestTokens {

  private TestTokens() {}

  /** The local issuer's key file of a platform running in this JVM. */
  static Path keyFile(ConfigurableApplicationContext app) {
    String keyFile = app.getEnvironment().getProperty("truc.security.local-issuer.key-file");
    return keyFile != null
        ? Path.of(keyFile)
        : keyFileUnder(app.getEnvironment().getProperty("truc.data-dir", "./data"));
  }

  /** The key file under a platform's {@code truc.data-dir}. */
  static Path keyFileUnder(String dataDir) {
    return Path.of(dataDir).resolve(LocalIssuerKey.DEFAULT_FILE);
  }

  static TokenMinter minter(Path keyFile) {
    return new TokenMinter(LocalIssuerKey.load(keyFile));
  }

  /** A platform administrator's token, valid for an hour. */
  static String platformAdmin(ConfigurableApplicationContext app) {
    return platformAdmin(keyFile(app));
  }

  static String platformAdmin(Path keyFile) {
    return minter(keyFile)
        .mint(
            TokenMinter.Claims.valid(
                "it-platform-admin", null, List.of(Role.PLATFORM_ADMIN), Duration.ofHours(1)));
  }
}
