package vn.truc.routes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.truc.routes.CivilServantFixtures.SCHEMA;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import vn.truc.connector.api.ValueType;

class ConvertibilityTest {

  /** One field of every kind a mapping can fill; all optional, so one rule maps alone. */
  private static final Schema FIELDS =
      new Schema.Parser()
          .parse(
              """
              {"type": "record", "name": "Fields", "fields": [
                {"name": "text", "type": ["null", "string"], "default": null},
                {"name": "int", "type": ["null", "int"], "default": null},
                {"name": "long", "type": ["null", "long"], "default": null},
                {"name": "double", "type": ["null", "double"], "default": null},
                {"name": "bool", "type": ["null", "boolean"], "default": null},
                {"name": "date", "type": ["null", {"type": "int", "logicalType": "date"}],
                 "default": null},
                {"name": "amount", "type": ["null", {"type": "bytes", "logicalType": "decimal",
                 "precision": 5, "scale": 2}], "default": null},
                {"name": "born", "type": ["null", {"type": "record", "name": "PartialDate",
                 "fields": [{"name": "year", "type": "int"},
                            {"name": "month", "type": ["null", "int"], "default": null},
                            {"name": "day", "type": ["null", "int"], "default": null}]}],
                 "default": null},
                {"name": "gender", "type": ["null", {"type": "enum", "name": "Gender",
                 "symbols": ["MALE", "FEMALE", "UNKNOWN"]}], "default": null},
                {"name": "at", "type": ["null", {"type": "long", "logicalType": "timestamp-micros"}],
                 "default": null},
                {"name": "blob", "type": ["null", "bytes"], "default": null},
                {"name": "tags", "type": {"type": "array", "items": "string"}, "default": []},
                {"name": "address", "type": ["null", {"type": "record", "name": "Address",
                 "fields": [{"name": "communeCode", "type": ["null", "string"], "default": null}]}],
                 "default": null}
              ]}
              """);

  /** Values as the PostgreSQL and MariaDB drivers hand them over for each source type. */
  private static final Map<ValueType, List<Object>> SAMPLES =
      Map.of(
          ValueType.STRING,
          List.of("12/03/1985", "1985", "2.34", "42", "true", "Nữ", "2020-01-02 03:04:05"),
          ValueType.INT,
          List.of(1, 1985),
          ValueType.LONG,
          List.of(1L, 1985L),
          ValueType.DECIMAL,
          List.of(new BigDecimal("1"), new BigDecimal("2.34"), new BigDecimal("1985")),
          ValueType.DOUBLE,
          List.of(2.34d, 1.0d, 1985.0d),
          ValueType.BOOLEAN,
          List.of(true, false),
          ValueType.DATE,
          List.of(java.sql.Date.valueOf("1985-03-12"), LocalDate.of(1985, 3, 12)),
          ValueType.TIMESTAMP,
          List.of(Timestamp.valueOf("2020-01-02 03:04:05"), LocalDateTime.of(2020, 1, 2, 3, 4)),
          ValueType.BYTES,
          List.of((Object) new byte[] {1, 2}));

  private static final List<String> CHECKED_BY_THE_MAPPER =
      List.of("int", "long", "double", "date", "amount", "born", "gender");

  @Test
  void textBecomesAnythingButBinaryAndEachRowIsStillChecked() {
    for (String field :
        List.of(
            "text", "int", "long", "double", "bool", "date", "amount", "born", "gender", "at")) {
      assertThat(problem(ValueType.STRING, field)).as(field).isEmpty();
    }
    assertThat(problem(ValueType.STRING, "blob")).isPresent();
  }

  @Test
  void anythingButBytesBecomesText() {
    for (ValueType source : ValueType.values()) {
      assertThat(problem(source, "text").isPresent())
          .as("%s", source)
          .isEqualTo(source == ValueType.BYTES);
    }
  }

  @Test
  void wholeDatesComeFromDatesTimestampsOrTextOnly() {
    assertThat(accepted("date"))
        .containsExactlyInAnyOrder(ValueType.STRING, ValueType.DATE, ValueType.TIMESTAMP);
    assertThat(problem(ValueType.INT, "date"))
        .hasValue(
            "column 'C' is INT, which cannot become a date: it needs a DATE or TIMESTAMP column,"
                + " or text such as dd/MM/yyyy or yyyy-MM-dd");
    assertThat(problem(ValueType.BOOLEAN, "date")).isPresent();
    assertThat(problem(ValueType.BYTES, "date")).isPresent();
  }

