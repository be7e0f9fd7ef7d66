package vn.truc.platform.security;

import org.springframework.security.authorization.AuthorizationDecision;

/** Spring Security's decision, carrying the policy's reason to the 403 it may become. */
final class PolicyDecision extends AuthorizationDecision {

  private final String reason;

  PolicyDecision(AccessPolicy.Decision decision) {
    super(decision.allowed());
    this.reason = decision.reason();
  }

  String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return "PolicyDecision[granted=" + isGranted() + ", reason=" + reason + "]";
  }
}
