package vn.truc.routes.mapping;

/**
 * Why one field of one record was refused.
 *
 * @param field the contract field (dotted path for nested fields)
 * @param value the value as the source sent it
 * @param rule the rule it broke, a stable code (e.g. {@code required}, {@code date-format})
 * @param message what is wrong, in words
 */
public record FieldError(String field, String value, String rule, String message) {
  @Override
  public String toString() {
    return field + " [" + rule + "] " + message + " (value: '" + value + "')";
  }
}
