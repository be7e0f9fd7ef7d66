package vn.truc.platform.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do on the platform, as its token's {@code roles} claim says. The claim carries
 * the lower-case, hyphenated {@link #claimValue()}; identity providers that write {@code
 * PLATFORM_ADMIN} or {@code Platform_Admin} are read the same.
 */
public enum Role {
  /** Runs the platform: every call, every agency. */
  PLATFORM_ADMIN,
  /** An agency's IT officer: its own agency's connectors and subscriptions. */
  AGENCY_ADMIN,
  /** A receiving agency's operator: its own agency's subscriptions, their status and refusals. */
  SUBSCRIBER,
  /** An agency's data owner: reads its own agency's flows (and will approve grants). */
  APPROVER,
  /** An inspectorate or data-protection officer: reads everything, changes nothing. */
  AUDITOR;

  /** The value in a token's {@code roles} claim, e.g. {@code agency-admin}. */
  public String claimValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The Spring Security authority this role grants, e.g. {@code ROLE_AGENCY_ADMIN}. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** The role a claim value names, whatever its case and separator; empty if none. */
  public static Optional<Role> fromClaim(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String normal = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Role r : values()) {
      if (r.name().equals(normal)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
