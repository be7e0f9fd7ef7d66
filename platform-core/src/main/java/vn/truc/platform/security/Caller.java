package vn.truc.platform.security;

import java.util.Set;

/**
 * Who is calling, as an authenticated token says.
 *
 * @param subject the token's {@code sub}: a person or a service account
 * @param agency the code of the caller's agency ({@code P37}, {@code BNV}), or null when the token
 *     names none (a platform administrator or an auditor may have none)
 * @param roles what the caller may do; unknown role names in the token are left out
 */
public record Caller(String subject, String agency, Set<Role> roles) {

  public Caller {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
