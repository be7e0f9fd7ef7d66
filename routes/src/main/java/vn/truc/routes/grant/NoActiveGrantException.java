package vn.truc.routes.grant;

/**
 * A delivery batch met a subscription without a grant in force (none yet, revoked, expired): the
 * batch is neither written nor committed, so it is delivered later only if a grant allows it.
 */
public final class NoActiveGrantException extends RuntimeException {

  public NoActiveGrantException(String subscription, Grant grant) {
    super(
        "subscription "
            + subscription
            + (grant == null
                ? " has no approved grant"
                : grant.revokedAt() != null
                    ? "'s grant " + grant.id() + " was revoked at " + grant.revokedAt()
                    : "'s grant "
                        + grant.id()
                        + " is not in force now (valid "
                        + grant.validFrom()
                        + " to "
                        + grant.validUntil()
                        + ")")
            + ": nothing is delivered");
  }
}
