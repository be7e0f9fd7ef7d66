package vn.truc.platform.security;

import com.nimbusds.jose.jwk.JWKSet;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /oauth2/jwks}: the local issuer's public key as a JWK Set, so that another service can
 * check the platform's tokens (its {@code jwk-set-uri}). Public: it holds no secret.
 */
@RestController
@Conditional(LocalIssuerConfiguration.NoIdentityProvider.class)
class JwksController {

  private final Map<String, Object> jwks;

  JwksController(LocalIssuerKey key) {
    this.jwks = new JWKSet(key.publicKey()).toJSONObject();
  }

  @GetMapping(
      path = "/oauth2/jwks",
      produces = {"application/jwk-set+json", "application/json"})
  Map<String, Object> jwks() {
    return jwks;
  }
}
