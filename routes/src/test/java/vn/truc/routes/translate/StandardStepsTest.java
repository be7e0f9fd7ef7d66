package vn.truc.routes.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static vn.truc.routes.CivilServantFixtures.SCHEMA;
import static vn.truc.routes.CivilServantFixtures.demoRules;
import static vn.truc.routes.CivilServantFixtures.fullRow;
import static vn.truc.routes.CivilServantFixtures.header;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import vn.truc.routes.mapping.CodeMaps;
import vn.truc.routes.mapping.FieldError;
import vn.truc.routes.mapping.MappingResult;
import vn.truc.routes.mapping.RowMapper;

class StandardStepsTest {

  private final RowMapper mapper =
      new RowMapper(SCHEMA, demoRules(), new CodeMaps(), StandardSteps.forSchema(SCHEMA));

  @Test
  void aCivilServantGetsTheIdCheckAnAddressStepPerAddressFieldAndTheEthnicityStep() {
    List<RowMapper.RecordCheck> steps = StandardSteps.forSchema(SCHEMA);

    assertThat(steps).first().isInstanceOf(PersonalIdCheck.class);
    assertThat(steps)
        .filteredOn(s -> s instanceof AddressTranslation)
        .extracting(s -> ((AddressTranslation) s).field())
        .containsExactlyElementsOf(AddressTranslation.addressFields(SCHEMA))
        .contains("residence", "hometown");
    assertThat(steps).last().isInstanceOf(EthnicityTranslation.class);
  }

  @Test
  void aContractWithoutThoseFieldsGetsNoSteps() {
    Schema plain =
        SchemaBuilder.record("Agency")
            .namespace("vn.truc.test")
            .fields()
            .requiredString("code")
            .optionalString("name")
            .endRecord();

    assertThat(StandardSteps.forSchema(plain)).isEmpty();
    assertThatThrownBy(() -> StandardSteps.forSchema(Schema.create(Schema.Type.STRING)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDemoRowIsMappedWithItsResidenceIn2025UnitsAndItsEthnicityAsACode() {
    MappingResult result = mapper.map(fullRow(), header());

    assertThat(result.errors()).isEmpty();
    GenericRecord r = result.record();
    GenericRecord residence = (GenericRecord) r.get("residence");
    assertThat(residence.get("structure")).hasToString("UNITS_2025_2_TIER");
    assertThat(residence.get("provinceCode")).isEqualTo("37");
    assertThat(residence.get("districtCode")).isNull();
    assertThat(residence.get("communeCode")).isEqualTo("14560");
    assertThat(residence.get("legacyCommuneCode")).isEqualTo("14596");
    assertThat(residence.get("detail")).isEqualTo("Số 15, thôn 3, Xã Khánh Vân, Huyện Yên Khánh");
    assertThat(r.get("ethnicity")).isEqualTo("01");
    assertThat(r.get("personalId")).isEqualTo("037185000123");
  }

  @Test
  void aRowInADividedCommuneFlowsFlagged() {
    Map<String, Object> row = fullRow();
    row.put("MA_TINH", "01");
    row.put("MA_HUYEN", "003");
    row.put("MA_XA", "00091");

    MappingResult result = mapper.map(row, header());

    assertThat(result.errors()).isEmpty();
    GenericRecord residence = (GenericRecord) result.record().get("residence");
    assertThat(residence.get("structure")).hasToString("LEGACY_3_TIER");
    assertThat(residence.get("communeCode")).isEqualTo("00091");
    assertThat(residence.get("legacyCommuneCode")).isEqualTo("00091");
    assertThat((String) residence.get("translationNote")).contains("divided");
  }

  @Test
  void everyProblemTheStepsFindIsReportedTogether() {
    Map<String, Object> row = fullRow();
    row.put("SO_CCCD", "037085000123"); // a man's number for a woman
    row.put("SO_CMND", "16000012");
    row.put("MA_XA", "99999");
    row.put("DAN_TOC", "Kinhh");

    MappingResult result = mapper.map(row, header());

    assertThat(result.record()).isNull();
    assertThat(result.errors())
        .extracting(FieldError::field, FieldError::rule)
        .containsExactlyInAnyOrder(
            tuple("personalId", "personal-id-gender"),
            tuple("legacyIdNumber", "legacy-id-format"),
            tuple("residence.communeCode", "admin-unit"),
            tuple("ethnicity", "code-list"));
  }

  @Test
  void configuredCountryCodesReachTheIdCheck() {
    Map<String, Object> row = fullRow();
    row.put("SO_CCCD", "840185000123");
    RowMapper abroad =
        new RowMapper(
            SCHEMA, demoRules(), new CodeMaps(), StandardSteps.forSchema(SCHEMA, Set.of("840")));

    assertThat(mapper.map(row, header()).errors())
        .extracting(FieldError::rule)
        .containsExactly("personal-id-province");
    assertThat(abroad.map(row, header()).errors()).isEmpty();
  }
}