  @Test
  void partialDatesAlsoComeFromAYearNumber() {
    assertThat(accepted("born"))
        .containsExactlyInAnyOrder(
            ValueType.STRING,
            ValueType.DATE,
            ValueType.TIMESTAMP,
            ValueType.INT,
            ValueType.LONG,
            ValueType.DECIMAL);
    assertThat(
            Convertibility.problem(
                "NAM_SINH", ValueType.DOUBLE, SCHEMA.getField("dateOfBirth").schema()))
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .startsWith("column 'NAM_SINH' is DOUBLE, which cannot become a partial date"));
  }

  @Test
  void numbersComeFromNumbersOrText() {
    Set<ValueType> numeric =
        EnumSet.of(
            ValueType.STRING, ValueType.INT, ValueType.LONG, ValueType.DECIMAL, ValueType.DOUBLE);
    for (String field : List.of("int", "long", "double", "amount")) {
      assertThat(accepted(field)).as(field).isEqualTo(numeric);
    }
    assertThat(problem(ValueType.DATE, "int"))
        .hasValueSatisfying(r -> assertThat(r).contains("is DATE, which cannot become an int"));
    assertThat(problem(ValueType.BOOLEAN, "amount"))
        .hasValueSatisfying(r -> assertThat(r).contains("cannot become a decimal(5,2)"));
  }

  @Test
  void codeListsComeFromTextOrWholeNumberCodes() {
    assertThat(accepted("gender"))
        .containsExactlyInAnyOrder(
            ValueType.STRING, ValueType.INT, ValueType.LONG, ValueType.DECIMAL);
    assertThat(problem(ValueType.DATE, "gender"))
        .hasValueSatisfying(
            r -> assertThat(r).contains("a Gender code").contains("codes/Gender.properties"));
  }

  @Test
  void booleansComeFromBooleansOneOrZeroOrText() {
    assertThat(accepted("bool"))
        .containsExactlyInAnyOrder(
            ValueType.BOOLEAN, ValueType.STRING, ValueType.INT, ValueType.LONG, ValueType.DECIMAL);
  }

  /** A number column may hold a flag as 1/0; any other number is refused row by row. */
  @Test
  void oneIsYesAndTwoIsAnError() {
    MappingResult one = map("bool", 1);
    assertThat(one.isValid()).isTrue();
    assertThat(one.record().get("bool")).isEqualTo(true);
    assertThat(map("bool", 2).isValid()).isFalse();
  }

  @Test
  void timestampsComeFromDatesTimestampsOrText() {
    assertThat(accepted("at"))
        .containsExactlyInAnyOrder(ValueType.STRING, ValueType.DATE, ValueType.TIMESTAMP);
  }

  @Test
  void bytesComeOnlyFromBytes() {
    assertThat(accepted("blob")).containsExactly(ValueType.BYTES);
  }

  @Test
  void recordsAndListsNeverComeFromOneColumn() {
    assertThat(accepted("tags")).isEmpty();
    assertThat(accepted("address")).isEmpty();
    assertThat(problem(ValueType.STRING, "address"))
        .hasValueSatisfying(r -> assertThat(r).contains("a record (Address)"));
  }

  @Test
  void theRealContractsFieldsAreJudgedThroughTheirUnions() {
    Schema coefficient = SCHEMA.getField("salaryCoefficient").schema();

    assertThat(Convertibility.problem("HE_SO_LUONG", ValueType.DECIMAL, coefficient)).isEmpty();
    assertThat(Convertibility.problem("HE_SO_LUONG", ValueType.TIMESTAMP, coefficient)).isPresent();
    assertThat(
            Convertibility.problem("GIOI_TINH", ValueType.INT, SCHEMA.getField("gender").schema()))
        .isEmpty();
  }

  /** Every pair said to work has a value the mapper turns into the field without an error. */
  @Test
  void whatIsAcceptedMapsForSomeValue() {
    for (Schema.Field field : FIELDS.getFields()) {
      if (field.name().equals("blob")) {
        continue; // the mapper does not fill raw bytes fields from a column yet
      }
      for (ValueType source : accepted(field.name())) {
        assertThat(SAMPLES.get(source).stream().anyMatch(v -> map(field.name(), v).isValid()))
            .as("%s -> %s", source, field.name())
            .isTrue();
      }
    }
  }

  /** Every pair said never to work fails on every value, for the fields the mapper checks. */
  @Test
  void whatIsRefusedFailsForEveryValue() {
    for (String field : CHECKED_BY_THE_MAPPER) {
      for (ValueType source : ValueType.values()) {
        if (problem(source, field).isEmpty()) {
          continue;
        }
        for (Object value : SAMPLES.get(source)) {
          assertThat(map(field, value).isValid()).as("%s %s -> %s", source, value, field).isFalse();
        }
      }
    }
  }

  private static Set<ValueType> accepted(String field) {
    Set<ValueType> accepted = EnumSet.noneOf(ValueType.class);
    for (ValueType source : ValueType.values()) {
      if (problem(source, field).isEmpty()) {
        accepted.add(source);
      }
    }
    return accepted;
  }

  private static java.util.Optional<String> problem(ValueType source, String field) {
    return Convertibility.problem("C", source, FIELDS.getField(field).schema());
  }

  private static MappingResult map(String field, Object value) {
    RowMapper mapper =
        new RowMapper(FIELDS, List.of(FieldRule.column(field, "C")), new CodeMaps(), List.of());
    Map<String, Object> row = new HashMap<>();
    row.put("C", value);
    return mapper.map(row, null);
  }
}
