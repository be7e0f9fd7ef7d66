package vn.truc.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link Caller} from a token's claims. The claim names are settings because identity
 * providers put roles in different places: {@code roles} at the top (the local issuer, many
 * providers), {@code realm_access.roles} (Keycloak), {@code groups}. A dotted name walks into
 * nested objects. Roles may be a list or one string separated by spaces or commas.
 *
 * @param agencyClaim the claim holding the agency code, e.g. {@code agency}
 * @param rolesClaim the claim holding the roles, e.g. {@code roles}
 */
public record CallerClaims(String agencyClaim, String rolesClaim) {

  public static final CallerClaims STANDARD = new CallerClaims("agency", "roles");

  public Caller caller(String subject, Map<String, Object> claims) {
    Object agency = at(claims, agencyClaim);
    String code =
        agency == null || agency.toString().isBlank()
            ? null
            : agency.toString().trim().toUpperCase(Locale.ROOT);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : roleNames(at(claims, rolesClaim))) {
      Role.fromClaim(name).ifPresent(roles::add);
    }
    return new Caller(subject, code, roles);
  }

  private static List<String> roleNames(Object value) {
    List<String> names = new ArrayList<>();
    if (value instanceof Collection<?> list) {
      list.forEach(v -> names.add(String.valueOf(v)));
    } else if (value instanceof String s) {
      for (String part : s.split("[\\s,]+")) {
        if (!part.isEmpty()) {
          names.add(part);
        }
      }
    }
    return names;
  }

  private static Object at(Map<String, Object> claims, String dotted) {
    Object here = claims;
    for (String step : dotted.split("\\.")) {
      if (!(here instanceof Map<?, ?> map)) {
        return null;
      }
      here = map.get(step);
    }
    return here;
  }
}
