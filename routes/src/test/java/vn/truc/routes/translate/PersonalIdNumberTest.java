package vn.truc.routes.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.truc.routes.translate.PersonalIdNumber.Problem;

class PersonalIdNumberTest {

  @Test
  void aManBorn1985RegisteredInHaNoiIsValid() {
    assertThat(PersonalIdNumber.validate("001085012345", 1985, "MALE")).isEmpty();
    assertThat(PersonalIdNumber.isValid("001085012345")).isTrue();
  }

  @Test
  void aWomanBorn2001RegisteredInHoChiMinhCityIsValid() {
    assertThat(PersonalIdNumber.validate("079301000123", 2001, "FEMALE")).isEmpty();
  }

  @Test
  void everyLegacyProvinceIsAValidPrefixAfterTheMergers() {
    // Hà Giang (02) and Bà Rịa - Vũng Tàu (77) no longer exist as provinces, their numbers stay.
    assertThat(PersonalIdNumber.validate("002190000001", 1990, "FEMALE")).isEmpty();
    assertThat(PersonalIdNumber.validate("077200000001", 2000, "MALE")).isEmpty();
    assertThat(PersonalIdNumber.validate("096099000001", 1999, "MALE")).isEmpty();
    for (String province : AdministrativeUnits.standard().legacyProvinceCodes()) {
      assertThat(PersonalIdNumber.validate("0" + province + "085012345")).as(province).isEmpty();
    }
  }

  @Test
  void unknownGenderOrBirthYearSkipsThoseCrossChecks() {
    assertThat(PersonalIdNumber.validate("079301000123", null, "UNKNOWN")).isEmpty();
    assertThat(PersonalIdNumber.validate("079301000123", null, null)).isEmpty();
    assertThat(PersonalIdNumber.validate("079301000123")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "00108501234",
        "0010850123456",
        "00108501234x",
        "001 85012345",
        "０01085012345"
      })
  void notTwelveDigitsIsAFormatProblemAndNothingElse(String id) {
    assertThat(PersonalIdNumber.validate(id, 1985, "MALE"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.rule()).isEqualTo("personal-id-format");
              assertThat(p.message()).contains("exactly 12 digits");
            });
    assertThat(PersonalIdNumber.isValid(id)).isFalse();
  }

  @Test
  void missingNumberIsAFormatProblem() {
    assertThat(PersonalIdNumber.validate(null))
        .extracting(Problem::rule)
        .containsExactly("personal-id-format");
  }

  @Test
  void aPrefixThatIsNoLegacyProvinceIsAProvinceProblem() {
    // 003 (no province had code 03) and 097 (after Cà Mau 96) are not provinces; 101 neither.
    for (String id : List.of("003085012345", "097085012345", "101085012345")) {
      assertThat(PersonalIdNumber.validate(id, 1985, "MALE"))
          .as(id)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.rule()).isEqualTo("personal-id-province");
                assertThat(p.message())
                    .contains("'" + id.substring(0, 3) + "'")
                    .contains("001-096");
              });
    }
  }

  @Test
  void countryCodesAreAcceptedOnlyWhenConfigured() {
    String bornAbroad = "840085012345";

    assertThat(PersonalIdNumber.validate(bornAbroad, 1985, "MALE"))
        .extracting(Problem::rule)
        .containsExactly("personal-id-province");
    PersonalIdNumber configured = PersonalIdNumber.withCountryCodes(Set.of("840"));
    assertThat(configured.problems(bornAbroad, 1985, "MALE")).isEmpty();
    assertThat(configured.problems("001085012345", 1985, "MALE")).isEmpty();
    assertThat(configured.problems("841085012345", 1985, "MALE"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("[840]"));
    assertThat(PersonalIdNumber.standard().countryCodes()).isEmpty();
  }

  @Test
  void aCountryCodeMustHaveThreeDigits() {
    assertThatThrownBy(() -> PersonalIdNumber.withCountryCodes(Set.of("84")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'84'");
  }

  @Test
  void aCenturyDigitBeyond2099IsACenturyProblem() {
    assertThat(PersonalIdNumber.validate("001485012345"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.rule()).isEqualTo("personal-id-century");
              assertThat(p.message()).contains("'4'").contains("2100s");
            });
    assertThat(PersonalIdNumber.validate("001985012345"))
        .extracting(Problem::rule)
        .containsExactly("personal-id-century");
  }

  @Test
  void aCenturyThatDisagreesWithTheBirthYearIsACenturyProblem() {
    // digit 4 = 2: a man born in the 2000s, but the record says 1985.
    assertThat(PersonalIdNumber.validate("001285012345", 1985, "MALE"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.rule()).isEqualTo("personal-id-century");
              assertThat(p.message()).contains("2000-2099").contains("1985");
            });
  }

  @Test
  void aParityThatDisagreesWithTheGenderIsAGenderProblem() {
    assertThat(PersonalIdNumber.validate("001085012345", 1985, "FEMALE"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.rule()).isEqualTo("personal-id-gender");
              assertThat(p.message()).contains("even").contains("FEMALE");
            });
    assertThat(PersonalIdNumber.validate("079301000123", 2001, "MALE"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.rule()).isEqualTo("personal-id-gender");
              assertThat(p.message()).contains("odd").contains("woman");
            });
  }

  @Test
  void yearDigitsThatDisagreeWithTheBirthYearAreABirthYearProblem() {
    assertThat(PersonalIdNumber.validate("001085012345", 1986, "MALE"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.rule()).isEqualTo("personal-id-birth-year");
              assertThat(p.message()).contains("'85'").contains("1986");
            });
  }

  @Test
  void independentProblemsAreAllReported() {
    // unknown prefix, 2000s instead of 1985, woman instead of man, 99 instead of 85
    assertThat(PersonalIdNumber.validate("003399012345", 1985, "MALE"))
        .extracting(Problem::rule)
        .containsExactly(
            "personal-id-province",
            "personal-id-century",
            "personal-id-gender",
            "personal-id-birth-year");
  }

  @Test
  void theLegacyNumberHasExactlyNineDigits() {
    assertThat(PersonalIdNumber.validateLegacy("160000123")).isEmpty();
    assertThat(PersonalIdNumber.validateLegacy(null)).isEmpty();
    for (String bad : List.of("16000012", "1600001234", "16000012x", "037185000123")) {
      assertThat(PersonalIdNumber.validateLegacy(bad))
          .as(bad)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.rule()).isEqualTo("legacy-id-format");
                assertThat(p.message()).contains("exactly 9 digits");
              });
    }
  }
}
