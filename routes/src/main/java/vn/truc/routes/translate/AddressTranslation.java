package vn.truc.routes.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import vn.truc.routes.mapping.FieldError;
import vn.truc.routes.mapping.RowMapper;

/**
 * Translates one Address field of a mapped record (e.g. {@code residence}) from the legacy
 * administrative units to the 2025 units, and checks that its codes exist and agree.
 *
 * <p>For an address with structure {@code LEGACY_3_TIER} and a commune code:
 *
 * <ul>
 *   <li>the commune translates to exactly one 2025 commune: the address becomes {@code
 *       UNITS_2025_2_TIER} with the 2025 province and commune codes, no district, and the legacy
 *       commune code kept in {@code legacyCommuneCode};
 *   <li>the commune was divided among several 2025 communes: the address keeps its legacy structure
 *       and codes, and is flagged with {@code legacyCommuneCode} and a {@code translationNote}
 *       naming the candidates. This is not an error: the record flows;
 *   <li>the code is not a legacy commune code, or the district or province given with it is not the
 *       commune's: a {@link FieldError} with rule {@value #RULE}.
 * </ul>
 *
 * Without a commune code, a legacy district or province code must exist (and agree with each
 * other); an island district that had no communes (e.g. Côn Đảo) translates to its 2025 special
 * zone. An address already in {@code UNITS_2025_2_TIER} must name a 2025 commune and province that
 * exist and agree. Codes written as shorter numbers ("37", "1") are zero-padded in the record.
 */
public final class AddressTranslation implements RowMapper.RecordCheck {

  /** The rule code of every error this check reports. */
  public static final String RULE = "admin-unit";

  /** The full name of the contracts' address record. */
  public static final String ADDRESS_RECORD = "vn.truc.contract.common.Address";

  static final String LEGACY = "LEGACY_3_TIER";
  static final String UNITS_2025 = "UNITS_2025_2_TIER";

  private final AdministrativeUnits units;
  private final String field;

  /**
   * @param field a top-level field of the contract whose type is (nullable) Address
   */
  public AddressTranslation(AdministrativeUnits units, String field) {
    this.units = Objects.requireNonNull(units, "units");
    this.field = Objects.requireNonNull(field, "field");
  }

  /** A translation of {@code field} with the units shipped with the project. */
  public static AddressTranslation of(String field) {
    return new AddressTranslation(AdministrativeUnits.standard(), field);
  }

  /**
   * The top-level fields of {@code contract} whose type, apart from null, is the Address record.
   */
  public static List<String> addressFields(Schema contract) {
    List<String> fields = new ArrayList<>();
    for (Schema.Field f : contract.getFields()) {
      Schema type = nonNull(f.schema());
      if (type.getType() == Schema.Type.RECORD && ADDRESS_RECORD.equals(type.getFullName())) {
        fields.add(f.name());
      }
    }
    return List.copyOf(fields);
  }

  public String field() {
    return field;
  }

  @Override
  public void check(GenericRecord record, List<FieldError> errors) {
    if (!record.hasField(field) || !(record.get(field) instanceof GenericRecord address)) {
      return;
    }
    translate(address, field, errors);
  }

  /**
   * Translates and checks one address record in place.
   *
   * @param path the field path used in error messages, e.g. "residence"
   */
  public void translate(GenericRecord address, String path, List<FieldError> errors) {
    Object structure = address.get("structure");
    if (structure == null) {
      return; // a required field: the mapping has already reported it
    }
    String province = text(address.get("provinceCode"));
    String district = text(address.get("districtCode"));
    String commune = text(address.get("communeCode"));
    switch (structure.toString()) {
      case LEGACY -> legacy(address, path, province, district, commune, errors);
      case UNITS_2025 -> units2025(address, path, province, commune, errors);
      default -> {
        // a structure this version does not know: leave the address as it is
      }
    }
  }

  private void legacy(
      GenericRecord address,
      String path,
      String province,
      String district,
      String commune,
      List<FieldError> errors) {
    if (commune == null) {
      legacyWithoutCommune(address, path, province, district, errors);
      return;
    }
    CommuneTranslation t = units.translateLegacyCommune(commune);
    if (t.isUnknown()) {
      errors.add(
          new FieldError(path + ".communeCode", commune, RULE, unknownLegacyCommune(commune)));
      return;
    }
    AdministrativeUnits.Commune legacy = units.legacyCommune(t.legacyCode()).orElseThrow();
    int before = errors.size();
    if (district != null && !legacy.districtCode().equals(pad(district, 3))) {
      errors.add(
          new FieldError(
              path + ".districtCode",
              district,
              RULE,
              "legacy commune "
                  + describeLegacyCommune(legacy)
                  + ", not in district "
                  + district
                  + "; correct the district or the commune code"));
    }
    if (province != null && !legacy.provinceCode().equals(pad(province, 2))) {
      errors.add(
          new FieldError(
              path + ".provinceCode",
              province,
              RULE,
              "legacy commune "
                  + describeLegacyCommune(legacy)
                  + ", not in province "
                  + province
                  + "; correct the province or the commune code"));
    }
    if (errors.size() > before) {
      return;
    }
    if (t.isTranslated()) {
      to2025(address, t);
      address.put("legacyCommuneCode", t.legacyCode());
    } else {
      // Divided: keep the legacy codes (padded), flag the address, let the record flow.
      if (province != null) {
        address.put("provinceCode", legacy.provinceCode());
      }
      if (district != null) {
        address.put("districtCode", legacy.districtCode());
      }
      address.put("communeCode", legacy.code());
      address.put("legacyCommuneCode", legacy.code());
      address.put("translationNote", t.reason());
    }
  }

