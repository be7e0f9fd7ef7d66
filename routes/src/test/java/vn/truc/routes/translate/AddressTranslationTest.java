package vn.truc.routes.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.truc.routes.translate.ContractRecords.SCHEMA;
import static vn.truc.routes.translate.ContractRecords.address;
import static vn.truc.routes.translate.ContractRecords.civilServant;
import static vn.truc.routes.translate.ContractRecords.legacyAddress;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import vn.truc.routes.mapping.FieldError;

class AddressTranslationTest {

  private final AddressTranslation residence = AddressTranslation.of("residence");
  private final List<FieldError> errors = new ArrayList<>();

  @Test
  void findsTheAddressFieldsOfAContract() {
    assertThat(AddressTranslation.addressFields(SCHEMA))
        .contains("hometown", "residence")
        .doesNotContain("header", "dateOfBirth", "fullName");
  }

  @Test
  void aLegacyCommuneWithOneSuccessorIsRewrittenTo2025Units() {
    // Xã Khánh Vân, Huyện Yên Khánh, Ninh Bình -> Xã Yên Khánh, Ninh Bình.
    GenericRecord record = withResidence(legacyAddress("37", "375", "14596"));

    residence.check(record, errors);

    assertThat(errors).isEmpty();
    GenericRecord a = (GenericRecord) record.get("residence");
    assertThat(a.get("structure")).hasToString("UNITS_2025_2_TIER");
    assertThat(a.get("provinceCode")).isEqualTo("37");
    assertThat(a.get("districtCode")).isNull();
    assertThat(a.get("communeCode")).isEqualTo("14560");
    assertThat(a.get("legacyCommuneCode")).isEqualTo("14596");
    assertThat(a.get("translationNote")).isNull();
    assertThat(a.get("detail")).isEqualTo("Số 15, thôn 3");
    assertThat(GenericData.get().validate(ContractRecords.ADDRESS, a)).isTrue();
  }

  @Test
  void aCommuneOfAMergedProvinceMovesToTheNewProvince() {
    GenericRecord record = withResidence(legacyAddress("77", "747", "26506"));

    residence.check(record, errors);

    GenericRecord a = (GenericRecord) record.get("residence");
    assertThat(errors).isEmpty();
    assertThat(a.get("provinceCode")).isEqualTo("79");
    assertThat(a.get("communeCode")).isEqualTo("26506");
    assertThat(a.get("legacyCommuneCode")).isEqualTo("26506");
  }

  @Test
  void aCommuneCodeAloneIsEnoughAndShortCodesArePadded() {
    GenericRecord record = withResidence(legacyAddress(null, null, "1"));

    residence.check(record, errors);

    GenericRecord a = (GenericRecord) record.get("residence");
    assertThat(errors).isEmpty();
    assertThat(a.get("provinceCode")).isEqualTo("01");
    assertThat(a.get("communeCode")).isEqualTo("00097");
    assertThat(a.get("legacyCommuneCode")).isEqualTo("00001");
  }

  @Test
  void aDividedCommuneKeepsItsLegacyCodesAndIsFlaggedNotRefused() {
    GenericRecord record = withResidence(legacyAddress("1", "3", "91"));

    residence.check(record, errors);

    assertThat(errors).isEmpty();
    GenericRecord a = (GenericRecord) record.get("residence");
    assertThat(a.get("structure")).hasToString("LEGACY_3_TIER");
    assertThat(a.get("provinceCode")).isEqualTo("01");
    assertThat(a.get("districtCode")).isEqualTo("003");
    assertThat(a.get("communeCode")).isEqualTo("00091");
    assertThat(a.get("legacyCommuneCode")).isEqualTo("00091");
    assertThat((String) a.get("translationNote"))
        .contains("legacy commune 00091")
        .contains("divided among 3 communes")
        .contains("street address");
    assertThat(GenericData.get().validate(ContractRecords.ADDRESS, a)).isTrue();
  }

