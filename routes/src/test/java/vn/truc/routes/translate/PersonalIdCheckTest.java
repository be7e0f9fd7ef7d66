package vn.truc.routes.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.truc.routes.translate.ContractRecords.civilServant;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;
import vn.truc.routes.mapping.FieldError;

class PersonalIdCheckTest {

  private final PersonalIdCheck check = new PersonalIdCheck();

  @Test
  void aNumberThatAgreesWithBirthYearAndGenderPasses() {
    assertThat(errorsOf(civilServant("001085012345", 1985, "MALE"))).isEmpty();
    assertThat(errorsOf(civilServant("079301000123", 2001, "FEMALE"))).isEmpty();
  }

  @Test
  void unknownGenderIsNotCheckedAgainstTheNumber() {
    assertThat(errorsOf(civilServant("079301000123", 2001, "UNKNOWN"))).isEmpty();
  }

  @Test
  void eachDisagreementIsAnErrorOfThePersonalIdFieldWithItsOwnRule() {
    assertThat(errorsOf(civilServant("001085012345", 1986, "FEMALE")))
        .extracting(FieldError::field, FieldError::value, FieldError::rule)
        .containsExactly(
            tuple("personalId", "001085012345", "personal-id-gender"),
            tuple("personalId", "001085012345", "personal-id-birth-year"));
    assertThat(errorsOf(civilServant("001085012345", 2085, "MALE")))
        .extracting(FieldError::rule)
        .containsExactly("personal-id-century");
    assertThat(errorsOf(civilServant("099085012345", 1985, "MALE")))
        .extracting(FieldError::rule)
        .containsExactly("personal-id-province");
    assertThat(errorsOf(civilServant("1085012345", 1985, "MALE")))
        .extracting(FieldError::rule)
        .containsExactly("personal-id-format");
  }

  @Test
  void aYearOnlyBirthDateIsEnoughForTheYearChecks() {
    GenericData.Record r = civilServant("001085012345", 1984, "MALE");
    GenericData.Record dob = (GenericData.Record) r.get("dateOfBirth");
    dob.put("month", null);
    dob.put("day", null);

    assertThat(errorsOf(r)).extracting(FieldError::rule).containsExactly("personal-id-birth-year");
  }

  @Test
  void theLegacyNumberIsCheckedInItsOwnField() {
    GenericData.Record r = civilServant("001085012345", 1985, "MALE");
    r.put("legacyIdNumber", "160000123");
    assertThat(errorsOf(r)).isEmpty();

    r.put("legacyIdNumber", "16000012");
    assertThat(errorsOf(r))
        .extracting(FieldError::field, FieldError::value, FieldError::rule)
        .containsExactly(tuple("legacyIdNumber", "16000012", "legacy-id-format"));
  }

  private List<FieldError> errorsOf(GenericData.Record r) {
    List<FieldError> errors = new ArrayList<>();
    check.check(r, errors);
    return errors;
  }
}
