package vn.truc.routes.mapping;

/**
 * How one contract field is filled: from a source column, or with a constant. Conversion follows
 * from the field's Avro type (text is normalised, dates parsed, enums looked up in the code map
 * named after the enum), so a mapping names only what cannot be derived.
 *
 * @param field the contract field, a dotted path for nested records (e.g. residence.communeCode)
 * @param column the source column, or null when {@code constant} is set
 * @param constant a fixed value, or null
 */
public record FieldRule(String field, String column, String constant) {

  public static FieldRule column(String field, String column) {
    return new FieldRule(field, column, null);
  }

  public static FieldRule constant(String field, String value) {
    return new FieldRule(field, null, value);
  }
}
