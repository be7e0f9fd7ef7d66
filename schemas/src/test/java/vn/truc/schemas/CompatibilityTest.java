package vn.truc.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.junit.jupiter.api.Test;
import vn.truc.schemas.Compatibility.Direction;
import vn.truc.schemas.Compatibility.Level;
import vn.truc.schemas.Compatibility.Problem;

class CompatibilityTest {

  private static final String GENDER =
      "{'type':'enum','name':'Gender','symbols':['MALE','FEMALE','UNKNOWN']}";

  /** A record Person in namespace t with the given fields (JSON with single quotes). */
  private static Schema person(String... fields) {
    String json =
        "{'type':'record','name':'Person','namespace':'t','fields':["
            + String.join(",", fields)
            + "]}";
    return new Schema.Parser().parse(json.replace('\'', '"'));
  }

  private static final String PERSONAL_ID = "{'name':'personalId','type':'string'}";
  private static final String FULL_NAME = "{'name':'fullName','type':'string'}";

  @Test
  void newFieldWithoutDefaultCannotReadOldRecordsAndIsNamed() {
    Schema v1 = person(PERSONAL_ID, FULL_NAME);
    Schema v2 = person(PERSONAL_ID, FULL_NAME, "{'name':'email','type':'string'}");

    List<Problem> problems = Compatibility.check(Level.BACKWARD, v2, List.of(v1));

    assertThat(problems).hasSize(1);
    Problem problem = problems.get(0);
    assertThat(problem.type())
        .isEqualTo(SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE);
    assertThat(problem.field()).isEqualTo("email");
    assertThat(problem.version()).isEqualTo(1);
    assertThat(problem.direction()).isEqualTo(Direction.BACKWARD);
    assertThat(problem.location()).isEqualTo("/fields/2");
    assertThat(problem.message())
        .isEqualTo(
            "field 'email' has no default value and is missing from version 1, so the new schema"
                + " cannot read records of version 1: give 'email' a default value"
                + " [READER_FIELD_MISSING_DEFAULT_VALUE at /fields/2]");
  }

  @Test
  void newOptionalFieldWithDefaultPassesEveryLevel() {
    Schema v1 = person(PERSONAL_ID, FULL_NAME);
    Schema v2 =
        person(
            PERSONAL_ID,
            FULL_NAME,
            "{'name':'email','type':['null','string'],'default':null}",
            "{'name':'languages','type':{'type':'array','items':'string'},'default':[]}");

    for (Level level : Level.values()) {
      assertThat(Compatibility.check(level, v2, List.of(v1))).as(level.name()).isEmpty();
    }
  }

