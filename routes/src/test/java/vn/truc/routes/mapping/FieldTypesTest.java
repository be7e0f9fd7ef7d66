package vn.truc.routes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.truc.routes.CivilServantFixtures.SCHEMA;
import static vn.truc.routes.CivilServantFixtures.mappedRecord;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import vn.truc.connector.api.ValueType;
import vn.truc.contract.Citizen;
import vn.truc.routes.mapping.FieldTypes.Typed;

class FieldTypesTest {

  private static final Schema CITIZEN = Citizen.getClassSchema();

  @Test
  void scalarFieldsTakeTheirAvroType() {
    assertThat(FieldTypes.of(SCHEMA, "fullName")).isEqualTo(new Typed(ValueType.STRING, false));
    assertThat(FieldTypes.of(SCHEMA, "legacyIdNumber"))
        .isEqualTo(new Typed(ValueType.STRING, true));
    assertThat(FieldTypes.of(SCHEMA, "salaryStep")).isEqualTo(new Typed(ValueType.INT, true));
    assertThat(FieldTypes.of(CITIZEN, "missing")).isEqualTo(new Typed(ValueType.BOOLEAN, false));
  }

  @Test
  void logicalTypesGiveTheJavaTypeTheModelConvertsTo() {
    assertThat(FieldTypes.of(SCHEMA, "salaryCoefficient"))
        .isEqualTo(new Typed(ValueType.DECIMAL, true));
    assertThat(FieldTypes.of(SCHEMA, "recruitmentDate")).isEqualTo(new Typed(ValueType.DATE, true));
    assertThat(FieldTypes.of(SCHEMA, "header.changedAt"))
        .isEqualTo(new Typed(ValueType.TIMESTAMP, false));
  }

  @Test
  void enumsAndPartialDatesArriveAsText() {
    assertThat(FieldTypes.of(SCHEMA, "gender")).isEqualTo(new Typed(ValueType.STRING, false));
    assertThat(FieldTypes.of(SCHEMA, "staffCategory"))
        .isEqualTo(new Typed(ValueType.STRING, false));
    assertThat(FieldTypes.of(SCHEMA, "dateOfBirth")).isEqualTo(new Typed(ValueType.STRING, false));
    assertThat(FieldTypes.of(CITIZEN, "dateOfDeath")).isEqualTo(new Typed(ValueType.STRING, true));
  }

  @Test
  void aNullableRecordOnThePathMakesTheColumnNullable() {
    // structure is required inside Address, but residence itself may be null.
    assertThat(FieldTypes.of(SCHEMA, "residence.structure"))
        .isEqualTo(new Typed(ValueType.STRING, true));
    assertThat(FieldTypes.of(SCHEMA, "residence.communeCode"))
        .isEqualTo(new Typed(ValueType.STRING, true));
    assertThat(FieldTypes.of(CITIZEN, "idCard.issueDate"))
        .isEqualTo(new Typed(ValueType.DATE, true));
    assertThat(FieldTypes.of(CITIZEN, "idCard.number"))
        .isEqualTo(new Typed(ValueType.STRING, true));
    assertThat(FieldTypes.of(SCHEMA, "header.sourceAgency"))
        .isEqualTo(new Typed(ValueType.STRING, false));
  }

