package vn.truc.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDefTest {

  private final ConfigDef def =
      new ConfigDef()
          .define(Setting.required("jdbc.url", SettingType.STRING, "JDBC URL of the database"))
          .define(Setting.optional("password", SettingType.PASSWORD, null, "password"))
          .define(
              Setting.optional("batch.size", SettingType.INT, 5000, "rows per batch").atLeast(1));

  @Test
  void reportsEveryProblemWithItsField() {
    var problems = def.validate(Map.of("batch.size", "0", "colour", "blue"));

    assertThat(problems)
        .extracting(ConfigProblem::field)
        .containsExactlyInAnyOrder("jdbc.url", "batch.size", "colour");
    assertThat(problems)
        .filteredOn(p -> p.field().equals("batch.size"))
        .singleElement()
        .extracting(ConfigProblem::reason)
        .isEqualTo("must be at least 1");
  }

  @Test
  void notANumberIsExplained() {
    assertThat(def.validate(Map.of("jdbc.url", "x", "batch.size", "many")))
        .singleElement()
        .hasToString("batch.size: must be a whole number, was 'many'");
  }

  @Test
  void parseFillsDefaultsAndMasksSecrets() {
    ConnectorConfig config = def.parse(Map.of("jdbc.url", "jdbc:x", "password", "s3cret"));

    assertThat(config.integer("batch.size")).isEqualTo(5000);
    assertThat(config.string("password")).isEqualTo("s3cret");
    assertThat(config.toString()).doesNotContain("s3cret").contains("password=******");
  }

  @Test
  void parseRefusesInvalidValues() {
    assertThatThrownBy(() -> def.parse(Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .satisfies(
            e ->
                assertThat(((InvalidConfigException) e).problems())
                    .extracting(ConfigProblem::field)
                    .containsExactly("jdbc.url"));
  }
}
