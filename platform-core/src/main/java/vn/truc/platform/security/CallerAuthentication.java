package vn.truc.platform.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** An authenticated bearer token together with the {@link Caller} read from its claims. */
final class CallerAuthentication extends JwtAuthenticationToken {

  private final Caller caller;

  CallerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
    super(jwt, authorities, jwt.getSubject());
    this.caller = caller;
  }

  Caller caller() {
    return caller;
  }
}