  @Test
  void aRecordOtherThanAPartialDateNeedsOneOfItsFieldsNamed() {
    assertThatThrownBy(() -> FieldTypes.of(SCHEMA, "residence"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record (Address)")
        .hasMessageContaining("residence.detail");
    assertThatThrownBy(() -> FieldTypes.of(SCHEMA, "header"))
        .hasMessageContaining("record (RecordHeader)");
  }

  @Test
  void listsAndMapsCannotFillOneColumn() {
    assertThatThrownBy(() -> FieldTypes.of(SCHEMA, "languages"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'languages' is a list");
    Schema withMap =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"M\",\"fields\":[{\"name\":\"m\",\"type\":"
                    + "{\"type\":\"map\",\"values\":\"string\"}}]}");
    assertThatThrownBy(() -> FieldTypes.of(withMap, "m")).hasMessageContaining("is a map");
  }

  @Test
  void unknownPathsAreRefusedByName() {
    assertThatThrownBy(() -> FieldTypes.of(SCHEMA, "shoeSize"))
        .hasMessage("CivilServant has no field 'shoeSize'");
    assertThatThrownBy(() -> FieldTypes.of(SCHEMA, "fullName.first"))
        .hasMessageContaining("'fullName.first'");
    assertThat(FieldTypes.schemaAt(SCHEMA, "residence..communeCode")).isEmpty();
    assertThat(FieldTypes.schemaAt(SCHEMA, "")).isEmpty();
    assertThat(FieldTypes.schemaAt(SCHEMA, null)).isEmpty();
  }

  @Test
  void schemaAtKeepsTheDeclaredUnion() {
    Schema coefficient = FieldTypes.schemaAt(SCHEMA, "salaryCoefficient").orElseThrow();

    assertThat(coefficient.getType()).isEqualTo(Schema.Type.UNION);
    assertThat(FieldTypes.schemaAt(SCHEMA, "residence.communeCode")).isPresent();
  }

  @Test
  void otherTypesFollowTheirBaseType() {
    Schema s =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"O\",\"fields\":["
                    + "{\"name\":\"f\",\"type\":\"float\"},"
                    + "{\"name\":\"l\",\"type\":\"long\"},"
                    + "{\"name\":\"b\",\"type\":\"bytes\"},"
                    + "{\"name\":\"t\",\"type\":{\"type\":\"int\",\"logicalType\":\"time-millis\"}},"
                    + "{\"name\":\"u\",\"type\":[\"null\",\"string\",\"int\"]}]}");

    assertThat(FieldTypes.of(s, "f").type()).isEqualTo(ValueType.DOUBLE);
    assertThat(FieldTypes.of(s, "l").type()).isEqualTo(ValueType.LONG);
    assertThat(FieldTypes.of(s, "b").type()).isEqualTo(ValueType.BYTES);
    // The platform's model does not convert time-millis: the column receives the int.
    assertThat(FieldTypes.of(s, "t").type()).isEqualTo(ValueType.INT);
    assertThatThrownBy(() -> FieldTypes.of(s, "u")).hasMessageContaining("union of several types");
  }

  /** The types agree with what the flattener really hands the sink for the demo subscription. */
  @Test
  void typesMatchTheValuesTheFlattenerProduces() {
    List<SinkColumn> columns =
        List.of(
            new SinkColumn("full_name", "fullName"),
            new SinkColumn("date_of_birth", "dateOfBirth"),
            new SinkColumn("gender", "gender"),
            new SinkColumn("residence_commune", "residence.communeCode"),
            new SinkColumn("salary_step", "salaryStep"),
            new SinkColumn("salary_coefficient", "salaryCoefficient"),
            new SinkColumn("recruitment_date", "recruitmentDate"),
            new SinkColumn("changed_at", "header.changedAt"));
    Map<String, Object> values = new RecordFlattener(columns).flatten(mappedRecord());

    for (SinkColumn c : columns) {
      Object value = values.get(c.column());
      assertThat(value).as(c.field()).isNotNull();
      assertThat(value)
          .as(c.field())
          .isInstanceOf(javaType(FieldTypes.of(SCHEMA, c.field()).type()));
    }
  }

  private static Class<?> javaType(ValueType type) {
    return switch (type) {
      case STRING -> String.class;
      case INT -> Integer.class;
      case LONG -> Long.class;
      case DOUBLE -> Double.class;
      case DECIMAL -> BigDecimal.class;
      case BOOLEAN -> Boolean.class;
      case DATE -> LocalDate.class;
      case TIMESTAMP -> Instant.class;
      case BYTES -> ByteBuffer.class;
    };
  }
}