  @Test
  void anUnknownLegacyCommuneIsAnAdminUnitError() {
    GenericRecord record = withResidence(legacyAddress("37", "375", "99999"));

    residence.check(record, errors);

    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("residence.communeCode");
              assertThat(e.rule()).isEqualTo("admin-unit");
              assertThat(e.value()).isEqualTo("99999");
              assertThat(e.message()).contains("'99999'").contains("legacy");
            });
    GenericRecord a = (GenericRecord) record.get("residence");
    assertThat(a.get("structure")).hasToString("LEGACY_3_TIER");
    assertThat(a.get("communeCode")).isEqualTo("99999");
  }

  @Test
  void aNewCodeUnderTheLegacyStructureSaysWhichStructureItBelongsTo() {
    // 26732 Đặc khu Côn Đảo exists only since 2025.
    residence.check(withResidence(legacyAddress(null, null, "26732")), errors);

    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("residence.communeCode");
              assertThat(e.message()).contains("UNITS_2025_2_TIER");
            });
  }

  @Test
  void aDistrictOrProvinceThatIsNotTheCommunesIsAnError() {
    GenericRecord wrongDistrict = withResidence(legacyAddress("37", "376", "14596"));
    residence.check(wrongDistrict, errors);

    assertThat(errors)
        .extracting(FieldError::field, FieldError::value, FieldError::rule)
        .containsExactly(tuple("residence.districtCode", "376", "admin-unit"));
    assertThat(errors.get(0).message()).contains("14596 (Xã Khánh Vân)").contains("375");
    assertThat(((GenericRecord) wrongDistrict.get("residence")).get("structure"))
        .hasToString("LEGACY_3_TIER");

    errors.clear();
    residence.check(withResidence(legacyAddress("36", "375", "14596")), errors);
    assertThat(errors)
        .extracting(FieldError::field, FieldError::rule)
        .containsExactly(tuple("residence.provinceCode", "admin-unit"));
  }

  @Test
  void everyAddressFieldIsTranslatedOnItsOwn() {
    GenericData.Record record = civilServant("037185000123", 1985, "FEMALE");
    record.put("residence", legacyAddress("37", "375", "14596"));
    record.put("hometown", legacyAddress("99", null, "00001"));
    AddressTranslation hometown = AddressTranslation.of("hometown");

    residence.check(record, errors);
    hometown.check(record, errors);

    assertThat(((GenericRecord) record.get("residence")).get("communeCode")).isEqualTo("14560");
    assertThat(errors)
        .extracting(FieldError::field, FieldError::rule)
        .containsExactly(tuple("hometown.provinceCode", "admin-unit"));
  }

  @Test
  void anIslandDistrictWithoutCommunesBecomesItsSpecialZone() {
    GenericRecord record = withResidence(legacyAddress("77", "755", null));

    residence.check(record, errors);

    assertThat(errors).isEmpty();
    GenericRecord a = (GenericRecord) record.get("residence");
    assertThat(a.get("structure")).hasToString("UNITS_2025_2_TIER");
    assertThat(a.get("provinceCode")).isEqualTo("79");
    assertThat(a.get("communeCode")).isEqualTo("26732");
    assertThat(a.get("districtCode")).isNull();
    assertThat((String) a.get("translationNote")).contains("755");
  }

  @Test
  void legacyCodesWithoutACommuneMustExistButAreNotTranslated() {
    GenericRecord onlyDistrict = withResidence(legacyAddress("37", "375", null));
    residence.check(onlyDistrict, errors);
    assertThat(errors).isEmpty();
    assertThat(((GenericRecord) onlyDistrict.get("residence")).get("structure"))
        .hasToString("LEGACY_3_TIER");

    residence.check(withResidence(legacyAddress("37", "999", null)), errors);
    residence.check(withResidence(legacyAddress("03", null, null)), errors);
    assertThat(errors)
        .extracting(FieldError::field, FieldError::value)
        .containsExactly(
            tuple("residence.districtCode", "999"), tuple("residence.provinceCode", "03"));
  }

  @Test
  void a2025AddressIsCheckedNotTranslated() {
    GenericRecord ok = withResidence(address("UNITS_2025_2_TIER", "1", null, "97"));
    residence.check(ok, errors);
    assertThat(errors).isEmpty();
    GenericRecord a = (GenericRecord) ok.get("residence");
    assertThat(a.get("provinceCode")).isEqualTo("01");
    assertThat(a.get("communeCode")).isEqualTo("00097");
    assertThat(a.get("legacyCommuneCode")).isNull();

    // 14596 existed only before 2025: the error says how to fix the structure.
    residence.check(withResidence(address("UNITS_2025_2_TIER", "37", null, "14596")), errors);
    residence.check(withResidence(address("UNITS_2025_2_TIER", "79", null, "00097")), errors);
    assertThat(errors)
        .extracting(FieldError::field, FieldError::rule)
        .containsExactly(
            tuple("residence.communeCode", "admin-unit"),
            tuple("residence.provinceCode", "admin-unit"));
    assertThat(errors.get(0).message()).contains("LEGACY_3_TIER");
  }

  @Test
  void aRecordWithoutTheAddressIsLeftAlone() {
    GenericData.Record record = civilServant("037185000123", 1985, "FEMALE");

    residence.check(record, errors);

    assertThat(errors).isEmpty();
    assertThat(record.get("residence")).isNull();
  }

  private static GenericRecord withResidence(GenericData.Record address) {
    GenericData.Record record = civilServant("037185000123", 1985, "FEMALE");
    record.put("residence", address);
    return record;
  }
}
