package vn.truc.routes.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import vn.truc.routes.serde.AvroModel;
import vn.truc.schemas.ContractCatalog;

class GrantTest {

  private static final Schema CIVIL_SERVANT =
      ContractCatalog.standard().get("CivilServant").schema();
  private static final Instant T = Instant.parse("2026-11-22T00:00:00Z");

  private static GenericRecord person(String province, String ethnicity) {
    GenericData.Record header = new GenericData.Record(CIVIL_SERVANT.getField("header").schema());
    header.put("sourceAgency", "P37");
    header.put("connector", "p37-hr");
    header.put("sourcePosition", "1");
    Schema changeType = header.getSchema().getField("changeType").schema();
    header.put("changeType", new GenericData.EnumSymbol(changeType, "UPSERT"));
    header.put("changedAt", T);
    header.put("traceId", "t");
    Schema dateSchema = CIVIL_SERVANT.getField("dateOfBirth").schema();
    GenericData.Record date = new GenericData.Record(dateSchema);
    date.put("year", 1985);
    date.put("month", 3);
    date.put("day", 12);
    Schema addressSchema = Fields.nonNull(CIVIL_SERVANT.getField("residence").schema());
    GenericData.Record address = new GenericData.Record(addressSchema);
    for (Schema.Field f : addressSchema.getFields()) {
      if (f.hasDefaultValue()) {
        address.put(f.pos(), AvroModel.MODEL.getDefaultValue(f));
      }
    }
    address.put("provinceCode", province);
    address.put(
        "structure",
        new GenericData.EnumSymbol(addressSchema.getField("structure").schema(), "LEGACY_3_TIER"));
    GenericData.Record r = new GenericData.Record(CIVIL_SERVANT);
    for (Schema.Field f : CIVIL_SERVANT.getFields()) {
      if (f.hasDefaultValue()) {
        r.put(f.pos(), AvroModel.MODEL.getDefaultValue(f));
      }
    }
    r.put("header", header);
    r.put("personalId", "037085000101");
    r.put("fullName", "Nguyễn Văn An");
    r.put("dateOfBirth", date);
    r.put("ethnicity", ethnicity);
    r.put("religion", "Phật giáo");
    r.put("residence", address);
    r.put("recruitmentDate", LocalDate.of(2010, 1, 1));
    return r;
  }

  @Test
  void theReaderSchemaHoldsOnlyWhatIsGrantedPlusHeaderAndKey() {
    Schema reader = GrantSchema.readerSchema(CIVIL_SERVANT, Set.of("fullName", "residence"));
    assertThat(reader.getFields())
        .extracting(Schema.Field::name)
        .containsExactly("header", "personalId", "fullName", "residence");
    assertThat(reader.getFullName()).isEqualTo(CIVIL_SERVANT.getFullName());
  }

  @Test
  void aProjectedRecordCarriesNoUngrantedValueEvenOnTheWire() throws Exception {
    Projection projection =
        new Projection(GrantSchema.readerSchema(CIVIL_SERVANT, Set.of("fullName", "residence")));
    GenericRecord projected = projection.project(person("37", "01"));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(projection.reader(), AvroModel.MODEL)
        .write(projected, out);
    out.flush();
    String wire = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(wire).contains("Nguyễn Văn An").doesNotContain("Phật giáo");

    GenericRecord back =
        new GenericDatumReader<GenericRecord>(
                projection.reader(), projection.reader(), AvroModel.MODEL)
            .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    assertThat(back.getSchema().getField("religion")).isNull();
    assertThat(back.getSchema().getField("ethnicity")).isNull();
    assertThat(back.get("personalId").toString()).isEqualTo("037085000101");
  }

