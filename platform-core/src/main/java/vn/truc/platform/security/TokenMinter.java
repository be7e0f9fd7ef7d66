package vn.truc.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs tokens with the local issuer's key: what {@code truc token} prints and what the tests
 * present. The claims are those any identity provider would be configured to issue: {@code iss},
 * {@code aud}, {@code sub}, {@code agency}, {@code roles}, {@code iat}, {@code nbf}, {@code exp},
 * {@code jti}.
 */
public final class TokenMinter {

  /** The {@code iss} of every token the local issuer signs, and the only one it accepts. */
  public static final String ISSUER = "urn:truc:local-issuer";

  /** The {@code aud} the local issuer writes and the platform requires of its tokens. */
  public static final String AUDIENCE = "truc";

  private final LocalIssuerKey key;

  public TokenMinter(LocalIssuerKey key) {
    this.key = key;
  }

  /**
   * What to put in a token. Times are explicit so that a test can mint one already expired or not
   * yet valid.
   *
   * @param agency null for a token that names no agency
   */
  public record Claims(
      String issuer,
      String audience,
      String subject,
      String agency,
      List<String> roles,
      Instant notBefore,
      Instant expiresAt) {

    /** A token valid from now for {@code ttl}, from the local issuer. */
    public static Claims valid(String subject, String agency, List<Role> roles, Duration ttl) {
      Instant now = Instant.now();
      return new Claims(
          ISSUER,
          AUDIENCE,
          subject,
          agency,
          roles.stream().map(Role::claimValue).toList(),
          now,
          now.plus(ttl));
    }

    public Claims withIssuer(String other) {
      return new Claims(other, audience, subject, agency, roles, notBefore, expiresAt);
    }

    public Claims withAudience(String other) {
      return new Claims(issuer, other, subject, agency, roles, notBefore, expiresAt);
    }

    public Claims validBetween(Instant from, Instant until) {
      return new Claims(issuer, audience, subject, agency, roles, from, until);
    }
  }

  /** The signed token in its compact form, ready for {@code Authorization: Bearer}. */
  public String mint(Claims c) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(c.issuer())
            .audience(c.audience())
            .subject(c.subject())
            .claim("roles", c.roles())
            // Issued when it starts to be valid: a token minted to be expired is consistent.
            .issueTime(Date.from(c.notBefore()))
            .notBeforeTime(Date.from(c.notBefore()))
            .expirationTime(Date.from(c.expiresAt()))
            .jwtID(UUID.randomUUID().toString());
    if (c.agency() != null) {
      claims.claim("agency", c.agency());
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.keyId())
                .build(),
            claims.build());
    try {
      jwt.sign(new RSASSASigner(key.signingKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign the token: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }
}
