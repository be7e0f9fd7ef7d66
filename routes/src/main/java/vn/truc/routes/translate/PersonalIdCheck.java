package vn.truc.routes.translate;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apache.avro.generic.GenericRecord;
import vn.truc.routes.mapping.FieldError;
import vn.truc.routes.mapping.RowMapper;

/**
 * Checks the personal ID number of a mapped record ({@code personalId}) by {@link
 * PersonalIdNumber}, against the record's {@code dateOfBirth} (a PartialDate: its year is always
 * known; a full date also works) and {@code gender} (MALE / FEMALE; UNKNOWN skips that check); and
 * the old 9-digit number ({@code legacyIdNumber}) when the record has one. Fields the contract does
 * not have are skipped. Errors name the field, the value and one rule code per kind of problem.
 */
public final class PersonalIdCheck implements RowMapper.RecordCheck {

  public static final String PERSONAL_ID = "personalId";
  public static final String LEGACY_ID = "legacyIdNumber";
  public static final String DATE_OF_BIRTH = "dateOfBirth";
  public static final String GENDER = "gender";

  private final PersonalIdNumber numbers;

  /** With the standard prefixes (legacy provinces, no country codes). */
  public PersonalIdCheck() {
    this(PersonalIdNumber.standard());
  }

  public PersonalIdCheck(PersonalIdNumber numbers) {
    this.numbers = Objects.requireNonNull(numbers, "numbers");
  }

  @Override
  public void check(GenericRecord record, List<FieldError> errors) {
    Object id = record.hasField(PERSONAL_ID) ? record.get(PERSONAL_ID) : null;
    if (id != null) {
      String number = id.toString();
      for (PersonalIdNumber.Problem p :
          numbers.problems(number, birthYear(record), gender(record))) {
        errors.add(new FieldError(PERSONAL_ID, number, p.rule(), p.message()));
      }
    }
    Object legacy = record.hasField(LEGACY_ID) ? record.get(LEGACY_ID) : null;
    if (legacy != null) {
      String number = legacy.toString();
      for (PersonalIdNumber.Problem p : PersonalIdNumber.validateLegacy(number)) {
        errors.add(new FieldError(LEGACY_ID, number, p.rule(), p.message()));
      }
    }
  }

  private static Integer birthYear(GenericRecord record) {
    Object dob = record.hasField(DATE_OF_BIRTH) ? record.get(DATE_OF_BIRTH) : null;
    if (dob instanceof GenericRecord partial && partial.hasField("year")) {
      return partial.get("year") instanceof Number n ? n.intValue() : null;
    }
    if (dob instanceof LocalDate date) {
      return date.getYear();
    }
    return null;
  }

  private static String gender(GenericRecord record) {
    Object gender = record.hasField(GENDER) ? record.get(GENDER) : null;
    return gender == null ? null : gender.toString();
  }

  @Override
  public String toString() {
    return "PersonalIdCheck" + numbers.countryCodes();
  }
}