  @Test
  void sensitiveFieldsNeedTheExplicitFlagAndUnknownFieldsAreNamed() {
    assertThat(
            GrantSchema.problems(CIVIL_SERVANT, Set.of("fullName", "religion", "shoeSize"), false))
        .containsOnlyKeys("fields.religion", "fields.shoeSize")
        .hasEntrySatisfying("fields.religion", r -> assertThat(r).contains("sensitive: true"));
    assertThat(GrantSchema.problems(CIVIL_SERVANT, Set.of("religion"), true)).isEmpty();
    assertThat(GrantSchema.problems(CIVIL_SERVANT, Set.of(), false)).containsKey("fields");
  }

  @Test
  void aRowFilterLetsThroughOnlyTheNamedValues() {
    RowFilter province37 = new RowFilter(Map.of("residence.provinceCode", Set.of("37")));
    assertThat(province37.matches(person("37", "01"))).isTrue();
    assertThat(province37.matches(person("36", "01"))).isFalse();
    RowFilter category =
        new RowFilter(
            Map.of(
                "staffCategory", Set.of("UNKNOWN"), "residence.provinceCode", Set.of("36", "37")));
    assertThat(category.matches(person("36", "01"))).isTrue();
    assertThat(RowFilter.ALL.matches(person("01", null))).isTrue();
  }

  @Test
  void aFilterOnAFieldThatDoesNotExistIsNamed() {
    RowFilter bad =
        new RowFilter(Map.of("residence.planet", Set.of("Earth"), "fullName", Set.of()));
    assertThat(bad.problems(CIVIL_SERVANT))
        .containsOnlyKeys("filter.residence.planet", "filter.fullName");
  }

  @Test
  void aGrantDeliversOnlyWithinItsPeriodAndUntilRevoked() {
    Grant grant =
        new Grant(
            "g1",
            "bnv-national",
            "CivilServant",
            Set.of("fullName"),
            null,
            false,
            T,
            T.plusSeconds(3600),
            null,
            "HR-STATS",
            "Decree 27/2026, art. 12");
    assertThat(grant.activeAt(T.minusSeconds(1))).isFalse();
    assertThat(grant.activeAt(T)).isTrue();
    assertThat(grant.activeAt(T.plusSeconds(3600))).as("expiry is exclusive").isFalse();
    assertThat(grant.revoked(T.plusSeconds(10)).activeAt(T.plusSeconds(20))).isFalse();
  }

  @Test
  void theGateAppliesTheGrantInForceAtEachBatchAndStopsWithoutOne() {
    Grant grant =
        new Grant(
            "bnv.1",
            "bnv",
            "CivilServant",
            Set.of("fullName"),
            new RowFilter(Map.of("residence.provinceCode", Set.of("37"))),
            false,
            T,
            T.plusSeconds(60),
            null,
            "CIVIL_SERVICE_MANAGEMENT",
            "Law (doc)");
    java.util.concurrent.atomic.AtomicReference<Grant> current =
        new java.util.concurrent.atomic.AtomicReference<>(grant);
    GrantGate gate = new GrantGate("bnv", CIVIL_SERVANT, current::get);

    GrantGate.Terms terms = gate.at(T.plusSeconds(1));
    assertThat(terms.admits(person("37", "01"))).isTrue();
    assertThat(terms.admits(person("36", "01"))).isFalse();
    GenericRecord projected = terms.project(person("37", "01"));
    assertThat(projected.getSchema().getField("religion")).isNull();
    assertThat(projected.get("fullName").toString()).isEqualTo("Nguyễn Văn An");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> gate.at(T.plusSeconds(60)))
        .isInstanceOf(NoActiveGrantException.class)
        .hasMessageContaining("not in force");
    current.set(grant.revoked(T.plusSeconds(2)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> gate.at(T.plusSeconds(3)))
        .isInstanceOf(NoActiveGrantException.class)
        .hasMessageContaining("revoked");
    current.set(null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> gate.at(T))
        .isInstanceOf(NoActiveGrantException.class)
        .hasMessageContaining("no approved grant");
  }
}
