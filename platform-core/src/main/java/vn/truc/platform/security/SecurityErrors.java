package vn.truc.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as the rest of the API answers errors ({@code {"error", "problems": [{"field",
 * "reason"}]}}, see ApiErrors), with the {@code WWW-Authenticate} header of RFC 6750. On the
 * contract registry's paths the body also carries Confluent's {@code error_code} and {@code
 * message}, which schema-registry clients print.
 */
final class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

  private static final String REALM = "truc";
  private static final List<String> REGISTRY_PATHS =
      List.of("/subjects", "/schemas/", "/config", "/compatibility/");

  private final ObjectMapper json;
  private final BearerTokenAuthenticationEntryPoint bearerChallenge =
      new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

  SecurityErrors(ObjectMapper json) {
    this.json = json;
    bearerChallenge.setRealmName(REALM);
    bearerDenied.setRealmName(REALM);
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    bearerChallenge.commence(request, response, e);
    String error;
    String reason;
    if (e instanceof OAuth2AuthenticationException refused) {
      reason =
          refused.getError().getDescription() != null
              ? refused.getError().getDescription()
              : refused.getError().getErrorCode();
      error = "The bearer token was refused: " + reason;
    } else {
      reason = "is missing: send Authorization: Bearer <token>";
      error =
          "Authentication required: send a bearer token from the platform's identity provider"
              + " (for development, deploy/bin/truc token mints one; see docs/security.md)";
    }
    write(request, response, 40101, error, List.of(problem("Authorization", reason)));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    bearerDenied.handle(request, response, e);
    String reason =
        e instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof PolicyDecision d
            ? d.reason()
            : "this call is not allowed to the token's roles and agency";
    write(request, response, 40301, "Forbidden: " + reason, List.of());
  }

  private void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int confluentCode,
      String error,
      List<Map<String, String>> problems)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("problems", problems);
    if (isRegistry(request.getRequestURI().substring(request.getContextPath().length()))) {
      body.put("error_code", confluentCode);
      body.put("message", error);
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }

  static boolean isRegistry(String path) {
    return REGISTRY_PATHS.stream().anyMatch(path::startsWith);
  }

  private static Map<String, String> problem(String field, String reason) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("field", field);
    p.put("reason", reason);
    return p;
  }
}
