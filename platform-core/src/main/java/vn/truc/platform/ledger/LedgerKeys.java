package vn.truc.platform.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.truc.platform.TrucProperties;

/**
 * The platform's ledger key and the keys it trusts. Trust comes from configuration and files, never
 * from the database: whoever can write the ledger tables must not be able to vouch for a key.
 */
@Component
public class LedgerKeys {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerKeys.class);

  private final LedgerSigningKey signing;
  private final List<TrustedKey> trusted;

  public LedgerKeys(LedgerProperties properties, TrucProperties truc) {
    Path file =
        properties.signingKey() != null
            ? properties.signingKey()
            : truc.dataDir().resolve("ledger").resolve("signing-key.pem");
    try {
      if (properties.signingKey() != null) {
        if (!Files.isRegularFile(file)) {
          throw new IllegalStateException(
              "truc.ledger.signing-key: no such file " + file.toAbsolutePath());
        }
        signing = LedgerSigningKey.load(file);
      } else {
        signing = LedgerSigningKey.loadOrCreate(file);
      }
      List<TrustedKey> keys = new ArrayList<>();
      keys.add(signing.publicKey());
      for (Path p : properties.trustedKeys()) {
        try {
          keys.add(TrustedKey.fromPem(Files.readString(p, StandardCharsets.US_ASCII)));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException("truc.ledger.trusted-keys: " + p + ": " + e.getMessage());
        }
      }
      trusted = Collections.unmodifiableList(keys);
    } catch (IOException e) {
      throw new UncheckedIOException("ledger signing key " + file.toAbsolutePath(), e);
    }
    LOG.info(
        "Ledger signing key {} ({}) from {}; auditors check exports against this id",
        signing.keyId(),
        signing.algorithm(),
        file.toAbsolutePath().normalize());
  }

  public LedgerSigningKey signing() {
    return signing;
  }

  /** The signing key's public half first, then the configured earlier keys. */
  public List<TrustedKey> trusted() {
    return trusted;
  }
}