  @Test
  void removingAFieldIsBackwardButNotForwardCompatibleWhenOldReadersNeedIt() {
    Schema v1 = person(PERSONAL_ID, FULL_NAME);
    Schema v2 = person(PERSONAL_ID);

    // The new schema simply ignores fullName in old records.
    assertThat(Compatibility.backwardTransitiveProblems(v2, List.of(v1))).isEmpty();
    // Readers of version 1 need fullName and have no default for it.
    assertThat(Compatibility.problems(Level.FORWARD, v2, List.of(v1)))
        .singleElement()
        .asString()
        .contains("field 'fullName' is missing from the new schema")
        .contains("no default value in version 1")
        .contains("keep 'fullName'");
    assertThat(Compatibility.check(Level.FULL, v2, List.of(v1)))
        .extracting(Problem::direction, Problem::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Direction.FORWARD, "fullName"));
  }

  @Test
  void removingAFieldThatHadADefaultIsFullyCompatible() {
    Schema v1 = person(PERSONAL_ID, "{'name':'phone','type':['null','string'],'default':null}");
    Schema v2 = person(PERSONAL_ID);

    assertThat(Compatibility.check(Level.FULL_TRANSITIVE, v2, List.of(v1))).isEmpty();
  }

  @Test
  void changedTypeStringToIntNamesFieldAndBothTypes() {
    Schema v1 = person(PERSONAL_ID, "{'name':'salaryStep','type':'string'}");
    Schema v2 = person(PERSONAL_ID, "{'name':'salaryStep','type':'int'}");

    assertThat(Compatibility.backwardTransitiveProblems(v2, List.of(v1)))
        .containsExactly(
            "field 'salaryStep' is int in the new schema but version 1 can write string there,"
                + " and Avro cannot read string as int [TYPE_MISMATCH at /fields/1/type]");
  }

  @Test
  void widenedIntToLongIsBackwardButNotForward() {
    Schema v1 = person(PERSONAL_ID, "{'name':'salaryStep','type':'int'}");
    Schema v2 = person(PERSONAL_ID, "{'name':'salaryStep','type':'long'}");

    assertThat(Compatibility.check(Level.BACKWARD, v2, List.of(v1))).isEmpty();
    assertThat(Compatibility.check(Level.FORWARD, v2, List.of(v1)))
        .extracting(Problem::type, Problem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                SchemaIncompatibilityType.TYPE_MISMATCH, "salaryStep"));
  }

  @Test
  void removedEnumSymbolThatOldWritersUseIsNamed() {
    Schema v1 = person(PERSONAL_ID, "{'name':'gender','type':" + GENDER + "}");
    Schema v2 =
        person(
            PERSONAL_ID,
            "{'name':'gender','type':{'type':'enum','name':'Gender','symbols':['MALE','FEMALE']}}");

    List<Problem> problems = Compatibility.check(Level.BACKWARD_TRANSITIVE, v2, List.of(v1));

    assertThat(problems).singleElement().extracting(Problem::field).isEqualTo("gender");
    assertThat(problems.get(0).type()).isEqualTo(SchemaIncompatibilityType.MISSING_ENUM_SYMBOLS);
    assertThat(problems.get(0).message())
        .contains("enum Gender in the new schema lacks the symbols [UNKNOWN]")
        .contains("version 1 can write");
  }

  @Test
  void enumDefaultLetsOldReadersMeetNewSymbols() {
    String withDefault =
        "{'type':'enum','name':'Gender','symbols':['MALE','FEMALE','UNKNOWN'],'default':'UNKNOWN'}";
    Schema v1 = person(PERSONAL_ID, "{'name':'gender','type':" + withDefault + "}");
    Schema v2 =
        person(
            PERSONAL_ID,
            "{'name':'gender','type':{'type':'enum','name':'Gender',"
                + "'symbols':['MALE','FEMALE','OTHER','UNKNOWN'],'default':'UNKNOWN'}}");

    assertThat(Compatibility.check(Level.FULL_TRANSITIVE, v2, List.of(v1))).isEmpty();
  }

  @Test
  void changeInsideANullableRecordNamesTheInnerField() {
    String householdV1 =
        "{'name':'household','type':['null',{'type':'record','name':'Household','fields':["
            + "{'name':'headFullName','type':'string'}]}],'default':null}";
    String householdV2 =
        "{'name':'household','type':['null',{'type':'record','name':'Household','fields':["
            + "{'name':'headFullName','type':'string'},"
            + "{'name':'relationToHead','type':'string'}]}],'default':null}";

    List<Problem> problems =
        Compatibility.check(
            Level.BACKWARD,
            person(PERSONAL_ID, householdV2),
            List.of(person(PERSONAL_ID, householdV1)));

    assertThat(problems)
        .singleElement()
        .extracting(Problem::field)
        .isEqualTo("household.relationToHead");
    assertThat(problems.get(0).message())
        .startsWith("field 'household.relationToHead' has no default");
  }

  @Test
  void changedArrayItemsAreNamedByTheArrayField() {
    Schema v1 =
        person(PERSONAL_ID, "{'name':'otherNames','type':{'type':'array','items':'string'}}");
    Schema v2 = person(PERSONAL_ID, "{'name':'otherNames','type':{'type':'array','items':'int'}}");

    assertThat(Compatibility.check(Level.BACKWARD, v2, List.of(v1)))
        .singleElement()
        .extracting(Problem::field)
        .isEqualTo("otherNames[]");
  }

  @Test
  void nullableFieldMadeRequiredCannotReadOldNulls() {
    Schema v1 = person(PERSONAL_ID, "{'name':'religion','type':['null','string'],'default':null}");
    Schema v2 = person(PERSONAL_ID, "{'name':'religion','type':'string'}");

    List<Problem> problems = Compatibility.check(Level.BACKWARD, v2, List.of(v1));

    assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.field()).isEqualTo("religion"));
    assertThat(problems.get(0).message()).contains("Avro cannot read null as string");
  }

  @Test
  void renamedRecordWithoutAliasIsAProblem() {
    Schema v1 = person(PERSONAL_ID);
    Schema v2 =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"Resident\",\"namespace\":\"t\","
                    + "\"fields\":[{\"name\":\"personalId\",\"type\":\"string\"}]}");
    Schema v2WithAlias =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"Resident\",\"namespace\":\"t\",\"aliases\":[\"t.Person\"],"
                    + "\"fields\":[{\"name\":\"personalId\",\"type\":\"string\"}]}");

    assertThat(Compatibility.problems(Level.BACKWARD, v2, List.of(v1)))
        .singleElement()
        .asString()
        .contains(
            "the record: the type is named t.Resident in the new schema but t.Person in version 1");
    assertThat(Compatibility.problems(Level.BACKWARD, v2WithAlias, List.of(v1))).isEmpty();
  }

  @Test
  void transitiveLevelsLookBeyondTheLatestVersion() {
    Schema v1 = person(PERSONAL_ID, "{'name':'salaryStep','type':'string'}");
    Schema v2 = person(PERSONAL_ID);
    Schema v3 = person(PERSONAL_ID, "{'name':'salaryStep','type':'int','default':0}");
    List<Schema> earlier = List.of(v1, v2);

    assertThat(Compatibility.check(Level.BACKWARD, v3, earlier)).isEmpty();
    List<Problem> problems = Compatibility.check(Level.BACKWARD_TRANSITIVE, v3, earlier);
    assertThat(problems)
        .extracting(Problem::version, Problem::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "salaryStep"));
    assertThat(problems.get(0).message()).contains("version 1 can write string");
  }

  @Test
  void forwardTransitiveChecksThatEveryOldReaderCanReadTheNewSchema() {
    Schema v1 = person(PERSONAL_ID, FULL_NAME);
    Schema v2 = person(PERSONAL_ID, FULL_NAME, "{'name':'phone','type':'string','default':''}");
    Schema v3 = person(PERSONAL_ID, "{'name':'phone','type':'string','default':''}");

    assertThat(Compatibility.check(Level.FORWARD, v3, List.of(v1, v2)))
        .extracting(Problem::version)
        .containsExactly(2);
    assertThat(Compatibility.check(Level.FORWARD_TRANSITIVE, v3, List.of(v1, v2)))
        .extracting(Problem::version)
        .containsExactly(1, 2);
  }

  @Test
  void noneAndAFirstVersionAcceptAnything() {
    Schema v1 = person(PERSONAL_ID, "{'name':'salaryStep','type':'string'}");
    Schema v2 = person("{'name':'salaryStep','type':'int'}", "{'name':'x','type':'long'}");

    assertThat(Compatibility.check(Level.NONE, v2, List.of(v1))).isEmpty();
    assertThat(Compatibility.check(Level.FULL_TRANSITIVE, v2, List.of())).isEmpty();
    assertThat(Compatibility.isCompatible(Level.BACKWARD, v2, List.of(v1))).isFalse();
  }

  @Test
  void levelsParseAsTheRegistryApiSpellsThem() {
    assertThat(Level.parse("backward_transitive")).isEqualTo(Level.BACKWARD_TRANSITIVE);
    assertThat(Level.parse(" FULL ")).isEqualTo(Level.FULL);
    assertThat(Level.values()).hasSize(7);
    assertThatThrownBy(() -> Level.parse("STRICT"))
        .hasMessageContaining("'STRICT'")
        .hasMessageContaining("FULL_TRANSITIVE");
  }

  @Test
  void nullableFieldMadeRequiredInARealContractIsCaught() {
    Schema current = ContractCatalog.standard().get("Citizen").schema();
    // Citizen with "email" made required: records of version 1 may hold null there.
    List<Schema.Field> fields =
        current.getFields().stream()
            .map(
                f ->
                    f.name().equals("email")
                        ? new Schema.Field("email", Schema.create(Schema.Type.STRING), f.doc())
                        : new Schema.Field(f, f.schema()))
            .toList();
    Schema broken =
        Schema.createRecord(
            current.getName(), current.getDoc(), current.getNamespace(), false, fields);

    assertThat(
            Compatibility.backwardTransitiveProblems(broken, ContractHistory.versions("Citizen")))
        .singleElement()
        .asString()
        .startsWith(
            "field 'email' is string in the new schema but version 1 can write null there, and"
                + " Avro cannot read null as string [TYPE_MISMATCH at /fields/");
  }
}
