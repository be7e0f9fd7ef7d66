package vn.truc.routes.translate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;
import vn.truc.routes.mapping.FieldError;
import vn.truc.routes.mapping.RowMapper;

/**
 * Replaces the name of an ethnic group in a mapped record's {@code ethnicity} field by its
 * two-digit code ("Kinh" -> "01"), which is what the contracts hold; a value that already is a code
 * passes. A value that is neither is refused with rule {@value #RULE}, naming the list to extend.
 * Records without the field, or with no value in it, are left alone.
 */
public final class EthnicityTranslation implements RowMapper.RecordCheck {

  public static final String FIELD = "ethnicity";
  public static final String RULE = "code-list";

  private final Ethnicities ethnicities;
  private final String field;

  /** The standard list, on the field {@value #FIELD}. */
  public EthnicityTranslation() {
    this(Ethnicities.standard(), FIELD);
  }

  public EthnicityTranslation(Ethnicities ethnicities, String field) {
    this.ethnicities = Objects.requireNonNull(ethnicities, "ethnicities");
    this.field = Objects.requireNonNull(field, "field");
  }

  @Override
  public void check(GenericRecord record, List<FieldError> errors) {
    Object value = record.hasField(field) ? record.get(field) : null;
    if (value == null) {
      return;
    }
    String text = value.toString();
    Optional<String> code = ethnicities.code(text);
    if (code.isEmpty()) {
      errors.add(
          new FieldError(
              field,
              text,
              RULE,
              "'"
                  + text
                  + "' is not one of the 54 ethnic groups of Vietnam: write the group's name"
                  + " (e.g. Kinh, Tày, Mường) or its code 01-54; a spelling the list lacks can be"
                  + " added to codes/Ethnicity.properties"));
    } else if (!code.get().equals(text)) {
      record.put(field, code.get());
    }
  }

  @Override
  public String toString() {
    return "EthnicityTranslation[" + field + "]";
  }
}
