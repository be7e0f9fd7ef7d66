package vn.truc.platform.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import vn.truc.platform.TrucProperties;

/**
 * The platform as its own token issuer, when no identity provider is configured: a key pair kept
 * under the data directory, its public half served at {@code /oauth2/jwks}, and tokens minted with
 * {@code truc token} checked against it. So the demo and the tests use real signed tokens, with the
 * same checks a provider's tokens get.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LocalIssuerConfiguration.NoIdentityProvider.class)
class LocalIssuerConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(LocalIssuerConfiguration.class);

  /** The resource-server properties that point at an identity provider. */
  static final List<String> PROVIDER_PROPERTIES =
      List.of(
          "spring.security.oauth2.resourceserver.jwt.issuer-uri",
          "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
          "spring.security.oauth2.resourceserver.jwt.public-key-location");

  static final class NoIdentityProvider extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata m) {
      for (String p : PROVIDER_PROPERTIES) {
        if (context.getEnvironment().containsProperty(p)) {
          return ConditionOutcome.noMatch(p + " is set: tokens come from that provider");
        }
      }
      if (!context
          .getEnvironment()
          .getProperty("truc.security.local-issuer.enabled", Boolean.class, true)) {
        return ConditionOutcome.noMatch("truc.security.local-issuer.enabled is false");
      }
      return ConditionOutcome.match("no identity provider is configured");
    }
  }

  @Bean
  LocalIssuerKey localIssuerKey(TrucProperties truc, SecurityProperties security) {
    Path file =
        security.localIssuer().keyFile() != null
            ? security.localIssuer().keyFile()
            : truc.dataDir().resolve(LocalIssuerKey.DEFAULT_FILE);
    LocalIssuerKey key = LocalIssuerKey.loadOrCreate(file);
    LOG.info(
        "No identity provider configured: the platform issues its own tokens (issuer {}, key {},"
            + " key id {}). Mint one with: deploy/bin/truc token --role platform-admin;"
            + " see docs/security.md",
        TokenMinter.ISSUER,
        file.toAbsolutePath().normalize(),
        key.keyId());
    return key;
  }

  @Bean
  JwtDecoder localIssuerJwtDecoder(
      LocalIssuerKey key, ObjectProvider<OAuth2TokenValidator<Jwt>> moreValidators) {
    return decoder(key, moreValidators.orderedStream().toList());
  }

  /**
   * Accepts only RS256 tokens signed by {@code key}, from the local issuer, for the platform's
   * audience, valid now (a minute of clock skew), and passing {@code moreValidators}.
   */
  static JwtDecoder decoder(LocalIssuerKey key, List<OAuth2TokenValidator<Jwt>> moreValidators) {
    NimbusJwtDecoder decoder;
    try {
      decoder =
          NimbusJwtDecoder.withPublicKey(key.publicKey().toRSAPublicKey())
              .signatureAlgorithm(SignatureAlgorithm.RS256)
              .build();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException("The local issuer's public key is unusable", e);
    }
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(JwtValidators.createDefaultWithIssuer(TokenMinter.ISSUER));
    validators.add(
        new JwtClaimValidator<List<String>>(
            JwtClaimNames.AUD, aud -> aud != null && aud.contains(TokenMinter.AUDIENCE)));
    validators.addAll(moreValidators);
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
    return decoder;
  }
}