  private void legacyWithoutCommune(
      GenericRecord address,
      String path,
      String province,
      String district,
      List<FieldError> errors) {
    if (district != null) {
      var d = units.legacyDistrict(district);
      if (d.isEmpty()) {
        errors.add(
            new FieldError(
                path + ".districtCode",
                district,
                RULE,
                "'" + district + "' is not a district code of the legacy units (3 digits)"));
        return;
      }
      if (province != null && !d.get().provinceCode().equals(pad(province, 2))) {
        errors.add(
            new FieldError(
                path + ".provinceCode",
                province,
                RULE,
                "legacy district "
                    + d.get().code()
                    + " ("
                    + d.get().name()
                    + ") is in province "
                    + d.get().provinceCode()
                    + ", not in province "
                    + province));
        return;
      }
      var island = units.translateLegacyDistrictWithoutCommunes(d.get().code());
      if (island.isPresent()) {
        to2025(address, island.get());
        address.put("translationNote", island.get().reason());
      }
    } else if (province != null && units.legacyProvince(province).isEmpty()) {
      errors.add(
          new FieldError(
              path + ".provinceCode",
              province,
              RULE,
              "'" + province + "' is not a province code of the legacy units (01-96)"));
    }
  }

  private void units2025(
      GenericRecord address,
      String path,
      String province,
      String commune,
      List<FieldError> errors) {
    if (commune != null) {
      var c = units.commune2025(commune);
      if (c.isEmpty()) {
        String hint =
            units.legacyCommune(commune).isPresent()
                ? "; it is a legacy code: set structure to " + LEGACY + " to have it translated"
                : "";
        errors.add(
            new FieldError(
                path + ".communeCode",
                commune,
                RULE,
                "'" + commune + "' is not a commune code of the 2025 units" + hint));
        return;
      }
      if (province != null && !c.get().provinceCode().equals(pad(province, 2))) {
        errors.add(
            new FieldError(
                path + ".provinceCode",
                province,
                RULE,
                "commune "
                    + c.get().code()
                    + " ("
                    + c.get().name()
                    + ") is in province "
                    + c.get().provinceCode()
                    + " since 2025, not in province "
                    + province));
        return;
      }
      putIfChanged(address, "communeCode", commune, c.get().code());
      putIfChanged(address, "provinceCode", province, province == null ? null : pad(province, 2));
    } else if (province != null) {
      var p = units.province2025(province);
      if (p.isEmpty()) {
        errors.add(
            new FieldError(
                path + ".provinceCode",
                province,
                RULE,
                "'" + province + "' is not one of the 34 province codes of the 2025 units"));
        return;
      }
      putIfChanged(address, "provinceCode", province, p.get().code());
    }
  }

  private String unknownLegacyCommune(String commune) {
    String hint =
        units.commune2025(commune).isPresent()
            ? "; it is a 2025 code: set structure to " + UNITS_2025
            : "";
    return "'"
        + commune
        + "' is not a commune code of the legacy units (5 digits, before 2025-07-01)"
        + hint;
  }

  private String describeLegacyCommune(AdministrativeUnits.Commune legacy) {
    AdministrativeUnits.District d = units.legacyDistrict(legacy.districtCode()).orElseThrow();
    return legacy.code()
        + " ("
        + legacy.name()
        + ") is in district "
        + d.code()
        + " ("
        + d.name()
        + "), province "
        + legacy.provinceCode();
  }

  private static void to2025(GenericRecord address, CommuneTranslation t) {
    address.put("structure", units2025Symbol(address));
    address.put("provinceCode", t.provinceCode());
    address.put("districtCode", null);
    address.put("communeCode", t.communeCode());
  }

  private static Object units2025Symbol(GenericRecord address) {
    Object current = address.get("structure");
    if (current instanceof Enum<?> e) { // a generated (specific) Address class
      return enumConstant(e.getDeclaringClass());
    }
    return new GenericData.EnumSymbol(
        address.getSchema().getField("structure").schema(), UNITS_2025);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(Class<? extends Enum> type) {
    return Enum.valueOf(type, UNITS_2025);
  }

  private static void putIfChanged(GenericRecord r, String name, String before, String after) {
    if (!Objects.equals(before, after)) {
      r.put(name, after);
    }
  }

  private static String pad(String code, int width) {
    String padded = AdministrativeUnits.normaliseCode(code, width);
    return padded == null ? code : padded;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  static Schema nonNull(Schema s) {
    if (s.getType() != Schema.Type.UNION) {
      return s;
    }
    for (Schema t : s.getTypes()) {
      if (t.getType() != Schema.Type.NULL) {
        return t;
      }
    }
    return s;
  }

  @Override
  public String toString() {
    return "AddressTranslation[" + field + "]";
  }
}
