package vn.truc.platform.ledger;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the exchange ledger (prefix {@code truc.ledger}).
 *
 * @param signingKey a PEM file with the ledger's private and public key (Ed25519 or EC); unset, the
 *     platform uses {@code <truc.data-dir>/ledger/signing-key.pem}, generating it on first start
 * @param trustedKeys PEM files of earlier public keys whose checkpoints still count (after a key
 *     change)
 * @param checkpointEvery an append signs a checkpoint when its sequence number is a multiple of
 *     this
 * @param checkpointInterval how often the platform signs the newest entry if it has no checkpoint
 *     yet, so a quiet ledger is pinned too
 * @param zone the zone of times given without an offset ({@code from=2026-11-01})
 * @param retention contract name to how long its entries keep their record keys ({@code 1825d} or
 *     {@code P1825D}); after that, once an export has archived them, the keys are removed from the
 *     database. A contract not named keeps them for ever
 */
@ConfigurationProperties("truc.ledger")
public record LedgerProperties(
    Path signingKey,
    @DefaultValue List<Path> trustedKeys,
    @DefaultValue("1000") int checkpointEvery,
    @DefaultValue("PT1M") Duration checkpointInterval,
    @DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
    @DefaultValue Map<String, Duration> retention) {}
