package vn.truc.routes.translate;

import java.util.List;
import java.util.Objects;
import vn.truc.routes.translate.AdministrativeUnits.Commune;

/**
 * What a legacy (pre-2025) commune code becomes in the 2025 units.
 *
 * <ul>
 *   <li>{@link Status#TRANSLATED}: exactly one 2025 commune took over the legacy commune; {@link
 *       #provinceCode()} and {@link #communeCode()} are its codes, {@link #candidates()} holds it.
 *   <li>{@link Status#AMBIGUOUS}: the legacy commune was divided among several 2025 communes;
 *       {@link #candidates()} lists them and {@link #reason()} says so. Which one applies depends
 *       on the street address, so nothing is guessed: both codes are null.
 *   <li>{@link Status#UNKNOWN}: the code is not a legacy commune code; {@link #reason()} says so.
 * </ul>
 *
 * @param status the outcome
 * @param legacyCode the legacy code that was translated (zero-padded): a commune code, or for the
 *     island districts without communes the district code
 * @param provinceCode the 2025 province code, only when TRANSLATED
 * @param communeCode the 2025 commune code, only when TRANSLATED
 * @param candidates the 2025 communes the legacy area went to (one when TRANSLATED, several when
 *     AMBIGUOUS, none when UNKNOWN)
 * @param reason why it is AMBIGUOUS or UNKNOWN, in words; for a TRANSLATED island district, how it
 *     was translated; null otherwise
 */
public record CommuneTranslation(
    Status status,
    String legacyCode,
    String provinceCode,
    String communeCode,
    List<Commune> candidates,
    String reason) {

  /** The outcome of a translation. */
  public enum Status {
    TRANSLATED,
    AMBIGUOUS,
    UNKNOWN
  }

  public CommuneTranslation {
    Objects.requireNonNull(status, "status");
    candidates = List.copyOf(candidates);
  }

  static CommuneTranslation translated(String legacyCode, Commune target, String reason) {
    return new CommuneTranslation(
        Status.TRANSLATED,
        legacyCode,
        target.provinceCode(),
        target.code(),
        List.of(target),
        reason);
  }

  static CommuneTranslation ambiguous(String legacyCode, List<Commune> candidates, String reason) {
    return new CommuneTranslation(Status.AMBIGUOUS, legacyCode, null, null, candidates, reason);
  }

  static CommuneTranslation unknown(String code, String reason) {
    return new CommuneTranslation(Status.UNKNOWN, code, null, null, List.of(), reason);
  }

  public boolean isTranslated() {
    return status == Status.TRANSLATED;
  }

  public boolean isAmbiguous() {
    return status == Status.AMBIGUOUS;
  }

  public boolean isUnknown() {
    return status == Status.UNKNOWN;
  }
}
