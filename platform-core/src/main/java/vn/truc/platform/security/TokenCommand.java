package vn.truc.platform.security;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code truc token}: mints a development token with the local issuer's key, read from the data
 * directory, and prints it. It runs without the platform, as a plain {@code main} in the platform
 * jar, so no network endpoint can ever hand out tokens: minting needs read access to the key file,
 * the same as holding the key.
 *
 * <pre>
 * java -cp truc.jar -Dloader.main=vn.truc.platform.security.TokenCommand \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --agency P37 --role agency-admin [--sub name] [--ttl 1h] [--data-dir ./data | --key FILE]
 * </pre>
 */
public final class TokenCommand {

  static final String USAGE =
      """
      usage: truc token --role ROLE [--role ROLE ...] [--agency CODE] [--sub NAME] [--ttl 1h]
                        [--data-dir DIR | --key FILE]
        --role      platform-admin | agency-admin | subscriber | approver | auditor (repeat, or
                    separate with commas)
        --agency    the caller's agency code (P37, BNV, ...); required for agency-admin,
                    subscriber and approver
        --sub       who the token is for (default: $USER)
        --ttl       how long it is valid: 90s, 30m, 1h, 7d or ISO-8601 (PT1H); default 1h
        --data-dir  the platform's truc.data-dir (default ./data): the key is
                    <data-dir>/security/local-issuer-key.pem
        --key       the key file itself (truc.security.local-issuer.key-file)
      prints the token; use it as: export TRUC_TOKEN=$(truc token ...)
      """;

  private static final Pattern TTL = Pattern.compile("(\\d+)([smhd])");
  private static final Pattern AGENCY = Pattern.compile("[A-Z][A-Z0-9]{1,15}");
  private static final Duration MAX_TTL = Duration.ofDays(30);

  /** What was asked for. */
  record Request(Path keyFile, String subject, String agency, Set<Role> roles, Duration ttl) {}

  public static void main(String[] args) {
    try {
      Request r = parse(args, System.getenv("USER"));
      LocalIssuerKey key = LocalIssuerKey.load(r.keyFile());
      System.out.println(
          new TokenMinter(key)
              .mint(
                  TokenMinter.Claims.valid(
                      r.subject(), r.agency(), List.copyOf(r.roles()), r.ttl())));
    } catch (HelpRequested e) {
      System.out.print(USAGE);
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("truc token: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
    }
  }

  static final class HelpRequested extends RuntimeException {
    HelpRequested() {
      super(null, null, false, false);
    }
  }

  static Request parse(String[] args, String user) {
    Path dataDir = Path.of("data");
    Path keyFile = null;
    String subject = user == null || user.isBlank() ? "developer" : user;
    String agency = null;
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Duration ttl = Duration.ofHours(1);
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("-h") || option.equals("--help")) {
        throw new HelpRequested();
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--role" -> {
          for (String name : value.split(",")) {
            roles.add(
                Role.fromClaim(name)
                    .orElseThrow(
                        () -> new IllegalArgumentException("unknown role '" + name + "'")));
          }
        }
        case "--agency" -> {
          agency = value.trim().toUpperCase(Locale.ROOT);
          if (!AGENCY.matcher(agency).matches()) {
            throw new IllegalArgumentException(
                "'" + value + "' is not an agency code such as P37 or BNV");
          }
        }
        case "--sub" -> subject = value;
        case "--ttl" -> ttl = ttl(value);
        case "--data-dir" -> dataDir = Path.of(value);
        case "--key" -> keyFile = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("give at least one --role");
    }
    boolean agencyScoped =
        roles.contains(Role.AGENCY_ADMIN)
            || roles.contains(Role.SUBSCRIBER)
            || roles.contains(Role.APPROVER);
    if (agencyScoped && agency == null) {
      throw new IllegalArgumentException(
          "the roles " + roleNames(roles) + " act for an agency: give --agency");
    }
    return new Request(
        keyFile != null ? keyFile : dataDir.resolve(LocalIssuerKey.DEFAULT_FILE),
        subject,
        agency,
        roles,
        ttl);
  }

  static Duration ttl(String text) {
    Duration d;
    Matcher m = TTL.matcher(text.trim());
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d =
          switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
    } else {
      try {
        d = Duration.parse(text.trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "--ttl '" + text + "' is not a duration such as 90s, 30m, 1h, 7d or PT1H");
      }
    }
    if (d.isNegative() || d.isZero() || d.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException("--ttl must be more than 0 and at most 30 days");
    }
    return d;
  }

  private static List<String> roleNames(Set<Role> roles) {
    List<String> names = new ArrayList<>();
    roles.forEach(r -> names.add(r.claimValue()));
    return names;
  }
}
