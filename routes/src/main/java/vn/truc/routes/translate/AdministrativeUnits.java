package vn.truc.routes.translate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The administrative units of Vietnam before the 2025 reform (63 provinces, their districts and
 * about 10,000 communes) and after it (34 provinces, about 3,321 communes, no districts), and the
 * translation of legacy commune codes to 2025 codes.
 *
 * <p>Loaded once from {@code reference/admin-units/} on the classpath (derived from the statistics
 * office's code list and the 2025 merger map, see the README there); immutable and safe to share
 * between threads; every lookup is a hash-map access. Codes are zero-padded strings (province 2
 * digits, district 3, commune 5); lookups also accept a code written as a shorter number ("1" for
 * commune "00001"), as some registers store codes in numeric columns.
 */
public final class AdministrativeUnits {

  static final String FOLDER = "/reference/admin-units/";

  /** A province (tỉnh, thành phố), legacy or 2025. */
  public record Province(String code, String name) {}

  /** A legacy district (quận, huyện, thị xã, thành phố thuộc tỉnh); abolished in 2025. */
  public record District(String code, String name, String provinceCode) {}

  /**
   * A commune (xã, phường, thị trấn; since 2025 also đặc khu).
   *
   * @param districtCode the legacy district; null for a 2025 commune
   */
  public record Commune(String code, String name, String districtCode, String provinceCode) {}

  private final Map<String, Province> legacyProvinces;
  private final Map<String, District> legacyDistricts;
  private final Map<String, Commune> legacyCommunes;
  private final Map<String, Province> provinces2025;
  private final Map<String, Commune> communes2025;
  private final Map<String, CommuneTranslation> communeTranslations;
  private final Map<String, CommuneTranslation> districtTranslations;

  private static final class Standard {
    static final AdministrativeUnits INSTANCE = new AdministrativeUnits();
  }

  /** The units shipped with the project; loaded on first use, then shared. */
  public static AdministrativeUnits standard() {
    return Standard.INSTANCE;
  }

  private AdministrativeUnits() {
    Map<String, Province> lp = new LinkedHashMap<>();
    Map<String, District> ld = new LinkedHashMap<>();
    Map<String, Commune> lc = new LinkedHashMap<>();
    for (String[] r :
        ReferenceCsv.read(FOLDER + "legacy-units.csv", "level,code,name,parentCode")) {
      switch (r[0]) {
        case "province" -> lp.put(r[1], new Province(r[1], r[2]));
        case "district" -> ld.put(r[1], new District(r[1], r[2], r[3]));
        case "commune" -> {
          District d = ld.get(r[3]);
          if (d == null) {
            throw new IllegalStateException("legacy commune " + r[1] + " names unknown district");
          }
          lc.put(r[1], new Commune(r[1], r[2], r[3], d.provinceCode()));
        }
        default -> throw new IllegalStateException("unknown level " + r[0] + " in legacy-units");
      }
    }
    Map<String, Province> np = new LinkedHashMap<>();
    Map<String, Commune> nc = new LinkedHashMap<>();
    for (String[] r : ReferenceCsv.read(FOLDER + "units-2025.csv", "level,code,name,parentCode")) {
      switch (r[0]) {
        case "province" -> np.put(r[1], new Province(r[1], r[2]));
        case "commune" -> nc.put(r[1], new Commune(r[1], r[2], null, r[3]));
        default -> throw new IllegalStateException("unknown level " + r[0] + " in units-2025");
      }
    }
    this.legacyProvinces = Collections.unmodifiableMap(lp);
    this.legacyDistricts = Collections.unmodifiableMap(ld);
    this.legacyCommunes = Collections.unmodifiableMap(lc);
    this.provinces2025 = Collections.unmodifiableMap(np);
    this.communes2025 = Collections.unmodifiableMap(nc);
    this.communeTranslations = Collections.unmodifiableMap(loadCommuneTranslations());
    this.districtTranslations = Collections.unmodifiableMap(loadDistrictTranslations());
  }

  private Map<String, CommuneTranslation> loadCommuneTranslations() {
    Map<String, List<Commune>> targets = new LinkedHashMap<>();
    Map<String, Boolean> divided = new HashMap<>();
    for (String[] r :
        ReferenceCsv.read(
            FOLDER + "legacy-to-2025.csv",
            "legacyCommuneCode,newProvinceCode,newCommuneCode,divided")) {
      if (!legacyCommunes.containsKey(r[0])) {
        throw new IllegalStateException("legacy-to-2025 names unknown legacy commune " + r[0]);
      }
      targets.computeIfAbsent(r[0], k -> new ArrayList<>()).add(commune2025(r[1], r[2]));
      boolean flag = Boolean.parseBoolean(r[3]);
      if (divided.putIfAbsent(r[0], flag) != null && divided.get(r[0]) != flag) {
        throw new IllegalStateException("legacy commune " + r[0] + " is divided on some rows only");
      }
    }
    Map<String, CommuneTranslation> translations = new HashMap<>(targets.size() * 2);
    targets.forEach(
        (code, communes) -> {
          if (!divided.get(code) && communes.size() == 1) {
            translations.put(code, CommuneTranslation.translated(code, communes.get(0), null));
          } else {
            translations.put(
                code, CommuneTranslation.ambiguous(code, communes, dividedReason(code, communes)));
          }
        });
    return translations;
  }

  private Map<String, CommuneTranslation> loadDistrictTranslations() {
    Map<String, CommuneTranslation> translations = new HashMap<>();
    for (String[] r :
        ReferenceCsv.read(
            FOLDER + "legacy-districts-to-2025.csv",
            "legacyDistrictCode,newProvinceCode,newCommuneCode")) {
      District d = legacyDistricts.get(r[0]);
      if (d == null) {
        throw new IllegalStateException("legacy-districts-to-2025 names unknown district " + r[0]);
      }
      Commune target = commune2025(r[1], r[2]);
      String how =
          "legacy district "
              + d.code()
              + " ("
              + d.name()
              + ") had no communes; it became "
              + target.code()
              + " ("
              + target.name()
              + ") in 2025";
      translations.put(r[0], CommuneTranslation.translated(r[0], target, how));
    }
    return translations;
  }

  private Commune commune2025(String provinceCode, String communeCode) {
    Commune c = communes2025.get(communeCode);
    if (c == null || !c.provinceCode().equals(provinceCode)) {
      throw new IllegalStateException(
          "reference mapping names 2025 commune "
              + communeCode
              + " in province "
              + provinceCode
              + ", which the 2025 list does not have");
    }
    return c;
  }

  private String dividedReason(String code, List<Commune> communes) {
    return "legacy commune "
        + code
        + " ("
        + legacyCommunes.get(code).name()
        + ") was divided among "
        + communes.size()
        + " communes in 2025 ("
        + communes.stream().map(c -> c.code() + " " + c.name()).collect(Collectors.joining(", "))
        + "); the street address is needed to choose one";
  }

  /**
   * Translates a legacy commune code to the 2025 units. Never guesses: a commune that was divided
   * among several 2025 communes is {@link CommuneTranslation.Status#AMBIGUOUS}.
   */
  public CommuneTranslation translateLegacyCommune(String legacyCommuneCode) {
    String code = normaliseCode(legacyCommuneCode, 5);
    CommuneTranslation t = code == null ? null : communeTranslations.get(code);
    if (t != null) {
      return t;
    }
    return CommuneTranslation.unknown(
        code == null ? legacyCommuneCode : code,
        "'"
            + legacyCommuneCode
            + "' is not a commune code of the legacy units (the 5-digit codes in force before"
            + " 2025-07-01)");
  }

  /**
   * The 2025 special zone (đặc khu) that replaced a legacy island district which had no communes
   * (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo); empty for any other code.
   */
  public Optional<CommuneTranslation> translateLegacyDistrictWithoutCommunes(String districtCode) {
    String code = normaliseCode(districtCode, 3);
    return Optional.ofNullable(code == null ? null : districtTranslations.get(code));
  }

  public Optional<Province> legacyProvince(String code) {
    return find(legacyProvinces, code, 2);
  }

  public Optional<District> legacyDistrict(String code) {
    return find(legacyDistricts, code, 3);
  }

  public Optional<Commune> legacyCommune(String code) {
    return find(legacyCommunes, code, 5);
  }

  public Optional<Province> province2025(String code) {
    return find(provinces2025, code, 2);
  }

  public Optional<Commune> commune2025(String code) {
    return find(communes2025, code, 5);
  }

  /** The 63 legacy provinces, in code order. */
  public Collection<Province> legacyProvinces() {
    return legacyProvinces.values();
  }

  /** The 2-digit codes of the 63 legacy provinces. */
  public Set<String> legacyProvinceCodes() {
    return legacyProvinces.keySet();
  }

  /** The legacy districts, in code order, including the island districts without communes. */
  public Collection<District> legacyDistricts() {
    return legacyDistricts.values();
  }

  /** The legacy communes, in code order. */
  public Collection<Commune> legacyCommunes() {
    return legacyCommunes.values();
  }

  /** The 34 provinces since 2025-07-01, in code order. */
  public Collection<Province> provinces2025() {
    return provinces2025.values();
  }

  /** The communes since 2025-07-01, in code order. */
  public Collection<Commune> communes2025() {
    return communes2025.values();
  }

  /**
   * A code as the reference data writes it: a number shorter than {@code width} digits is
   * zero-padded ("1" -> "00001" for width 5); a code of the right width is returned as it is;
   * anything else (letters, too many digits, null) gives null.
   */
  public static String normaliseCode(String code, int width) {
    if (code == null || code.isEmpty() || code.length() > width) {
      return null;
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    if (code.length() == width) {
      return code;
    }
    return "0".repeat(width - code.length()) + code;
  }

  private static <T> Optional<T> find(Map<String, T> map, String code, int width) {
    String key = normaliseCode(code, width);
    return Optional.ofNullable(key == null ? null : map.get(key));
  }
}
