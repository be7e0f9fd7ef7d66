package vn.truc.platform.security;

import jakarta.servlet.DispatcherType;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import vn.truc.platform.flow.FlowRuntime;
import vn.truc.platform.flow.FlowType;
import vn.truc.platform.grant.GrantRecord;
import vn.truc.platform.grant.GrantService;

/**
 * Which {@link Action} each call of the HTTP API is, and which agency owns what it touches: the
 * only place that knows the URLs. A call no rule names is {@link Action#UNLISTED}, which only a
 * platform administrator may make, so a new endpoint is closed until it is given a rule (and the
 * authorisation matrix test fails until it is given a row).
 */
final class RequestRules {

  private final AccessPolicy policy;
  private final ObjectProvider<FlowRuntime> flows;
  private final boolean prometheusPublic;
  private final ObjectProvider<GrantService> grants;
  private final GrantAccess grantAccess;

  RequestRules(
      AccessPolicy policy,
      ObjectProvider<FlowRuntime> flows,
      ObjectProvider<GrantService> grants,
      boolean prometheusPublic) {
    this.policy = policy;
    this.flows = flows;
    this.grants = grants;
    this.grantAccess = new GrantAccess(policy);
    this.prometheusPublic = prometheusPublic;
  }

  void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    // Error pages are rendered for a request that was already decided.
    a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();

    // Open: liveness for load balancers, the API's description, the local issuer's public key.
    a.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll();
    a.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
        .permitAll();
    a.requestMatchers(HttpMethod.GET, "/oauth2/jwks").permitAll();
    if (prometheusPublic) {
      a.requestMatchers(HttpMethod.GET, "/actuator/prometheus").permitAll();
    }
    a.requestMatchers("/actuator", "/actuator/**").access(action(Action.OPERATIONS_READ));

    a.requestMatchers(HttpMethod.GET, "/api/agencies", "/api/agencies/*")
        .access(action(Action.AGENCIES_READ));

    for (FlowType type : FlowType.values()) {
      String base = type == FlowType.CONNECTOR ? "/api/connectors" : "/api/subscriptions";
      Action read = FlowActions.read(type);
      Action write = FlowActions.write(type);
      // Lists are filtered, and bodies checked, by FlowAccess once the definition is read.
      a.requestMatchers(HttpMethod.GET, base).access(action(read));
      a.requestMatchers(HttpMethod.POST, base, base + "/validate").access(action(write));
      a.requestMatchers(HttpMethod.GET, base + "/{id}", base + "/{id}/status").access(flow(read));
      a.requestMatchers(HttpMethod.GET, base + "/{id}/dead-letters", base + "/{id}/dead-letters/*")
          .access(flow(FlowActions.deadLetters(type)));
      a.requestMatchers(HttpMethod.PUT, base + "/{id}").access(flow(write));
      a.requestMatchers(HttpMethod.DELETE, base + "/{id}").access(flow(write));
      a.requestMatchers(
              HttpMethod.POST, base + "/{id}/pause", base + "/{id}/resume", base + "/{id}/restart")
          .access(flow(write));
    }
    a.requestMatchers(HttpMethod.GET, "/api/connectors/{id}/offsets")
        .access(flow(Action.CONNECTOR_READ));
    a.requestMatchers(HttpMethod.PUT, "/api/connectors/{id}/offsets")
        .access(flow(Action.CONNECTOR_WRITE));
    a.requestMatchers(
            HttpMethod.POST,
            "/api/connectors/{id}/dead-letters/resubmit",
            "/api/connectors/{id}/dead-letters/*/resubmit")
        .access(flow(Action.CONNECTOR_DEAD_LETTERS_RESUBMIT));

    // Grants: the list is filtered by GrantAccess; one grant is decided with both its agencies.
    a.requestMatchers(HttpMethod.GET, "/api/grants").access(action(Action.GRANT_READ));
    a.requestMatchers(HttpMethod.GET, "/api/grants/{id}").access(grant(GrantAccess.Use.READ));
    a.requestMatchers(HttpMethod.POST, "/api/grants/{id}/approve", "/api/grants/{id}/reject")
        .access(grant(GrantAccess.Use.DECIDE));
    a.requestMatchers(HttpMethod.POST, "/api/grants/{id}/revoke")
        .access(grant(GrantAccess.Use.REVOKE));

    // The Confluent-compatible registry: lookups and compatibility checks are reads (POST).
    a.requestMatchers(
            HttpMethod.GET, "/subjects", "/subjects/**", "/schemas/**", "/config", "/config/*")
        .access(action(Action.REGISTRY_READ));
    a.requestMatchers(HttpMethod.POST, "/subjects/*/versions")
        .access(action(Action.REGISTRY_WRITE));
    a.requestMatchers(HttpMethod.POST, "/subjects/*", "/compatibility/**")
        .access(action(Action.REGISTRY_READ));
    a.requestMatchers(HttpMethod.PUT, "/config", "/config/*").access(action(Action.REGISTRY_WRITE));

    // The exchange ledger, whatever endpoints it grows: reading it, or anything else.
    a.requestMatchers(HttpMethod.GET, "/api/ledger", "/api/ledger/**")
        .access(action(Action.LEDGER_READ));
    a.requestMatchers("/api/ledger", "/api/ledger/**").access(action(Action.LEDGER_WRITE));

    a.requestMatchers(HttpMethod.GET, "/api/demo").access(action(Action.DEMO_READ));
    a.requestMatchers(HttpMethod.GET, "/api/operations").access(action(Action.OPERATIONS_READ));

    a.anyRequest().access(action(Action.UNLISTED));
  }

  /** A call whose action concerns no one agency's resource. */
  private AuthorizationManager<RequestAuthorizationContext> action(Action action) {
    return (authentication, context) -> decide(authentication, action, null);
  }

  /**
   * A call on one flow, named by the path's {@code {id}}: decided with the agency of that flow. A
   * flow that does not exist has no agency; the call then needs only the action, and answers 404.
   */
  private AuthorizationManager<RequestAuthorizationContext> flow(Action action) {
    return (authentication, context) -> {
      String id = context.getVariables().get("id");
      String agency =
          id == null
              ? null
              : flows
                  .getObject()
                  .find(id)
                  .map(r -> FlowAccess.agencyOf(r.definition()))
                  .orElse(null);
      return decide(authentication, action, agency);
    };
  }

  /**
   * A call on one grant, named by the path's {@code {id}}. A grant that does not exist concerns no
   * agency; the call then needs only the action's reach, and answers 404.
   */
  private AuthorizationManager<RequestAuthorizationContext> grant(GrantAccess.Use use) {
    return (authentication, context) -> {
      String id = context.getVariables().get("id");
      GrantRecord g = id == null ? null : grants.getObject().find(id).orElse(null);
      return Callers.of(authentication.get())
          .<AuthorizationDecision>map(c -> new PolicyDecision(grantAccess.decide(c, use, g)))
          .orElseGet(() -> new AuthorizationDecision(false));
    };
  }

  private AuthorizationDecision decide(
      Supplier<Authentication> authentication, Action action, String agency) {
    return Callers.of(authentication.get())
        .<AuthorizationDecision>map(c -> new PolicyDecision(policy.decide(c, action, agency)))
        // Not authenticated: denied, which the filter chain answers with 401.
        .orElseGet(() -> new AuthorizationDecision(false));
  }
}
