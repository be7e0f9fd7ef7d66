package vn.truc.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.TargetColumn;
import vn.truc.connector.api.ValueType;
import vn.truc.connector.jdbc.JdbcTypes.LiveColumn;

class SinkTableCheckTest {

  private static final SinkTable TABLE =
      new SinkTable(
          "civil_servant",
          "personal_id",
          "source_changed_at",
          List.of(
              new TargetColumn("full_name", ValueType.STRING, false),
              new TargetColumn("recruitment_date", ValueType.DATE, true),
              new TargetColumn("salary_step", ValueType.INT, true)),
          "delivered_at");

  @Test
  void aTableThatFitsHasNoProblem() {
    assertThat(problems(fitting(), false)).isEmpty();
  }

  @Test
  void aMissingTableSaysHowToLetTrucCreateIt() {
    List<ConfigProblem> problems = problems(Map.of(), false);

    assertThat(problems).extracting(ConfigProblem::field).containsExactly("table");
    assertThat(problems.get(0).reason())
        .contains("'civil_servant'")
        .contains("visible to truc_writer")
        .contains("table.auto.create: true");
  }

  @Test
  void aMissingTableIsNoProblemWhenTrucCreatesIt() {
    assertThat(problems(Map.of(), true)).isEmpty();
  }

  @Test
  void eachMissingColumnIsNamedByItsFieldWithTheStatementThatAddsIt() {
    Map<String, LiveColumn> live = fitting();
    live.remove("full_name");
    live.remove("source_changed_at");
    live.remove("delivered_at");
    live.remove("personal_id");

    List<ConfigProblem> problems = problems(live, true);

    assertThat(problems)
        .extracting(ConfigProblem::field)
        .containsExactly("key.column", "version.column", "delivered.column", "columns.full_name");
    assertThat(problems.get(3).reason())
        .contains("'full_name' is not in table 'civil_servant'")
        .contains("ALTER TABLE \"civil_servant\" ADD COLUMN \"full_name\" TEXT");
    assertThat(problems.get(0).reason()).contains("primary key");
  }

  @Test
  void aColumnThatCannotHoldItsFieldIsNamedWithBothTypes() {
    Map<String, LiveColumn> live = fitting();
    live.put("recruitment_date", new LiveColumn("recruitment_date", Types.INTEGER, "int4", 10));

    List<ConfigProblem> problems = problems(live, false);

    assertThat(problems)
        .extracting(ConfigProblem::field)
        .containsExactly("columns.recruitment_date");
    assertThat(problems.get(0).reason())
        .contains("'recruitment_date' is INT4")
        .contains("DATE values")
        .contains("DATE or TIMESTAMP column");
  }

  @Test
  void theKeyMustBeTextAndTheVersionsTimestamps() {
    Map<String, LiveColumn> live = fitting();
    live.put("personal_id", new LiveColumn("personal_id", Types.BIGINT, "int8", 19));
    live.put("source_changed_at", new LiveColumn("source_changed_at", Types.VARCHAR, "text", 0));
    live.put("delivered_at", new LiveColumn("delivered_at", Types.DATE, "date", 10));

    List<ConfigProblem> problems = problems(live, false);

    assertThat(problems)
        .extracting(ConfigProblem::field)
        .containsExactly("key.column", "version.column", "delivered.column");
    assertThat(problems.get(0).reason()).contains("INT8").contains("leading zeros");
    assertThat(problems.get(1).reason()).contains("TIMESTAMP(6)");
  }

  @Test
  void columnNamesMatchWhateverTheirCase() {
    Map<String, LiveColumn> live = new LinkedHashMap<>();
    fitting()
        .values()
        .forEach(
            c ->
                live.put(
                    c.name().toLowerCase(Locale.ROOT),
                    new LiveColumn(
                        c.name().toUpperCase(Locale.ROOT), c.jdbcType(), c.typeName(), c.size())));
    SinkTable upper =
        new SinkTable(
            "T",
            "PERSONAL_ID",
            "Source_Changed_At",
            List.of(new TargetColumn("Full_Name", ValueType.STRING, false)),
            null);

    assertThat(SinkTableCheck.problems(upper, live, false, SqlDialect.POSTGRESQL, "truc_writer"))
        .isEmpty();
  }

  private static List<ConfigProblem> problems(Map<String, LiveColumn> live, boolean autoCreate) {
    return SinkTableCheck.problems(TABLE, live, autoCreate, SqlDialect.POSTGRESQL, "truc_writer");
  }

  /** The table as PostgreSQL describes CivilServantGenerator's ministry table. */
  private static Map<String, LiveColumn> fitting() {
    Map<String, LiveColumn> live = new LinkedHashMap<>();
    for (LiveColumn c :
        List.of(
            new LiveColumn("personal_id", Types.CHAR, "bpchar", 12),
            new LiveColumn("full_name", Types.VARCHAR, "text", Integer.MAX_VALUE),
            new LiveColumn("recruitment_date", Types.DATE, "date", 13),
            new LiveColumn("salary_step", Types.INTEGER, "int4", 10),
            new LiveColumn("source_changed_at", Types.TIMESTAMP, "timestamp", 29),
            new LiveColumn("delivered_at", Types.TIMESTAMP, "timestamptz", 35))) {
      live.put(c.name(), c);
    }
    return live;
  }
}
