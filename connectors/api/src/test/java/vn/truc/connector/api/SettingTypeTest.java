package vn.truc.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingTypeTest {

  @Test
  void booleansFromTextInAnyCaseOrFromBooleans() {
    assertThat(SettingType.BOOLEAN.parse("true")).isEqualTo(true);
    assertThat(SettingType.BOOLEAN.parse(" FALSE ")).isEqualTo(false);
    assertThat(SettingType.BOOLEAN.parse("True")).isEqualTo(true);
    assertThat(SettingType.BOOLEAN.parse(Boolean.FALSE)).isEqualTo(false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "no", "1", "0", "on", "truee", ""})
  void anythingElseIsNotABoolean(String raw) {
    assertThatThrownBy(() -> SettingType.BOOLEAN.parse(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("must be true or false");
  }

  @Test
  void intsFromTextAndFromNumbers() {
    assertThat(SettingType.INT.parse("5000")).isEqualTo(5000);
    assertThat(SettingType.INT.parse(" -7 ")).isEqualTo(-7);
    assertThat(SettingType.INT.parse(5000)).isEqualTo(5000);
    assertThat(SettingType.INT.parse(5000L)).isEqualTo(5000);
    assertThat(SettingType.INT.parse(new BigDecimal("5000"))).isEqualTo(5000);
    assertThat(SettingType.INT.parse(5000.0)).isEqualTo(5000);
    assertThat(SettingType.INT.parse(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void longsAndDurationsFromTextAndFromNumbers() {
    assertThat(SettingType.LONG.parse("3000000000")).isEqualTo(3_000_000_000L);
    assertThat(SettingType.LONG.parse(7)).isEqualTo(7L);
    assertThat(SettingType.DURATION_MS.parse("1500")).isEqualTo(1500L);
    assertThat(SettingType.DURATION_MS.parse(1500)).isEqualTo(1500L);
    assertThat(SettingType.LONG.parse(new BigInteger("9000000000"))).isEqualTo(9_000_000_000L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"many", "4.2", "1e3", "", "12ms"})
  void textThatIsNotAWholeNumberIsRefused(String raw) {
    assertThatThrownBy(() -> SettingType.LONG.parse(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("must be a whole number, was '" + raw + "'");
  }

  @Test
  void fractionalNumbersAreNotSilentlyTruncated() {
    assertThatThrownBy(() -> SettingType.INT.parse(2.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> SettingType.DURATION_MS.parse(new BigDecimal("1500.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number");
  }

  @Test
  void intsOutOfRangeAreRefusedNotWrappedAround() {
    assertThatThrownBy(() -> SettingType.INT.parse("3000000000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3000000000");
    assertThatThrownBy(() -> SettingType.INT.parse(3_000_000_000L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3000000000");
    assertThatThrownBy(() -> SettingType.LONG.parse(new BigInteger("99999999999999999999")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textSettingsAreTrimmed() {
    assertThat(SettingType.STRING.parse("  jdbc:postgresql://db/bnv "))
        .isEqualTo("jdbc:postgresql://db/bnv");
    assertThat(SettingType.STRING.parse(42)).isEqualTo("42");
    assertThat(SettingType.PASSWORD.parse(" s3cret ")).isEqualTo("s3cret");
  }

  @Test
  void outOfRangeIntIsReportedByConfigDefAgainstItsSetting() {
    ConfigDef def =
        new ConfigDef().define(Setting.optional("batch.size", SettingType.INT, 5000, "rows"));

    assertThat(def.validate(java.util.Map.of("batch.size", "3000000000")))
        .singleElement()
        .extracting(ConfigProblem::field)
        .isEqualTo("batch.size");
  }
}
