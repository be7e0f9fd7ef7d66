package vn.truc.platform.grant;

import java.time.Instant;

/**
 * A grant request and what became of it, as stored: who asked for which subscription, the terms
 * asked and granted, and each decision with who and when.
 *
 * @param id {@code <subscription>.<n>}, n counting the subscription's requests from 1
 * @param agency the receiving agency, which asked
 * @param owner the agency that decides: the contract's data owner ({@code truc.owner})
 * @param granted the terms approved (the request's, or narrower); null until approved
 */
public record GrantRecord(
    String id,
    String subscription,
    String agency,
    String owner,
    String contract,
    GrantTerms requested,
    GrantTerms granted,
    GrantStatus status,
    String requestedBy,
    Instant requestedAt,
    String decidedBy,
    Instant decidedAt,
    String reason,
    String revokedBy,
    Instant revokedAt) {

  /** The grant as delivery enforces it; null unless approved (revoked ones included). */
  public vn.truc.routes.grant.Grant enforced() {
    if (granted == null || decidedAt == null) {
      return null;
    }
    return GrantTermsCheck.toGrant(id, subscription, contract, granted, decidedAt, revokedAt);
  }

  /** APPROVED, but past its end: reported as EXPIRED. */
  public String state(Instant now) {
    if (status == GrantStatus.APPROVED) {
      vn.truc.routes.grant.Grant g = enforced();
      if (g.validUntil() != null && !now.isBefore(g.validUntil())) {
        return "EXPIRED";
      }
      if (now.isBefore(g.validFrom())) {
        return "APPROVED_NOT_YET_VALID";
      }
    }
    return status.name();
  }
}
