package vn.truc.routes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static vn.truc.routes.CivilServantFixtures.SCHEMA;
import static vn.truc.routes.CivilServantFixtures.demoMapper;
import static vn.truc.routes.CivilServantFixtures.demoRules;
import static vn.truc.routes.CivilServantFixtures.fullRow;
import static vn.truc.routes.CivilServantFixtures.header;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class RowMapperTest {

  private final RowMapper mapper = demoMapper();

  @Test
  void mapsAFullRowOfTheProvincialTable() {
    GenericRecord header = header();

    MappingResult result = mapper.map(fullRow(), header);

    assertThat(result.errors()).isEmpty();
    assertThat(result.isValid()).isTrue();
    GenericRecord r = result.record();
    assertThat(r.get("header")).isSameAs(header);
    assertThat(r.get("personalId")).isEqualTo("037185000123");
    assertThat(r.get("legacyIdNumber")).isEqualTo("160000123");
    assertThat(r.get("civilServantNumber")).isEqualTo("CB37-0000123");
    assertThat(r.get("fullName")).isEqualTo("Nguyễn Thị Hương");
    assertThat(r.get("ethnicity")).isEqualTo("Kinh");
    assertThat(r.get("religion")).isEqualTo("Không");
    assertThat(r.get("managingAgency")).isEqualTo("UBND tỉnh Ninh Bình");
    assertThat(r.get("employingUnit")).isEqualTo("Sở Nội vụ");
    assertThat(r.get("position")).isEqualTo("Phó Trưởng phòng");
    assertThat(r.get("jobPosition")).isEqualTo("Vị trí chuyên viên");
    assertThat(r.get("rankCode")).isEqualTo("01.003");
    assertThat(r.get("rankName")).isEqualTo("Chuyên viên");
    assertThat(r.get("recruitingAgency")).isEqualTo("Sở Nội vụ tỉnh Ninh Bình");
    assertThat(r.get("educationLevel")).isEqualTo("Đại học");
    assertThat(r.get("politicalTheoryLevel")).isEqualTo("Sơ cấp");
    assertThat(r.get("salaryStep")).isEqualTo(1);
    assertThat(r.get("hometown")).isNull();
  }

  @Test
  void enumsBecomeContractSymbols() {
    GenericRecord r = mapper.map(fullRow(), header()).record();

    assertThat(r.get("gender")).isInstanceOf(GenericEnumSymbol.class).hasToString("FEMALE");
    assertThat(symbolSchemaName(r.get("gender"))).isEqualTo("Gender");
    assertThat(r.get("staffCategory")).hasToString("CIVIL_SERVANT");
    assertThat(symbolSchemaName(r.get("staffCategory"))).isEqualTo("StaffCategory");
  }

  @Test
  void nestedResidenceFieldsAreFilledFromTheirColumnsAndTheConstant() {
    GenericRecord residence =
        (GenericRecord) mapper.map(fullRow(), header()).record().get("residence");

    assertThat(residence.getSchema().getName()).isEqualTo("Address");
    assertThat(residence.get("detail")).isEqualTo("Số 15, thôn 3, Xã Khánh Vân, Huyện Yên Khánh");
    assertThat(residence.get("structure")).hasToString("LEGACY_3_TIER");
    assertThat(residence.get("provinceCode")).isEqualTo("37");
    assertThat(residence.get("districtCode")).isEqualTo("375");
    assertThat(residence.get("communeCode")).isEqualTo("14596");
    assertThat(residence.get("legacyCommuneCode")).isNull();
    assertThat(residence.get("translationNote")).isNull();
  }

  @Test
  void fullBirthDateIsAPartialDateWithAllParts() {
    GenericRecord dob = (GenericRecord) mapper.map(fullRow(), header()).record().get("dateOfBirth");

    assertThat(dob.getSchema().getName()).isEqualTo("PartialDate");
    assertThat(dob.get("year")).isEqualTo(1985);
    assertThat(dob.get("month")).isEqualTo(3);
    assertThat(dob.get("day")).isEqualTo(12);
  }

  @Test
  void yearOnlyBirthDateStaysYearOnly() {
    Map<String, Object> row = fullRow();
    row.put("NGAY_SINH", "1985");

    GenericRecord dob = (GenericRecord) mapper.map(row, header()).record().get("dateOfBirth");

    assertThat(dob.get("year")).isEqualTo(1985);
    assertThat(dob.get("month")).isNull();
    assertThat(dob.get("day")).isNull();
  }

  @Test
  void dateFieldsAreLocalDates() {
    GenericRecord r = mapper.map(fullRow(), header()).record();

    assertThat(r.get("salaryEffectiveDate")).isEqualTo(LocalDate.of(2010, 6, 1));
    assertThat(r.get("recruitmentDate")).isEqualTo(LocalDate.of(2007, 6, 1));
    assertThat(r.get("partyJoinDate")).isEqualTo(LocalDate.of(2010, 9, 15));
    assertThat(r.get("partyOfficialDate")).isEqualTo(LocalDate.of(2011, 9, 15));
  }

  @Test
  void salaryCoefficientIsADecimalOfScaleTwo() {
    BigDecimal coefficient =
        (BigDecimal) mapper.map(fullRow(), header()).record().get("salaryCoefficient");

    assertThat(coefficient).isEqualTo(new BigDecimal("2.34"));
    assertThat(coefficient.scale()).isEqualTo(2);
  }

  @Test
  void decimalsFromTextAndOtherScalesAreBroughtToScaleTwo() {
    assertThat(coefficientOf("2,34")).isEqualTo(new BigDecimal("2.34"));
    assertThat(coefficientOf("3")).isEqualTo(new BigDecimal("3.00"));
    assertThat(coefficientOf(new BigDecimal("4.005"))).isEqualTo(new BigDecimal("4.01"));
    assertThat(coefficientOf(2.67)).isEqualTo(new BigDecimal("2.67"));
  }

  @Test
  void decimalTooLargeForItsPrecisionIsAnError() {
    Map<String, Object> row = fullRow();
    row.put("HE_SO_LUONG", new BigDecimal("1234.5"));

    assertThat(mapper.map(row, header()).errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("salaryCoefficient");
              assertThat(e.rule()).isEqualTo("decimal");
              assertThat(e.value()).isEqualTo("1234.5");
              assertThat(e.message()).contains("3 integer digits");
            });
  }

  @Test
  void textIsNormalised() {
    Map<String, Object> row = fullRow();
    row.put("HO_TEN", "  Nguye\u0302\u0303n\u00A0 Thị   Hương ");

    assertThat(mapper.map(row, header()).record().get("fullName")).isEqualTo("Nguyễn Thị Hương");
  }

  @Test
  void genderSpellingsAndSymbols() {
    assertThat(genderOf("NAM")).isEqualTo("MALE");
    assertThat(genderOf("Nu\u031B\u0303")).isEqualTo("FEMALE");
    assertThat(genderOf("female")).isEqualTo("FEMALE");
    assertThat(genderOf(" unknown ")).isEqualTo("UNKNOWN");
  }

  @Test
  void missingOptionalValuesAreNull() {
    Map<String, Object> row = fullRow();
    row.put("SO_CMND", "   ");
    row.put("TON_GIAO", null);
    row.remove("NGAY_VAO_DANG");
    row.remove("MA_HUYEN");

    MappingResult result = mapper.map(row, header());

    assertThat(result.errors()).isEmpty();
    assertThat(result.record().get("legacyIdNumber")).isNull();
    assertThat(result.record().get("religion")).isNull();
    assertThat(result.record().get("partyJoinDate")).isNull();
    assertThat(((GenericRecord) result.record().get("residence")).get("districtCode")).isNull();
  }

  @Test
  void missingGenderBecomesUnknownAsTheContractDeclares() {
    Map<String, Object> row = fullRow();
    row.put("GIOI_TINH", null);

    MappingResult result = mapper.map(row, header());

    assertThat(result.errors()).isEmpty();
    assertThat(result.record().get("gender")).hasToString("UNKNOWN");
  }

  @Test
  void columnNamesMatchWhateverTheirCase() {
    Map<String, Object> row = new HashMap<>();
    fullRow().forEach((k, v) -> row.put(k.toLowerCase(java.util.Locale.ROOT), v));

    MappingResult result = mapper.map(row, header());

    assertThat(result.errors()).isEmpty();
    assertThat(result.record().get("fullName")).isEqualTo("Nguyễn Thị Hương");
  }

  @Test
  void missingRequiredFullNameIsARequiredError() {
    Map<String, Object> row = fullRow();
    row.remove("HO_TEN");

    MappingResult result = mapper.map(row, header());

    assertThat(result.isValid()).isFalse();
    assertThat(result.record()).isNull();
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("fullName");
              assertThat(e.rule()).isEqualTo("required");
            });
  }

  @Test
  void blankRequiredValueCountsAsMissing() {
    Map<String, Object> row = fullRow();
    row.put("HO_TEN", " \u00A0 ");

    assertThat(mapper.map(row, header()).errors())
        .extracting(FieldError::field, FieldError::rule)
        .containsExactly(tuple("fullName", "required"));
  }

  @Test
  void missingHeaderIsARequiredError() {
    assertThat(mapper.map(fullRow(), null).errors())
        .extracting(FieldError::field)
        .containsExactly("header");
  }

  @Test
  void impossibleDateIsAnErrorNamingTheFieldAndValue() {
    Map<String, Object> row = fullRow();
    row.put("NGAY_TUYEN_DUNG", "31/02/2007");

    assertThat(mapper.map(row, header()).errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("recruitmentDate");
              assertThat(e.value()).isEqualTo("31/02/2007");
              assertThat(e.rule()).isEqualTo("date");
              assertThat(e.message()).contains("31/02/2007");
            });
  }

  @Test
  void partialDateInAFullDateFieldIsAnError() {
    Map<String, Object> row = fullRow();
    row.put("NGAY_HUONG_LUONG", "06/2010");

    assertThat(mapper.map(row, header()).errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("salaryEffectiveDate");
              assertThat(e.rule()).isEqualTo("date");
            });
  }

  @Test
  void unreadableBirthDateIsAnErrorOfThePartialDateField() {
    Map<String, Object> row = fullRow();
    row.put("NGAY_SINH", "abc");

    assertThat(mapper.map(row, header()).errors())
        .extracting(FieldError::field, FieldError::rule)
        .containsExactly(tuple("dateOfBirth", "date"));
  }

  @Test
  void aRefusedValueIsNotAlsoReportedAsMissing() {
    Map<String, Object> row = fullRow();
    row.put("HO_TEN", null);
    row.put("NGAY_SINH", "abc");
    row.put("LOAI_CB", "Hợp đồng");

    assertThat(mapper.map(row, header()).errors())
        .extracting(FieldError::field, FieldError::rule)
        .containsExactlyInAnyOrder(
            tuple("fullName", "required"),
            tuple("dateOfBirth", "date"),
            tuple("staffCategory", "code-list"));
  }

  @Test
  void unknownGenderSpellingPointsAtTheCodeList() {
    Map<String, Object> row = fullRow();
    row.put("GIOI_TINH", "Trai");

    assertThat(mapper.map(row, header()).errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("gender");
              assertThat(e.rule()).isEqualTo("code-list");
              assertThat(e.value()).isEqualTo("Trai");
              assertThat(e.message()).contains("'Trai'").contains("codes/Gender.properties");
            });
  }

  @Test
  void everyErrorOfARowIsReportedNotJustTheFirst() {
    Map<String, Object> row = fullRow();
    row.put("HO_TEN", "");
    row.put("GIOI_TINH", "Trai");
    row.put("NGAY_SINH", "31/02/1985");
    row.put("BAC_LUONG", "một");
    row.put("LOAI_CB", "Hợp đồng");
    row.put("NGAY_VAO_DANG", "2010");

    MappingResult result = mapper.map(row, header());

    assertThat(result.record()).isNull();
    assertThat(result.errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "fullName", "gender", "dateOfBirth", "salaryStep", "staffCategory", "partyJoinDate");
    assertThat(result.errors())
        .filteredOn(e -> e.field().equals("salaryStep"))
        .singleElement()
        .extracting(FieldError::rule)
        .isEqualTo("int");
  }

  @Test
  void missingRequiredFieldOfANestedRecordIsNamedByItsPath() {
    List<FieldRule> rules =
        List.of(
            FieldRule.column("personalId", "SO_CCCD"),
            FieldRule.column("fullName", "HO_TEN"),
            FieldRule.column("dateOfBirth", "NGAY_SINH"),
            FieldRule.column("gender", "GIOI_TINH"),
            FieldRule.column("staffCategory", "LOAI_CB"),
            FieldRule.column("residence.communeCode", "MA_XA"));
    RowMapper noStructure = new RowMapper(SCHEMA, rules, new CodeMaps(), List.of());

    assertThat(noStructure.map(fullRow(), header()).errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("residence.structure");
              assertThat(e.rule()).isEqualTo("required");
            });
  }

  @Test
  void mappingToAFieldTheContractLacksFailsAtConstruction() {
    List<FieldRule> rules = new ArrayList<>(demoRules());
    rules.add(FieldRule.column("nickname", "BI_DANH"));

    assertThatThrownBy(() -> new RowMapper(SCHEMA, rules, new CodeMaps(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nickname'")
        .hasMessageContaining("CivilServant");
  }

  @Test
  void mappingToAnUnknownNestedFieldFailsAtConstruction() {
    assertThatThrownBy(
            () ->
                new RowMapper(
                    SCHEMA,
                    List.of(FieldRule.column("residence.street", "DUONG")),
                    new CodeMaps(),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("residence.street");
    assertThatThrownBy(
            () ->
                new RowMapper(
                    SCHEMA,
                    List.of(FieldRule.column("fullName.first", "HO")),
                    new CodeMaps(),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fullName.first");
  }

  @Test
  void ruleNeedsExactlyOneOfColumnAndConstant() {
    assertThatThrownBy(
            () ->
                new RowMapper(
                    SCHEMA,
                    List.of(new FieldRule("fullName", null, null)),
                    new CodeMaps(),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one of column or constant");
    assertThatThrownBy(
            () ->
                new RowMapper(
                    SCHEMA,
                    List.of(new FieldRule("fullName", "HO_TEN", "X")),
                    new CodeMaps(),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recordCheckSeesTheMappedRecordAndCanRefuseIt() {
    AtomicInteger calls = new AtomicInteger();
    RowMapper.RecordCheck idMatchesBirthYear =
        (record, errors) -> {
          calls.incrementAndGet();
          int year = (Integer) ((GenericRecord) record.get("dateOfBirth")).get("year");
          String id = record.get("personalId").toString();
          if (!id.substring(4, 6).equals(String.format("%02d", year % 100))) {
            errors.add(new FieldError("personalId", id, "id-birth-year", "does not match"));
          }
        };
    RowMapper checked =
        new RowMapper(SCHEMA, demoRules(), new CodeMaps(), List.of(idMatchesBirthYear));

    assertThat(checked.map(fullRow(), header()).isValid()).isTrue();
    Map<String, Object> row = fullRow();
    row.put("NGAY_SINH", "12/03/1986");
    MappingResult refused = checked.map(row, header());

    assertThat(calls).hasValue(2);
    assertThat(refused.record()).isNull();
    assertThat(refused.errors()).extracting(FieldError::rule).containsExactly("id-birth-year");
  }

  @Test
  void recordCheckIsNotRunWhenFieldsAlreadyFailed() {
    AtomicInteger calls = new AtomicInteger();
    RowMapper checked =
        new RowMapper(
            SCHEMA,
            demoRules(),
            new CodeMaps(),
            List.of((record, errors) -> calls.incrementAndGet()));
    Map<String, Object> row = fullRow();
    row.put("GIOI_TINH", "Trai");

    MappingResult result = checked.map(row, header());

    assertThat(result.isValid()).isFalse();
    assertThat(calls).hasValue(0);
  }

  @Test
  void columnForNamesTheSourceColumnOfAField() {
    assertThat(mapper.columnFor("personalId")).contains("SO_CCCD");
    assertThat(mapper.columnFor("residence.communeCode")).contains("MA_XA");
    assertThat(mapper.columnFor("residence.structure")).isEmpty();
    assertThat(mapper.columnFor("hometown")).isEmpty();
  }

  private Object coefficientOf(Object raw) {
    Map<String, Object> row = fullRow();
    row.put("HE_SO_LUONG", raw);
    MappingResult result = mapper.map(row, header());
    assertThat(result.errors()).isEmpty();
    return result.record().get("salaryCoefficient");
  }

  private String genderOf(String raw) {
    Map<String, Object> row = fullRow();
    row.put("GIOI_TINH", raw);
    MappingResult result = mapper.map(row, header());
    assertThat(result.errors()).isEmpty();
    return result.record().get("gender").toString();
  }

  private static String symbolSchemaName(Object symbol) {
    return ((GenericEnumSymbol<?>) symbol).getSchema().getName();
  }
}
