package vn.truc.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class SecurityErrorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final SecurityErrors errors = new SecurityErrors(JSON);

  @Test
  void aMissingTokenIs401WithABearerChallengeAndTheApisErrorShape() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    errors.commence(
        new MockHttpServletRequest("GET", "/api/connectors"),
        response,
        new InsufficientAuthenticationException("Full authentication is required"));
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer realm=\"truc\"");
    JsonNode body = JSON.readTree(response.getContentAsString());
    assertThat(body.get("error").asText()).contains("truc token");
    assertThat(body.at("/problems/0/field").asText()).isEqualTo("Authorization");
    assertThat(body.has("error_code")).isFalse();
  }

  @Test
  void aRefusedTokenSaysWhyInTheHeaderAndTheBody() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    errors.commence(
        new MockHttpServletRequest("GET", "/subjects"),
        response,
        new InvalidBearerTokenException("Jwt expired at 2026-11-22T10:00:00Z"));
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate"))
        .contains("error=\"invalid_token\"")
        .contains("Jwt expired");
    JsonNode body = JSON.readTree(response.getContentAsString());
    assertThat(body.at("/problems/0/reason").asText()).contains("Jwt expired");
    assertThat(body.get("error_code").asInt())
        .as("Confluent's code on registry paths")
        .isEqualTo(40101);
    assertThat(body.get("message").asText()).contains("Jwt expired");
  }

  @Test
  void aDeniedCallCarriesThePolicysReason() throws Exception {
    AccessPolicy.Decision d =
        new AccessPolicy.Decision(false, "P37 may change connectors of P37 only");
    MockHttpServletResponse response = new MockHttpServletResponse();
    errors.handle(
        new MockHttpServletRequest("DELETE", "/api/connectors/p01-hr"),
        response,
        new AuthorizationDeniedException("Access Denied", new PolicyDecision(d)));
    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
    assertThat(JSON.readTree(response.getContentAsString()).get("error").asText())
        .isEqualTo("Forbidden: P37 may change connectors of P37 only");
  }
}
