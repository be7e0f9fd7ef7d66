package vn.truc.platform.security;

import java.util.List;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.stereotype.Component;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.platform.agency.AgencyRegistry;
import vn.truc.platform.flow.ConnectorDefinition;
import vn.truc.platform.flow.FlowRuntime;
import vn.truc.platform.flow.FlowType;
import vn.truc.platform.flow.SubscriptionDefinition;

/**
 * The checks that need a definition, which the request's path cannot show: whose agency a new or
 * replacing definition names, which flows of a list the caller may see, and whether the agency code
 * is one the platform knows. The flow API calls them once it has read the body; the decisions are
 * the {@link AccessPolicy}'s.
 */
@Component
public class FlowAccess {

  private final AccessPolicy policy;
  private final FlowRuntime runtime;
  private final AgencyRegistry agencies;

  FlowAccess(AccessPolicy policy, FlowRuntime runtime, AgencyRegistry agencies) {
    this.policy = policy;
    this.runtime = runtime;
    this.agencies = agencies;
  }

  /** Whether the caller may see this flow in a list. */
  public boolean mayRead(FlowType type, Object definition) {
    return Callers.current()
        .map(c -> policy.decide(c, FlowActions.read(type), agencyOf(definition)).allowed())
        .orElse(false);
  }

  /**
   * Before {@code definition} is registered: 403 unless the caller may change flows of the agency
   * it names, and of the agency of the flow it would replace (a POST with an existing id replaces
   * it, so the path alone cannot tell).
   */
  public void checkChange(FlowType type, Object definition) {
    require(FlowActions.write(type), agencyOf(definition));
    String id = idOf(definition);
    if (id == null) {
      return;
    }
    runtime.find(id).ifPresent(r -> require(FlowActions.write(r.type()), agencyOf(r.definition())));
  }

  /**
   * Before {@code definition} is validated: 403 unless the caller may change its agency's flows.
   */
  public void checkValidation(FlowType type, Object definition) {
    require(FlowActions.write(type), agencyOf(definition));
  }

  /**
   * The problem with the definition's agency if no agency has its code. None when it names no
   * agency at all: the definition's own validation reports that.
   */
  public List<ConfigProblem> agencyProblems(Object definition) {
    return agencies.problems(agencyOf(definition));
  }

  private void require(Action action, String agency) {
    AccessPolicy.Decision d =
        Callers.current()
            .map(c -> policy.decide(c, action, blankToNull(agency)))
            .orElseGet(() -> new AccessPolicy.Decision(false, "the request carries no token"));
    if (!d.allowed()) {
      throw new AuthorizationDeniedException(d.reason(), new PolicyDecision(d));
    }
  }

  static String agencyOf(Object definition) {
    String agency =
        definition instanceof ConnectorDefinition c
            ? c.agency()
            : definition instanceof SubscriptionDefinition s ? s.agency() : null;
    return blankToNull(agency);
  }

  private static String idOf(Object definition) {
    return definition instanceof ConnectorDefinition c
        ? c.id()
        : ((SubscriptionDefinition) definition).id();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
