package vn.truc.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.truc.contract.AdministrativeLevel;
import vn.truc.contract.AdministrativeUnit;
import vn.truc.contract.Citizen;
import vn.truc.contract.CivilServant;
import vn.truc.contract.Household;
import vn.truc.contract.IdentityCard;
import vn.truc.contract.MaritalStatus;
import vn.truc.contract.StaffCategory;
import vn.truc.contract.common.Address;
import vn.truc.contract.common.AdminStructure;
import vn.truc.contract.common.ChangeType;
import vn.truc.contract.common.Gender;
import vn.truc.contract.common.PartialDate;
import vn.truc.contract.common.RecordHeader;
import vn.truc.contract.common.RelatedPerson;

/** Realistic records of every contract survive binary encoding, as specific and generic data. */
class ContractRoundTripTest {

  /** Generic data with logical types as Java types, as the platform's serde reads them. */
  private static final GenericData MODEL = new GenericData();

  static {
    MODEL.addLogicalTypeConversion(new Conversions.DecimalConversion());
    MODEL.addLogicalTypeConversion(new TimeConversions.DateConversion());
    MODEL.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
  }

  private static final Instant CHANGED_AT = Instant.parse("2025-07-01T08:30:15.123456Z");

  static RecordHeader header(String agency, String connector) {
    return RecordHeader.newBuilder()
        .setSourceAgency(agency)
        .setConnector(connector)
        .setSourcePosition("2025-07-01T08:30:15.123456|123")
        .setChangeType(ChangeType.UPSERT)
        .setChangedAt(CHANGED_AT)
        .setTraceId("4bf92f3577b34da6a3ce929d0e0e4736")
        .build();
  }

  static CivilServant civilServant() {
    return CivilServant.newBuilder()
        .setHeader(header("P37", "p37-hr"))
        .setPersonalId("037185000123")
        .setLegacyIdNumber("160000123")
        .setCivilServantNumber("CB37-0000123")
        .setFullName("Nguyễn Thị Hương")
        .setDateOfBirth(new PartialDate(1985, 3, 12))
        .setGender(Gender.FEMALE)
        .setEthnicity("01")
        .setReligion(null)
        .setHometown(
            Address.newBuilder()
                .setDetail("Thôn Đông, Xã Khánh Vân, Huyện Yên Khánh")
                .setStructure(AdminStructure.LEGACY_3_TIER)
                .setProvinceCode("37")
                .setDistrictCode("375")
                .setCommuneCode("14596")
                .build())
        .setResidence(
            Address.newBuilder()
                .setDetail("Số 15, đường Lê Hồng Phong")
                .setStructure(AdminStructure.UNITS_2025_2_TIER)
                .setProvinceCode("37")
                .setCommuneCode("14425")
                .setLegacyCommuneCode("14425")
                .build())
        .setStaffCategory(StaffCategory.CIVIL_SERVANT)
        .setManagingAgency("UBND tỉnh Ninh Bình")
        .setEmployingUnit("Sở Nội vụ")
        .setPosition("Phó Trưởng phòng")
        .setJobPosition("Chuyên viên về quản lý công chức")
        .setRankCode("01.003")
        .setRankName("Chuyên viên")
        .setSalaryStep(3)
        .setSalaryCoefficient(new BigDecimal("3.00"))
        .setSalaryEffectiveDate(LocalDate.of(2022, 6, 1))
        .setRecruitmentDate(LocalDate.of(2007, 6, 1))
        .setRecruitingAgency("Sở Nội vụ tỉnh Ninh Bình")
        .setEducationLevel("Thạc sĩ Quản lý công")
        .setPoliticalTheoryLevel("Trung cấp")
        .setPartyJoinDate(LocalDate.of(2010, 9, 15))
        .setPartyOfficialDate(LocalDate.of(2011, 9, 15))
        .setPermanentResidence(
            Address.newBuilder()
                .setStructure(AdminStructure.UNITS_2025_2_TIER)
                .setProvinceCode("37")
                .setCommuneCode("14425")
                .build())
        .setSocialInsuranceNumber("3707012345")
        .setTaxCode("037185000123")
        .setStateManagementTraining("Chuyên viên chính")
        .setLanguages(List.of("Tiếng Anh B1", "Tiếng Pháp A2"))
        .setItSkills("Chứng chỉ ứng dụng CNTT cơ bản")
        .build();
  }

