package vn.truc.platform.grant;

/** Where a grant request stands. Only an APPROVED grant, within its period, lets records pass. */
public enum GrantStatus {
  PENDING,
  APPROVED,
  REJECTED,
  REVOKED,
  /** An approved grant replaced by the approval of a newer request of the same subscription. */
  SUPERSEDED,
  /** A pending request replaced by a newer request before anyone decided on it. */
  WITHDRAWN
}
