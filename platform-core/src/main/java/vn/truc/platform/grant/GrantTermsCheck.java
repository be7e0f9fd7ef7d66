package vn.truc.platform.grant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.routes.grant.Grant;
import vn.truc.routes.grant.GrantSchema;
import vn.truc.routes.grant.RowFilter;

/**
 * Whether grant terms can be granted at all, and whether an approver's terms are a narrowing of the
 * request: every problem at once, each named by its field ({@code grant.fields.religion}, {@code
 * grant.validUntil}). Plain logic, no Spring.
 */
public final class GrantTermsCheck {

  /** Days in grants are Vietnamese days: "until 2027-12-31" ends at midnight in Hà Nội. */
  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final Pattern PURPOSE = Pattern.compile("[A-Z][A-Z0-9_]{2,63}");

  private GrantTermsCheck() {}

  /**
   * The problems of terms asked for (or granted) at {@code now}; empty when they can be.
   *
   * @param now null to leave the period unjudged (a definition read again after it was accepted)
   */
  public static List<ConfigProblem> problems(Schema contract, GrantTerms t, Instant now) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (t == null) {
      problems.add(
          new ConfigProblem(
              "grant",
              "is required: the fields, purpose, legal basis and expiry this subscription asks"
                  + " for"));
      return problems;
    }
    Set<String> fields = t.fields() == null ? Set.of() : new LinkedHashSet<>(t.fields());
    GrantSchema.problems(contract, fields, t.sensitiveOrFalse())
        .forEach((field, reason) -> problems.add(new ConfigProblem("grant." + field, reason)));
    filter(t)
        .problems(contract)
        .forEach((field, reason) -> problems.add(new ConfigProblem("grant." + field, reason)));
    if (t.purpose() == null || !PURPOSE.matcher(t.purpose()).matches()) {
      problems.add(
          new ConfigProblem(
              "grant.purpose",
              "is required: a purpose code of capitals, digits and '_', e.g."
                  + " CIVIL_SERVICE_MANAGEMENT"));
    }
    if (blank(t.legalBasis())) {
      problems.add(
          new ConfigProblem(
              "grant.legalBasis", "is required: the legal basis for receiving the data, in words"));
    }
    if (blank(t.legalDocument())) {
      problems.add(
          new ConfigProblem(
              "grant.legalDocument",
              "is required: the reference of the document giving the legal basis, e.g."
                  + " 194/2025/NĐ-CP"));
    }
    Instant from = null;
    if (!blank(t.validFrom())) {
      from = instant(t.validFrom(), false, "grant.validFrom", problems);
    }
    if (blank(t.validUntil())) {
      problems.add(
          new ConfigProblem(
              "grant.validUntil",
              "is required: the day (or instant) the grant ends, e.g. 2027-12-31"));
    } else {
      Instant until = instant(t.validUntil(), true, "grant.validUntil", problems);
      if (until != null && now != null && !until.isAfter(now)) {
        problems.add(
            new ConfigProblem(
                "grant.validUntil",
                "is in the past (" + t.validUntil() + "): a grant must end later"));
      } else if (until != null && from != null && !until.isAfter(from)) {
        problems.add(new ConfigProblem("grant.validUntil", "must be after validFrom"));
      }
    }
    if (t.startFrom() != null && !Set.of("beginning", "now").contains(t.startFrom())) {
      problems.add(
          new ConfigProblem(
              "grant.startFrom",
              "must be 'beginning' (backfill the feed) or 'now' (only what comes after approval)"));
    }
    return problems;
  }

  /**
   * The problems of {@code granted} as a decision on {@code requested}: on top of its own problems,
   * anything wider than asked: a field, a filter value or a later end that was not requested,
   * sensitive fields not asked for, a filter dropped.
   */
  public static List<ConfigProblem> narrowingProblems(
      Schema contract, GrantTerms requested, GrantTerms granted, Instant now) {
    List<ConfigProblem> problems = new ArrayList<>(problems(contract, granted, now));
    Set<String> asked = new HashSet<>(requested.fields());
    for (String f : granted.fields() == null ? List.<String>of() : granted.fields()) {
      if (!asked.contains(f)) {
        problems.add(
            new ConfigProblem(
                "grant.fields." + f, "was not requested: a decision can only narrow"));
      }
    }
    if (granted.sensitiveOrFalse() && !requested.sensitiveOrFalse()) {
      problems.add(new ConfigProblem("grant.sensitive", "was not requested"));
    }
    requested
        .filterOrEmpty()
        .forEach(
            (path, values) -> {
              List<String> kept = granted.filterOrEmpty().get(path);
              if (kept == null) {
                problems.add(
                    new ConfigProblem(
                        "grant.filter." + path,
                        "the request limits rows by this field; a decision cannot drop the limit"));
              } else {
                kept.stream()
                    .filter(v -> !values.contains(v))
                    .forEach(
                        v ->
                            problems.add(
                                new ConfigProblem(
                                    "grant.filter." + path,
                                    "value '" + v + "' was not requested")));
              }
            });
    List<ConfigProblem> ignored = new ArrayList<>();
    Instant askedUntil = instant(requested.validUntil(), true, "", ignored);
    Instant grantedUntil = instant(granted.validUntil(), true, "", ignored);
    if (askedUntil != null && grantedUntil != null && grantedUntil.isAfter(askedUntil)) {
      problems.add(
          new ConfigProblem(
              "grant.validUntil", "is later than requested (" + requested.validUntil() + ")"));
    }
    return problems;
  }

  /**
   * The grant as delivery enforces it.
   *
   * @param approvedAt when it was approved: the start of a grant with no validFrom
   */
  public static Grant toGrant(
      String id,
      String subscription,
      String contract,
      GrantTerms t,
      Instant approvedAt,
      Instant revokedAt) {
    List<ConfigProblem> ignored = new ArrayList<>();
    Instant from =
        blank(t.validFrom()) ? approvedAt : instant(t.validFrom(), false, "validFrom", ignored);
    return new Grant(
        id,
        subscription,
        contract,
        new LinkedHashSet<>(t.fields()),
        filter(t),
        t.sensitiveOrFalse(),
        from,
        instant(t.validUntil(), true, "validUntil", ignored),
        revokedAt,
        t.purpose(),
        t.legalBasisWithDocument());
  }

  private static RowFilter filter(GrantTerms t) {
    Map<String, Set<String>> allowed = new LinkedHashMap<>();
    t.filterOrEmpty()
        .forEach(
            (path, values) ->
                allowed.put(path, values == null ? Set.of() : new LinkedHashSet<>(values)));
    return new RowFilter(allowed);
  }

  /**
   * An instant, or a day in Vietnam: the start of that day, or with {@code endOfDay} the start of
   * the next (so "until 2027-12-31" includes the 31st).
   */
  private static Instant instant(
      String text, boolean endOfDay, String field, List<ConfigProblem> problems) {
    try {
      if (text.length() == 10) {
        LocalDate day = LocalDate.parse(text);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(VIETNAM).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(
          new ConfigProblem(
              field, "'" + text + "' is neither a day (2027-12-31) nor an instant (…T00:00:00Z)"));
      return null;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
