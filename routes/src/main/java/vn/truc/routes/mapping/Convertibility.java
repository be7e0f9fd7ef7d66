package vn.truc.routes.mapping;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import vn.truc.connector.api.ValueType;

/**
 * Whether a source column's values can ever become a contract field, decided before anything runs.
 * Lenient where {@link RowMapper} checks every row anyway (text can become a number, a date or a
 * code: a row that does not parse goes to the dead-letter topic with its reason); strict where no
 * row could ever work (bytes to a date, a date to an int, a boolean to a date, a number to a whole
 * date), since such a mapping would reject every row. Pure.
 */
public final class Convertibility {

  private static final Set<ValueType> NUMBERS =
      EnumSet.of(ValueType.INT, ValueType.LONG, ValueType.DECIMAL, ValueType.DOUBLE);

  private Convertibility() {}

  /**
   * Why values of column {@code column}, of type {@code source}, can never become {@code field}, or
   * empty when they can (each row still checked by the mapper).
   *
   * @param field the field's declared schema; a union with null stands for its other branch
   */
  public static Optional<String> problem(String column, ValueType source, Schema field) {
    Schema leaf = RowMapper.nonNull(field);
    Rule rule = rule(leaf);
    if (rule.accepts.contains(source)) {
      return Optional.empty();
    }
    return Optional.of(
        "column '"
            + column
            + "' is "
            + source
            + ", which cannot become "
            + describe(leaf)
            + ": "
            + rule.needs);
  }

  /** A field's type in words: a date, a partial date, a decimal(5,2), a Gender code, text. */
  public static String describe(Schema field) {
    Schema leaf = RowMapper.nonNull(field);
    LogicalType logical = leaf.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal d) {
      return "a decimal(" + d.getPrecision() + "," + d.getScale() + ")";
    }
    if (logical instanceof LogicalTypes.Date) {
      return "a date";
    }
    if (isTimestamp(logical)) {
      return "a timestamp";
    }
    return switch (leaf.getType()) {
      case STRING -> "text";
      case ENUM -> "a " + leaf.getName() + " code";
      case INT -> "an int";
      case LONG -> "a long";
      case FLOAT -> "a float";
      case DOUBLE -> "a double";
      case BOOLEAN -> "a boolean";
      case BYTES, FIXED -> "bytes";
      case RECORD ->
          FieldTypes.isPartialDate(leaf)
              ? "a partial date (year, month or day)"
              : "a record (" + leaf.getName() + ")";
      case ARRAY -> "a list";
      case MAP -> "a map";
      default -> leaf.getType().getName();
    };
  }

  private record Rule(Set<ValueType> accepts, String needs) {}

  private static Rule rule(Schema leaf) {
    LogicalType logical = leaf.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal) {
      return new Rule(
          with(NUMBERS, ValueType.STRING), "it needs a number column or text holding a number");
    }
    if (logical instanceof LogicalTypes.Date) {
      // A number parses as a bare year at most, which never makes a whole date.
      return new Rule(
          EnumSet.of(ValueType.STRING, ValueType.DATE, ValueType.TIMESTAMP),
          "it needs a DATE or TIMESTAMP column, or text such as dd/MM/yyyy or yyyy-MM-dd");
    }
    if (isTimestamp(logical)) {
      return new Rule(
          EnumSet.of(ValueType.STRING, ValueType.DATE, ValueType.TIMESTAMP),
          "it needs a TIMESTAMP or DATE column, or text holding a date and time");
    }
    return switch (leaf.getType()) {
      case STRING ->
          new Rule(
              EnumSet.complementOf(EnumSet.of(ValueType.BYTES)),
              "bytes are not text; map a text column");
      case ENUM ->
          // Looked up as text: by symbol, then in codes/<Enum>.properties, where whole-number
          // codes ("1" for male) are keys as names are. A fraction, a date or true/false never is.
          new Rule(
              EnumSet.of(ValueType.STRING, ValueType.INT, ValueType.LONG, ValueType.DECIMAL),
              "it needs a code or a name, as text or a whole number, listed in codes/"
                  + leaf.getName()
                  + ".properties");
      case INT, LONG, FLOAT, DOUBLE ->
          new Rule(
              with(NUMBERS, ValueType.STRING), "it needs a number column or text holding a number");
      case BOOLEAN ->
          // The mapper reads yes/no words and 1/0, and refuses anything else row by row.
          new Rule(
              EnumSet.of(
                  ValueType.BOOLEAN,
                  ValueType.STRING,
                  ValueType.INT,
                  ValueType.LONG,
                  ValueType.DECIMAL),
              "it needs a BOOLEAN column, a 1/0 number or text holding true or false");
      case BYTES, FIXED -> new Rule(EnumSet.of(ValueType.BYTES), "it needs a binary column");
      case RECORD ->
          FieldTypes.isPartialDate(leaf)
              // A year alone is a partial date, so whole numbers pass; the mapper checks each.
              ? new Rule(
                  EnumSet.of(
                      ValueType.STRING,
                      ValueType.DATE,
                      ValueType.TIMESTAMP,
                      ValueType.INT,
                      ValueType.LONG,
                      ValueType.DECIMAL),
                  "it needs a DATE or TIMESTAMP column, text such as dd/MM/yyyy, MM/yyyy or"
                      + " yyyy, or a year")
              : new Rule(
                  EnumSet.noneOf(ValueType.class),
                  "a record cannot come from one column; map each of its fields");
      default ->
          new Rule(
              EnumSet.noneOf(ValueType.class),
              "such a field cannot come from one column; leave it to its default");
    };
  }

  private static boolean isTimestamp(LogicalType logical) {
    return logical instanceof LogicalTypes.TimestampMillis
        || logical instanceof LogicalTypes.TimestampMicros;
  }

  private static Set<ValueType> with(Set<ValueType> base, ValueType... more) {
    Set<ValueType> all = EnumSet.copyOf(base);
    all.addAll(Set.of(more));
    return all;
  }
}