  static Citizen citizen() {
    return Citizen.newBuilder()
        .setHeader(header("BCA", "bca-dancu"))
        .setPersonalId("001090012345")
        .setLegacyIdNumber("012345678")
        .setFullName("Trần Văn Đức")
        .setOtherNames(List.of("Đức Anh"))
        .setDateOfBirth(PartialDate.newBuilder().setYear(1990).setMonth(7).build())
        .setGender(Gender.MALE)
        .setEthnicity("01")
        .setReligion("Phật giáo")
        .setNationalities(List.of("VN"))
        .setBloodType("O")
        .setPlaceOfBirthRegistration(
            Address.newBuilder()
                .setStructure(AdminStructure.LEGACY_3_TIER)
                .setProvinceCode("01")
                .setDistrictCode("001")
                .setCommuneCode("00001")
                .build())
        .setHometown(
            Address.newBuilder()
                .setDetail("Làng Phù Đổng")
                .setStructure(AdminStructure.LEGACY_3_TIER)
                .setProvinceCode("01")
                .setDistrictCode("268")
                .setCommuneCode("10138")
                .build())
        .setIdCard(
            IdentityCard.newBuilder()
                .setNumber("001090012345")
                .setIssueDate(LocalDate.of(2021, 4, 10))
                .setIssuePlace("Cục Cảnh sát quản lý hành chính về trật tự xã hội")
                .setExpiryDate(LocalDate.of(2030, 7, 1))
                .build())
        .setFather(new RelatedPerson("Trần Văn Hùng", "001060001234", "VN"))
        .setMother(RelatedPerson.newBuilder().setFullName("Lê Thị Ngọc Ánh").build())
        .setSpouse(new RelatedPerson("Phạm Thu Hà", "031192004567", "VN"))
        .setLegalRepresentative(null)
        .setHousehold(
            Household.newBuilder()
                .setHeadFullName("Trần Văn Đức")
                .setHeadPersonalId("001090012345")
                .setRelationToHead("Chủ hộ")
                .build())
        .setPermanentResidence(
            Address.newBuilder()
                .setDetail("Số 12 phố Phúc Xá")
                .setStructure(AdminStructure.UNITS_2025_2_TIER)
                .setProvinceCode("01")
                .setCommuneCode("00097")
                .setLegacyCommuneCode("00001")
                .build())
        .setTemporaryResidence(null)
        .setCurrentResidence(
            Address.newBuilder()
                .setDetail("Phòng 1203, tòa nhà Sông Hồng")
                .setStructure(AdminStructure.UNITS_2025_2_TIER)
                .setProvinceCode("01")
                .setCommuneCode("00097")
                .build())
        .setMaritalStatus(MaritalStatus.MARRIED)
        .setPhone("0912345678")
        .setEmail("duc.tran@example.vn")
        .build();
  }

  static AdministrativeUnit administrativeUnit() {
    return AdministrativeUnit.newBuilder()
        .setHeader(header("BNV", "gso-code-list"))
        .setUnitKey("LEGACY_3_TIER:00001")
        .setCode("00001")
        .setName("Phường Phúc Xá")
        .setUnitType("phường")
        .setLevel(AdministrativeLevel.COMMUNE)
        .setStructure(AdminStructure.LEGACY_3_TIER)
        .setParentCode("001")
        .setProvinceCode("01")
        .setValidTo(LocalDate.of(2025, 6, 30))
        .setSuccessorCodes(List.of("00097"))
        .build();
  }

  static Map<String, SpecificRecordBase> samples() {
    Map<String, SpecificRecordBase> samples = new LinkedHashMap<>();
    samples.put("CivilServant", civilServant());
    samples.put("Citizen", citizen());
    samples.put("AdministrativeUnit", administrativeUnit());
    return samples;
  }

  static Stream<String> contracts() {
    return ContractCatalog.standard().all().stream().map(Contract::name);
  }

