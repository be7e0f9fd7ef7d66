package vn.truc.platform.security;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of authentication and authorisation (prefix {@code truc.security}). The identity
 * provider itself is set with Spring's standard {@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}); with neither, the
 * platform is its own local issuer.
 *
 * @param claims where the caller's agency and roles are in a token
 * @param prometheusPublic whether {@code /actuator/prometheus} answers without a token (true: a
 *     scraper on the platform's network needs no credentials; false: it needs a token with the role
 *     platform-admin or auditor)
 * @param localIssuer the issuer the platform runs when no identity provider is set
 */
@ConfigurationProperties("truc.security")
public record SecurityProperties(
    @DefaultValue Claims claims,
    @DefaultValue("true") boolean prometheusPublic,
    @DefaultValue LocalIssuer localIssuer) {

  /**
   * @param agency the claim with the agency code; a dotted name walks into nested claims
   * @param roles the claim with the roles (a list, or one string separated by spaces or commas),
   *     e.g. {@code realm_access.roles} for Keycloak
   */
  public record Claims(@DefaultValue("agency") String agency, @DefaultValue("roles") String roles) {
    CallerClaims reader() {
      return new CallerClaims(agency, roles);
    }
  }

  /**
   * @param enabled false to refuse to start without an identity provider instead
   * @param keyFile the signing key (PEM, PKCS#8 RSA); unset, {@code
   *     <truc.data-dir>/security/local-issuer-key.pem}, generated on first start
   */
  public record LocalIssuer(@DefaultValue("true") boolean enabled, Path keyFile) {}
}
