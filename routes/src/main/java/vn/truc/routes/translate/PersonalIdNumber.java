package vn.truc.routes.translate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The personal identification number (số định danh cá nhân, printed on the CCCD card): 12 digits,
 * no check digit.
 *
 * <ul>
 *   <li>digits 1-3: where the birth was registered: a legacy province code of the statistics office
 *       with a leading zero (001 Hà Nội ... 096 Cà Mau; the 63 pre-2025 provinces, which stay valid
 *       after the 2025 mergers), or for a birth registered abroad a country code;
 *   <li>digit 4: century and gender: 0/1 born 1900-1999, 2/3 born 2000-2099 (and so on), odd =
 *       female; century = (d4 / 2 + 19) * 100. Only 0-3 are accepted, as no one in a register can
 *       be born before 1900 or after 2099;
 *   <li>digits 5-6: the last two digits of the year of birth;
 *   <li>digits 7-12: random.
 * </ul>
 *
 * <p>The country codes used for births registered abroad are <b>unconfirmed</b>: the text of the
 * rule that assigns them could not be checked, so none is accepted by default ({@link #standard()})
 * and a deployment that knows them passes them to {@link #withCountryCodes(Set)}.
 *
 * <p>Each kind of problem has its own rule code, so a province can tell a typo in the number from a
 * wrong date of birth: {@value #FORMAT}, {@value #PROVINCE}, {@value #CENTURY}, {@value #GENDER},
 * {@value #BIRTH_YEAR}; the old 9-digit identity card number (CMND) is checked on its own, rule
 * {@value #LEGACY_FORMAT}. Immutable and thread-safe; no regular expressions.
 */
public final class PersonalIdNumber {

  /** Not exactly 12 digits. */
  public static final String FORMAT = "personal-id-format";

  /** Digits 1-3 are neither a legacy province code nor a configured country code. */
  public static final String PROVINCE = "personal-id-province";

  /** Digit 4 is out of range, or its century is not the century of the birth year. */
  public static final String CENTURY = "personal-id-century";

  /** The parity of digit 4 (odd = female) disagrees with the gender. */
  public static final String GENDER = "personal-id-gender";

  /** Digits 5-6 are not the last two digits of the birth year. */
  public static final String BIRTH_YEAR = "personal-id-birth-year";

  /** The old 9-digit identity card number (CMND) is not exactly 9 digits. */
  public static final String LEGACY_FORMAT = "legacy-id-format";

  /** The highest century digit accepted: 3, born 2000-2099. */
  public static final int MAX_CENTURY_DIGIT = 3;

  /** One problem of a number: a stable rule code and a message in plain words. */
  public record Problem(String rule, String message) {}

  private static final class Standard {
    static final PersonalIdNumber INSTANCE = new PersonalIdNumber(Set.of());
  }

  private final Set<String> prefixes;
  private final Set<String> countryCodes;

  private PersonalIdNumber(Set<String> countryCodes) {
    for (String c : countryCodes) {
      if (c == null || c.length() != 3 || !digits(c)) {
        throw new IllegalArgumentException(
            "a country code of the personal ID number has 3 digits, not '" + c + "'");
      }
    }
    Set<String> all = new HashSet<>();
    for (String province : AdministrativeUnits.standard().legacyProvinceCodes()) {
      all.add("0" + province);
    }
    all.addAll(countryCodes);
    this.prefixes = Set.copyOf(all);
    this.countryCodes = Set.copyOf(new TreeSet<>(countryCodes));
  }

  /** The 63 legacy province prefixes (001-096), no country codes. */
  public static PersonalIdNumber standard() {
    return Standard.INSTANCE;
  }

  /**
   * The legacy province prefixes plus the given 3-digit country codes for births registered abroad
   * (unconfirmed scheme: configure it from the deployment, not from code).
   */
  public static PersonalIdNumber withCountryCodes(Set<String> countryCodes) {
    return countryCodes.isEmpty() ? standard() : new PersonalIdNumber(countryCodes);
  }

  /** The accepted country codes (empty by default). */
  public Set<String> countryCodes() {
    return countryCodes;
  }

  /** Whether {@code id} is a well-formed number by itself (format, prefix, century digit). */
  public static boolean isValid(String id) {
    return standard().problems(id, null, null).isEmpty();
  }

  /** The problems of {@code id} by itself, with the standard prefixes; empty when none. */
  public static List<Problem> validate(String id) {
    return standard().problems(id, null, null);
  }

  /**
   * The problems of {@code id} with the standard prefixes, cross-checked against a birth year and
   * gender when they are known.
   */
  public static List<Problem> validate(String id, Integer birthYear, String gender) {
    return standard().problems(id, birthYear, gender);
  }

  /**
   * The problems of {@code id}; empty when none. A number that is not 12 digits has only that
   * problem; otherwise every problem found is listed.
   *
   * @param birthYear the year of birth, or null when unknown (then only the century digit's range
   *     is checked)
   * @param gender the gender symbol: "MALE" or "FEMALE" are checked against digit 4; anything else
   *     (null, "UNKNOWN") skips the gender check
   */
  public List<Problem> problems(String id, Integer birthYear, String gender) {
    if (id == null || id.length() != 12 || !digits(id)) {
      return List.of(
          new Problem(
              FORMAT,
              "the personal ID number must be exactly 12 digits, this one "
                  + (id == null ? "is missing" : "has " + describe(id))));
    }
    List<Problem> problems = new ArrayList<>(1);
    String prefix = id.substring(0, 3);
    if (!prefixes.contains(prefix)) {
      problems.add(
          new Problem(
              PROVINCE,
              "digits 1-3 ('"
                  + prefix
                  + "') must be the code of the province where the birth was registered (001-096,"
                  + " the 63 provinces before 2025)"
                  + (countryCodes.isEmpty() ? "" : " or a country code " + countryCodes)));
    }
    int d4 = id.charAt(3) - '0';
    int century = (d4 / 2 + 19) * 100;
    if (d4 > MAX_CENTURY_DIGIT) {
      problems.add(
          new Problem(
              CENTURY,
              "digit 4 ('"
                  + d4
                  + "') would mean a birth in the "
                  + century
                  + "s; it must be 0 or 1 for a birth in 1900-1999, 2 or 3 for 2000-2099"));
    } else if (birthYear != null && Math.floorDiv(birthYear, 100) * 100 != century) {
      problems.add(
          new Problem(
              CENTURY,
              "digit 4 ('"
                  + d4
                  + "') means a birth in "
                  + century
                  + "-"
                  + (century + 99)
                  + ", but the date of birth is in "
                  + birthYear
                  + "; correct the number or the date of birth"));
    }
    boolean female = d4 % 2 == 1;
    if (("MALE".equals(gender) && female) || ("FEMALE".equals(gender) && !female)) {
      problems.add(
          new Problem(
              GENDER,
              "digit 4 ('"
                  + d4
                  + "') is "
                  + (female ? "odd, which marks a woman" : "even, which marks a man")
                  + ", but the gender is "
                  + gender
                  + "; correct the number or the gender"));
    }
    int yy = (id.charAt(4) - '0') * 10 + (id.charAt(5) - '0');
    if (birthYear != null && Math.floorMod(birthYear, 100) != yy) {
      problems.add(
          new Problem(
              BIRTH_YEAR,
              "digits 5-6 ('"
                  + id.substring(4, 6)
                  + "') must be the last two digits of the year of birth "
                  + birthYear
                  + "; correct the number or the date of birth"));
    }
    return problems;
  }

  /**
   * The problem of an old 9-digit identity card number (CMND), if any; null is no number, not a
   * problem.
   */
  public static List<Problem> validateLegacy(String legacyIdNumber) {
    if (legacyIdNumber == null || (legacyIdNumber.length() == 9 && digits(legacyIdNumber))) {
      return List.of();
    }
    return List.of(
        new Problem(
            LEGACY_FORMAT,
            "the old identity card number (CMND) must be exactly 9 digits, this one has "
                + describe(legacyIdNumber)
                + "; a 12-digit number belongs in the personal ID field"));
  }

  private static String describe(String value) {
    int n = value.length();
    return digits(value)
        ? n + " digit" + (n == 1 ? "" : "s")
        : n + " character" + (n == 1 ? "" : "s") + ", not all digits";
  }

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
