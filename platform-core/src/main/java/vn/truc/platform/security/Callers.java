package vn.truc.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the request being served. */
public final class Callers {

  private Callers() {}

  /** Empty when the request carries no valid token. */
  public static Optional<Caller> current() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  static Optional<Caller> of(Authentication authentication) {
    return authentication instanceof CallerAuthentication a && a.isAuthenticated()
        ? Optional.of(a.caller())
        : Optional.empty();
  }
}
