package vn.truc.routes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.truc.routes.CivilServantFixtures.SCHEMA;
import static vn.truc.routes.CivilServantFixtures.mappedRecord;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class RecordFlattenerTest {

  private static final Schema PARTIAL_DATE = SCHEMA.getField("dateOfBirth").schema();

  /** Part of the "bnv-national" subscription of demo/flows.yaml. */
  private final RecordFlattener ministry =
      new RecordFlattener(
          List.of(
              new SinkColumn("full_name", "fullName"),
              new SinkColumn("date_of_birth", "dateOfBirth"),
              new SinkColumn("gender", "gender"),
              new SinkColumn("residence_structure", "residence.structure"),
              new SinkColumn("residence_commune", "residence.communeCode"),
              new SinkColumn("staff_category", "staffCategory"),
              new SinkColumn("salary_step", "salaryStep"),
              new SinkColumn("salary_coefficient", "salaryCoefficient"),
              new SinkColumn("recruitment_date", "recruitmentDate"),
              new SinkColumn("legacy_id_number", "legacyIdNumber"),
              new SinkColumn("source_agency", "header.sourceAgency"),
              new SinkColumn("trace_id", "header.traceId")));

  @Test
  void flattensEveryColumnFollowingDottedPaths() {
    Map<String, Object> values = ministry.flatten(mappedRecord());

    assertThat(values)
        .hasSize(12)
        .containsEntry("full_name", "Nguyễn Thị Hương")
        .containsEntry("date_of_birth", "1985-03-12")
        .containsEntry("residence_commune", "14596")
        .containsEntry("salary_step", 1)
        .containsEntry("salary_coefficient", new BigDecimal("2.34"))
        .containsEntry("recruitment_date", LocalDate.of(2007, 6, 1))
        .containsEntry("legacy_id_number", "160000123")
        .containsEntry("source_agency", "P37")
        .containsEntry("trace_id", "trace-0001");
  }

  @Test
  void enumsBecomePlainStrings() {
    Map<String, Object> values = ministry.flatten(mappedRecord());

    assertThat(values.get("gender")).isInstanceOf(String.class).isEqualTo("FEMALE");
    assertThat(values.get("staff_category")).isInstanceOf(String.class).isEqualTo("CIVIL_SERVANT");
    assertThat(values.get("residence_structure"))
        .isInstanceOf(String.class)
        .isEqualTo("LEGACY_3_TIER");
  }

  @Test
  void partialDatesBecomeTheirIsoFormKeepingOnlyWhatIsKnown() {
    GenericRecord record = mappedRecord();
    RecordFlattener dob = new RecordFlattener(List.of(new SinkColumn("dob", "dateOfBirth")));

    record.put("dateOfBirth", partialDate(1985, 3, null));
    assertThat(dob.flatten(record)).containsEntry("dob", "1985-03");

    record.put("dateOfBirth", partialDate(1985, null, null));
    assertThat(dob.flatten(record)).containsEntry("dob", "1985");
  }

  @Test
  void utf8TextBecomesString() {
    GenericRecord record = mappedRecord();
    record.put("fullName", new Utf8("Trần Văn Bình"));

    Object fullName = ministry.flatten(record).get("full_name");

    assertThat(fullName).isInstanceOf(String.class).isEqualTo("Trần Văn Bình");
  }

  @Test
  void nullSomewhereOnThePathGivesNull() {
    GenericRecord record = mappedRecord();
    record.put("residence", null);
    record.put("legacyIdNumber", null);

    Map<String, Object> values = ministry.flatten(record);

    assertThat(values)
        .containsEntry("residence_commune", null)
        .containsEntry("residence_structure", null)
        .containsEntry("legacy_id_number", null)
        .containsEntry("full_name", "Nguyễn Thị Hương");
  }

  @Test
  void pathsTheRecordDoesNotHaveGiveNull() {
    GenericRecord record = mappedRecord();

    assertThat(RecordFlattener.valueAt(record, new String[] {"nickname"})).isNull();
    assertThat(RecordFlattener.valueAt(record, new String[] {"residence", "street"})).isNull();
    assertThat(RecordFlattener.valueAt(record, new String[] {"fullName", "first"})).isNull();
    assertThat(RecordFlattener.valueAt(record, new String[] {"residence", "provinceCode"}))
        .isEqualTo("37");
  }

  @Test
  void theCallersColumnListIsCopied() {
    List<SinkColumn> columns = new java.util.ArrayList<>(List.of(new SinkColumn("a", "fullName")));
    RecordFlattener flattener = new RecordFlattener(columns);
    columns.add(new SinkColumn("b", "personalId"));

    assertThat(flattener.flatten(mappedRecord())).containsOnlyKeys("a");
  }

  private static GenericRecord partialDate(int year, Integer month, Integer day) {
    GenericData.Record date = new GenericData.Record(PARTIAL_DATE);
    date.put("year", year);
    date.put("month", month);
    date.put("day", day);
    return date;
  }
}