  @Test
  void everyCatalogContractHasASample() {
    assertThat(samples().keySet()).containsExactlyElementsOf(contracts().toList());
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void specificRecordSurvivesBinaryEncoding(String name) throws IOException {
    SpecificRecordBase record = samples().get(name);

    byte[] bytes = specificBytes(record);
    Object read = readSpecific(bytes, record.getSchema(), record.getSchema());

    assertThat(read).isInstanceOf(record.getClass()).isEqualTo(record);
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void genericReaderSeesTheSameRecord(String name) throws IOException {
    SpecificRecordBase record = samples().get(name);
    Schema schema = record.getSchema();
    byte[] bytes = specificBytes(record);

    GenericRecord generic = readGeneric(bytes, schema, schema);

    assertThat(generic.getSchema()).isEqualTo(schema);
    for (Schema.Field field : schema.getFields()) {
      assertThat(String.valueOf(generic.get(field.name())))
          .as("%s.%s", name, field.name())
          .isEqualTo(String.valueOf(record.get(field.name())));
    }
    assertThat(genericBytes(generic, schema)).as("re-encoded").isEqualTo(bytes);
  }

  @Test
  void civilServantKeepsDiacriticsDecimalAndNestedAddress() throws IOException {
    CivilServant read =
        (CivilServant)
            readSpecific(
                specificBytes(civilServant()),
                CivilServant.getClassSchema(),
                CivilServant.getClassSchema());

    assertThat(read.getFullName()).isEqualTo("Nguyễn Thị Hương");
    assertThat(read.getSalaryCoefficient()).isEqualByComparingTo("3.00");
    assertThat(read.getHometown().getCommuneCode()).isEqualTo("14596");
    assertThat(read.getHeader().getChangedAt()).isEqualTo(CHANGED_AT);
    assertThat(read.getLanguages()).containsExactly("Tiếng Anh B1", "Tiếng Pháp A2");
  }

  @Test
  void citizenKeepsPartialDateFamilyAndCard() throws IOException {
    GenericRecord read =
        readGeneric(specificBytes(citizen()), Citizen.getClassSchema(), Citizen.getClassSchema());

    GenericRecord born = (GenericRecord) read.get("dateOfBirth");
    assertThat(born.get("year")).isEqualTo(1990);
    assertThat(born.get("month")).isEqualTo(7);
    assertThat(born.get("day")).isNull();
    assertThat(((GenericRecord) read.get("father")).get("fullName").toString())
        .isEqualTo("Trần Văn Hùng");
    assertThat(((GenericRecord) read.get("mother")).get("personalId")).isNull();
    assertThat(((GenericRecord) read.get("idCard")).get("issueDate"))
        .isEqualTo(LocalDate.of(2021, 4, 10));
    assertThat(((GenericRecord) read.get("permanentResidence")).get("legacyCommuneCode").toString())
        .isEqualTo("00001");
    assertThat(read.get("missing")).isEqualTo(false);
  }

  @Test
  void defaultsFillWhatABuilderLeavesOut() {
    Citizen minimal =
        Citizen.newBuilder()
            .setHeader(header("BCA", "bca-dancu"))
            .setPersonalId("001090012345")
            .setFullName("Trần Văn Đức")
            .setDateOfBirth(PartialDate.newBuilder().setYear(1990).build())
            .build();

    assertThat(minimal.getGender()).isEqualTo(Gender.UNKNOWN);
    assertThat(minimal.getMaritalStatus()).isEqualTo(MaritalStatus.UNKNOWN);
    assertThat(minimal.getNationalities()).isEmpty();
    assertThat(minimal.getOtherNames()).isEmpty();
    assertThat(minimal.getMissing()).isFalse();
    assertThat(minimal.getDateOfDeath()).isNull();
  }

  @Test
  void civilServantOfVersion1IsReadByTheCurrentClassWithDefaults() throws IOException {
    Schema v1 = ContractHistory.versions("CivilServant").get(0);
    Schema headerV1 = v1.getField("header").schema();
    GenericRecord header =
        new GenericRecordBuilder(headerV1)
            .set("sourceAgency", "P37")
            .set("connector", "p37-hr")
            .set("sourcePosition", "1")
            .set(
                "changeType",
                new GenericData.EnumSymbol(headerV1.getField("changeType").schema(), "UPSERT"))
            .set("changedAt", CHANGED_AT)
            .set("traceId", "t-1")
            .build();
    GenericRecord old =
        new GenericRecordBuilder(v1)
            .set("header", header)
            .set("personalId", "037185000123")
            .set("fullName", "Nguyễn Thị Hương")
            .set(
                "dateOfBirth",
                new GenericRecordBuilder(v1.getField("dateOfBirth").schema())
                    .set("year", 1985)
                    .build())
            .build();

    CivilServant read =
        (CivilServant) readSpecific(genericBytes(old, v1), v1, CivilServant.getClassSchema());

    assertThat(read.getFullName()).isEqualTo("Nguyễn Thị Hương");
    assertThat(read.getLanguages()).isEmpty();
    assertThat(read.getPlaceOfBirth()).isNull();
    assertThat(read.getGender()).isEqualTo(Gender.UNKNOWN);
  }

  @Test
  void readersOfCivilServantVersion1ReadCurrentRecords() throws IOException {
    Schema v1 = ContractHistory.versions("CivilServant").get(0);

    GenericRecord read =
        readGeneric(specificBytes(civilServant()), CivilServant.getClassSchema(), v1);

    assertThat(read.get("fullName").toString()).isEqualTo("Nguyễn Thị Hương");
    assertThat(read.get("salaryCoefficient")).isEqualTo(new BigDecimal("3.00"));
    assertThat(read.getSchema().getField("languages")).isNull();
  }

  private static byte[] specificBytes(SpecificRecordBase record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<SpecificRecordBase>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static byte[] genericBytes(GenericRecord record, Schema schema) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema, MODEL).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static Object readSpecific(byte[] bytes, Schema writer, Schema reader)
      throws IOException {
    return new SpecificDatumReader<>(writer, reader)
        .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
  }

  private static GenericRecord readGeneric(byte[] bytes, Schema writer, Schema reader)
      throws IOException {
    return new GenericDatumReader<GenericRecord>(writer, reader, MODEL)
        .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
  }
}
