package vn.truc.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccessPolicyTest {

  private static final String OWN = "P37";
  private static final String OTHER = "P01";

  private final AccessPolicy policy = new AccessPolicy();

  /**
   * The roles table of docs/security.md, written out independently of the policy's code: per role,
   * per action, "A" = any agency, "O" = own agency only, absent = never.
   */
  private static final Map<Role, Map<Action, String>> EXPECTED =
      Map.of(
          Role.AGENCY_ADMIN,
          Map.of(
              Action.CONNECTOR_READ, "O",
              Action.CONNECTOR_WRITE, "O",
              Action.CONNECTOR_DEAD_LETTERS_READ, "O",
              Action.CONNECTOR_DEAD_LETTERS_RESUBMIT, "O",
              Action.SUBSCRIPTION_READ, "O",
              Action.SUBSCRIPTION_WRITE, "O",
              Action.SUBSCRIPTION_DEAD_LETTERS_READ, "O",
              Action.GRANT_READ, "O",
              Action.GRANT_REVOKE, "O"),
          Role.SUBSCRIBER,
          Map.of(
              Action.SUBSCRIPTION_READ, "O",
              Action.SUBSCRIPTION_DEAD_LETTERS_READ, "O",
              Action.GRANT_READ, "O"),
          Role.APPROVER,
          Map.of(
              Action.CONNECTOR_READ, "O",
              Action.SUBSCRIPTION_READ, "O",
              Action.GRANT_READ, "O",
              Action.GRANT_DECIDE, "O"),
          Role.AUDITOR,
          Map.of(
              Action.CONNECTOR_READ, "A",
              Action.CONNECTOR_DEAD_LETTERS_READ, "A",
              Action.SUBSCRIPTION_READ, "A",
              Action.SUBSCRIPTION_DEAD_LETTERS_READ, "A",
              Action.GRANT_READ, "A",
              Action.LEDGER_READ, "A",
              Action.DEMO_READ, "A",
              Action.OPERATIONS_READ, "A"));

  @ParameterizedTest
  @EnumSource(Role.class)
  void eachRoleReachesExactlyWhatTheRolesTableSays(Role role) {
    Caller caller = new Caller("someone", OWN, Set.of(role));
    for (Action action : Action.values()) {
      String reach =
          role == Role.PLATFORM_ADMIN || action.anyCaller()
              ? "A"
              : EXPECTED.get(role).getOrDefault(action, "");
      assertThat(policy.decide(caller, action, OWN).allowed())
          .as("%s %s own", role, action)
          .isEqualTo(!reach.isEmpty());
      assertThat(policy.decide(caller, action, OTHER).allowed())
          .as("%s %s other", role, action)
          .isEqualTo(reach.equals("A"));
      assertThat(policy.decide(caller, action, null).allowed())
          .as("%s %s no agency (a list)", role, action)
          .isEqualTo(!reach.isEmpty());
    }
  }

  @Test
  void aProvinceAdminCannotTouchAnotherProvincesConnectors() {
    Caller p37 = new Caller("ninh-binh-it", OWN, Set.of(Role.AGENCY_ADMIN));
    AccessPolicy.Decision d = policy.decide(p37, Action.CONNECTOR_WRITE, OTHER);
    assertThat(d.allowed()).isFalse();
    assertThat(d.reason()).contains("P37").contains("P01").contains("change connectors");
  }

  @Test
  void anAgencyScopedRoleWithoutAnAgencyClaimReachesNothing() {
    Caller noAgency = new Caller("lost", null, Set.of(Role.AGENCY_ADMIN));
    AccessPolicy.Decision d = policy.decide(noAgency, Action.CONNECTOR_READ, null);
    assertThat(d.allowed()).isFalse();
    assertThat(d.reason()).contains("'agency'");
    assertThat(policy.decide(noAgency, Action.CONNECTOR_READ, OWN).allowed()).isFalse();
  }

  @Test
  void aTokenWithoutKnownRolesMayStillReadTheAgenciesAndTheRegistry() {
    Caller nobody = new Caller("nobody", OWN, Set.of());
    assertThat(policy.decide(nobody, Action.AGENCIES_READ, null).allowed()).isTrue();
    assertThat(policy.decide(nobody, Action.REGISTRY_READ, null).allowed()).isTrue();
    AccessPolicy.Decision write = policy.decide(nobody, Action.REGISTRY_WRITE, null);
    assertThat(write.allowed()).isFalse();
    assertThat(write.reason()).contains("platform-admin").contains("has []");
  }

  @Test
  void rolesAddUp() {
    Caller both = new Caller("dpo", OWN, EnumSet.of(Role.SUBSCRIBER, Role.AUDITOR));
    assertThat(policy.decide(both, Action.SUBSCRIPTION_READ, OTHER).allowed()).isTrue();
    assertThat(policy.decide(both, Action.SUBSCRIPTION_WRITE, OWN).allowed()).isFalse();
    assertThat(policy.decide(both, Action.LEDGER_READ, null).allowed()).isTrue();
  }

  @Test
  void aRefusalNamesTheRolesThatWouldBeAllowed() {
    Caller subscriber = new Caller("bnv-ops", "BNV", Set.of(Role.SUBSCRIBER));
    AccessPolicy.Decision d = policy.decide(subscriber, Action.CONNECTOR_READ, null);
    assertThat(d.allowed()).isFalse();
    assertThat(d.reason())
        .contains("platform-admin, agency-admin, approver, auditor")
        .contains("[subscriber]");
  }

  @Test
  void unlistedCallsArePlatformAdministratorsOnly() {
    for (Role role : Role.values()) {
      assertThat(policy.decide(new Caller("x", OWN, Set.of(role)), Action.UNLISTED, null).allowed())
          .as(role.name())
          .isEqualTo(role == Role.PLATFORM_ADMIN);
    }
  }
}
