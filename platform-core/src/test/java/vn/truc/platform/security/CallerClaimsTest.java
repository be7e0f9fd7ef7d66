package vn.truc.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerClaimsTest {

  @Test
  void readsTheLocalIssuersClaims() {
    Caller c =
        CallerClaims.STANDARD.caller(
            "ninh-binh-it", Map.of("agency", "P37", "roles", List.of("agency-admin", "auditor")));
    assertThat(c.subject()).isEqualTo("ninh-binh-it");
    assertThat(c.agency()).isEqualTo("P37");
    assertThat(c.roles()).containsExactlyInAnyOrder(Role.AGENCY_ADMIN, Role.AUDITOR);
  }

  @Test
  void acceptsOtherSpellingsOfRolesAndAgencies() {
    Caller c =
        CallerClaims.STANDARD.caller(
            "x", Map.of("agency", " bnv ", "roles", "PLATFORM_ADMIN, Subscriber  approver"));
    assertThat(c.agency()).isEqualTo("BNV");
    assertThat(c.roles())
        .containsExactlyInAnyOrder(Role.PLATFORM_ADMIN, Role.SUBSCRIBER, Role.APPROVER);
  }

  @Test
  void walksIntoNestedClaimsAsKeycloakWritesThem() {
    CallerClaims keycloak = new CallerClaims("attributes.agency", "realm_access.roles");
    Caller c =
        keycloak.caller(
            "kc-user",
            Map.of(
                "attributes", Map.of("agency", "BCA"),
                "realm_access", Map.of("roles", List.of("auditor", "offline_access"))));
    assertThat(c.agency()).isEqualTo("BCA");
    assertThat(c.roles()).containsExactly(Role.AUDITOR);
  }

  @Test
  void leavesOutUnknownRolesAndMissingClaims() {
    Caller c = CallerClaims.STANDARD.caller("x", Map.of("roles", List.of("root", "superuser")));
    assertThat(c.agency()).isNull();
    assertThat(c.roles()).isEmpty();
    assertThat(CallerClaims.STANDARD.caller("y", Map.of("agency", "", "roles", 42)).agency())
        .isNull();
    assertThat(new CallerClaims("a.b", "roles").caller("z", Map.of("a", "flat")).agency()).isNull();
  }
}
