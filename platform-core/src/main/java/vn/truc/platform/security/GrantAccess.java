package vn.truc.platform.security;

import java.util.List;
import vn.truc.platform.grant.GrantRecord;

/**
 * Who may do what with one grant, which concerns two agencies: the receiving agency that asked and
 * the owning agency that decides. Reading: either side. Deciding: the owner. Revoking: the owner's
 * approver, or the receiver giving it up.
 */
public final class GrantAccess {

  /** The kinds of call on one grant. */
  public enum Use {
    READ,
    DECIDE,
    REVOKE
  }

  private final AccessPolicy policy;

  public GrantAccess(AccessPolicy policy) {
    this.policy = policy;
  }

  /** Allowed if any (action, agency) pair the use admits is; else the first refusal. */
  public AccessPolicy.Decision decide(Caller caller, Use use, GrantRecord g) {
    String agency = g == null ? null : g.agency();
    String owner = g == null ? null : g.owner();
    List<AccessPolicy.Decision> tried =
        switch (use) {
          case READ ->
              List.of(
                  policy.decide(caller, Action.GRANT_READ, agency),
                  policy.decide(caller, Action.GRANT_READ, owner));
          case DECIDE -> List.of(policy.decide(caller, Action.GRANT_DECIDE, owner));
          case REVOKE ->
              List.of(
                  policy.decide(caller, Action.GRANT_DECIDE, owner),
                  policy.decide(caller, Action.GRANT_REVOKE, agency));
        };
    return tried.stream().filter(AccessPolicy.Decision::allowed).findFirst().orElse(tried.get(0));
  }

  /** Whether the current caller may see {@code g} in a list. */
  public boolean mayRead(GrantRecord g) {
    return Callers.current().map(c -> decide(c, Use.READ, g).allowed()).orElse(false);
  }
}
