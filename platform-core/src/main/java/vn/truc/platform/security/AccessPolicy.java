package vn.truc.platform.security;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who may do what, in one place: each role's reach per action, either over every agency or over the
 * caller's own. Every API call is decided here; the web layer only says which action a call is and
 * which agency owns what it touches.
 *
 * <table>
 *   <caption>Reach per role (own = the caller's agency only)</caption>
 *   <tr><th>action</th><th>platform admin</th><th>agency admin</th><th>subscriber</th>
 *       <th>approver</th><th>auditor</th></tr>
 *   <tr><td>agencies, registry: read</td><td>all</td><td>all</td><td>all</td><td>all</td><td>all</td></tr>
 *   <tr><td>registry: write</td><td>all</td><td></td><td></td><td></td><td></td></tr>
 *   <tr><td>connectors: read</td><td>all</td><td>own</td><td></td><td>own</td><td>all</td></tr>
 *   <tr><td>connectors: write, re-submit</td><td>all</td><td>own</td><td></td><td></td><td></td></tr>
 *   <tr><td>connector dead letters: read</td><td>all</td><td>own</td><td></td><td></td><td>all</td></tr>
 *   <tr><td>subscriptions: read</td><td>all</td><td>own</td><td>own</td><td>own</td><td>all</td></tr>
 *   <tr><td>subscriptions: write</td><td>all</td><td>own</td><td></td><td></td><td></td></tr>
 *   <tr><td>subscription dead letters: read</td><td>all</td><td>own</td><td>own</td><td></td><td>all</td></tr>
 *   <tr><td>grants: read (own = receiving or owning agency)</td><td>all</td><td>own</td><td>own</td><td>own</td><td>all</td></tr>
 *   <tr><td>grants: approve, narrow, reject, revoke (own = owning agency)</td><td>all</td><td></td><td></td><td>own</td><td></td></tr>
 *   <tr><td>grants: revoke (own = receiving agency)</td><td>all</td><td>own</td><td></td><td></td><td></td></tr>
 *   <tr><td>ledger, demo, metrics: read</td><td>all</td><td></td><td></td><td></td><td>all</td></tr>
 *   <tr><td>ledger: write; anything unlisted</td><td>all</td><td></td><td></td><td></td><td></td></tr>
 * </table>
 */
public final class AccessPolicy {

  /** How far a role reaches for one action. */
  enum Reach {
    OWN_AGENCY,
    ANY_AGENCY
  }

  /** The answer, with a reason a caller can act on when it is no. */
  public record Decision(boolean allowed, String reason) {
    static Decision allow(String reason) {
      return new Decision(true, reason);
    }

    static Decision deny(String reason) {
      return new Decision(false, reason);
    }
  }

  private final Map<Role, Map<Action, Reach>> grants = new EnumMap<>(Role.class);

  public AccessPolicy() {
    for (Action a : Action.values()) {
      grant(Role.PLATFORM_ADMIN, a, Reach.ANY_AGENCY);
    }
    for (Action a :
        List.of(
            Action.CONNECTOR_READ,
            Action.CONNECTOR_DEAD_LETTERS_READ,
            Action.SUBSCRIPTION_READ,
            Action.SUBSCRIPTION_DEAD_LETTERS_READ,
            Action.GRANT_READ,
            Action.LEDGER_READ,
            Action.DEMO_READ,
            Action.OPERATIONS_READ)) {
      grant(Role.AUDITOR, a, Reach.ANY_AGENCY);
    }
    for (Action a :
        List.of(
            Action.CONNECTOR_READ,
            Action.CONNECTOR_WRITE,
            Action.CONNECTOR_DEAD_LETTERS_READ,
            Action.CONNECTOR_DEAD_LETTERS_RESUBMIT,
            Action.SUBSCRIPTION_READ,
            Action.SUBSCRIPTION_WRITE,
            Action.SUBSCRIPTION_DEAD_LETTERS_READ,
            Action.GRANT_READ,
            Action.GRANT_REVOKE)) {
      grant(Role.AGENCY_ADMIN, a, Reach.OWN_AGENCY);
    }
    grant(Role.SUBSCRIBER, Action.SUBSCRIPTION_READ, Reach.OWN_AGENCY);
    grant(Role.SUBSCRIBER, Action.SUBSCRIPTION_DEAD_LETTERS_READ, Reach.OWN_AGENCY);
    grant(Role.SUBSCRIBER, Action.GRANT_READ, Reach.OWN_AGENCY);
    grant(Role.APPROVER, Action.GRANT_READ, Reach.OWN_AGENCY);
    grant(Role.APPROVER, Action.GRANT_DECIDE, Reach.OWN_AGENCY);
    grant(Role.APPROVER, Action.CONNECTOR_READ, Reach.OWN_AGENCY);
    grant(Role.APPROVER, Action.SUBSCRIPTION_READ, Reach.OWN_AGENCY);
  }

  private void grant(Role role, Action action, Reach reach) {
    grants.computeIfAbsent(role, r -> new EnumMap<>(Action.class)).put(action, reach);
  }

  /**
   * May {@code caller} do {@code action} on something owned by {@code resourceAgency}?
   *
   * @param resourceAgency the owning agency's code; null when the call touches no one agency's
   *     resource (a list, a new definition without an agency, a flow that does not exist): then
   *     reaching the caller's own agency is enough, and what the call returns is filtered or
   *     checked further by agency
   */
  public Decision decide(Caller caller, Action action, String resourceAgency) {
    Objects.requireNonNull(caller, "caller");
    if (action.anyCaller()) {
      return Decision.allow("every authenticated caller may " + action.description());
    }
    boolean ownReach = false;
    for (Role role : caller.roles()) {
      Reach reach = grants.getOrDefault(role, Map.of()).get(action);
      if (reach == Reach.ANY_AGENCY) {
        return Decision.allow(role.claimValue() + " may " + action.description());
      }
      ownReach |= reach == Reach.OWN_AGENCY;
    }
    if (!ownReach) {
      return Decision.deny(
          "to "
              + action.description()
              + " a token needs one of the roles "
              + rolesFor(action)
              + "; this one has "
              + names(caller));
    }
    if (caller.agency() == null) {
      return Decision.deny(
          "to "
              + action.description()
              + " of its own agency a token must name the agency (claim 'agency'); this one"
              + " names none");
    }
    if (resourceAgency == null || resourceAgency.equals(caller.agency())) {
      return Decision.allow(
          names(caller) + " of " + caller.agency() + " may " + action.description() + " of it");
    }
    return Decision.deny(
        "a token of agency "
            + caller.agency()
            + " may "
            + action.description()
            + " of "
            + caller.agency()
            + " only; this belongs to "
            + resourceAgency);
  }

  /** The roles that reach {@code action} at all, in the claim's spelling. */
  List<String> rolesFor(Action action) {
    List<String> roles = new ArrayList<>();
    for (Role r : Role.values()) {
      if (grants.getOrDefault(r, Map.of()).containsKey(action)) {
        roles.add(r.claimValue());
      }
    }
    return roles;
  }

  private static List<String> names(Caller caller) {
    List<String> names = new ArrayList<>();
    for (Role r : Role.values()) {
      if (caller.has(r)) {
        names.add(r.claimValue());
      }
    }
    return names;
  }
}
