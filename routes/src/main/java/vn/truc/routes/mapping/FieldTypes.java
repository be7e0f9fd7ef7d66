package vn.truc.routes.mapping;

import java.util.Optional;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import vn.truc.connector.api.ValueType;

/**
 * The type of the value a receiver column gets for a contract field: what {@link RecordFlattener}
 * hands the sink under the platform's Avro model ({@code AvroModel}), not the Avro type as written.
 * A partial date arrives as its ISO text (1985, 1985-03, 1985-03-12), an enum as its symbol, a date
 * as a LocalDate, a decimal as a BigDecimal, a timestamp as an Instant; other logical types are not
 * converted by the model and arrive as their base type. Pure.
 */
public final class FieldTypes {

  /**
   * @param nullable whether the column can receive no value: the field or a record on its path may
   *     be null
   */
  public record Typed(ValueType type, boolean nullable) {}

  private FieldTypes() {}

  /**
   * The declared schema of the field at a dotted path (unions with null kept), or empty when the
   * contract has no such field.
   */
  public static Optional<Schema> schemaAt(Schema contract, String path) {
    if (path == null || path.isBlank()) {
      return Optional.empty();
    }
    Schema current = contract;
    for (String part : path.split("\\.", -1)) {
      Schema record = nonNull(current);
      if (record.getType() != Schema.Type.RECORD || record.getField(part) == null) {
        return Optional.empty();
      }
      current = record.getField(part).schema();
    }
    return Optional.of(current);
  }

  /**
   * The type and nullability of the column that holds the field at {@code path}.
   *
   * @throws IllegalArgumentException saying why one column cannot hold the field (no such field, a
   *     record other than a partial date, a list, a map)
   */
  public static Typed of(Schema contract, String path) {
    Schema field =
        schemaAt(contract, path)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        contract.getName() + " has no field '" + path + "'"));
    boolean nullable = false;
    Schema current = contract;
    for (String part : path.split("\\.")) {
      current = nonNull(current).getField(part).schema();
      nullable |= isNullable(current);
    }
    return new Typed(valueType(path, field), nullable);
  }

  /** The type a column receives for a value of {@code schema} (nulls in a union ignored). */
  static ValueType valueType(String path, Schema schema) {
    Schema leaf = single(path, schema);
    LogicalType logical = leaf.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal) {
      return ValueType.DECIMAL;
    }
    if (logical instanceof LogicalTypes.Date) {
      return ValueType.DATE;
    }
    if (logical instanceof LogicalTypes.TimestampMillis
        || logical instanceof LogicalTypes.TimestampMicros) {
      return ValueType.TIMESTAMP;
    }
    return switch (leaf.getType()) {
      case STRING, ENUM -> ValueType.STRING;
      case INT -> ValueType.INT;
      case LONG -> ValueType.LONG;
      case FLOAT, DOUBLE -> ValueType.DOUBLE;
      case BOOLEAN -> ValueType.BOOLEAN;
      case BYTES, FIXED -> ValueType.BYTES;
      case RECORD -> {
        if (isPartialDate(leaf)) {
          yield ValueType.STRING;
        }
        throw new IllegalArgumentException(
            "'"
                + path
                + "' is a record ("
                + leaf.getName()
                + "): a column holds one of its fields, e.g. "
                + path
                + "."
                + leaf.getFields().get(0).name());
      }
      case ARRAY ->
          throw new IllegalArgumentException(
              "'" + path + "' is a list: a column holds a single value");
      case MAP ->
          throw new IllegalArgumentException(
              "'" + path + "' is a map: a column holds a single value");
      default ->
          throw new IllegalArgumentException("'" + path + "' never holds a value (" + leaf + ")");
    };
  }

  /** The one non-null type of a field; a union of several would give a column mixed values. */
  static Schema single(String path, Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    Schema found = null;
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() == Schema.Type.NULL) {
        continue;
      }
      if (found != null) {
        throw new IllegalArgumentException(
            "'" + path + "' is a union of several types: a column holds values of one type");
      }
      found = branch;
    }
    if (found == null) {
      throw new IllegalArgumentException("'" + path + "' never holds a value");
    }
    return found;
  }

  /** The record the mapper fills from one date column and the flattener turns into ISO text. */
  static boolean isPartialDate(Schema schema) {
    return schema.getType() == Schema.Type.RECORD && schema.getName().equals("PartialDate");
  }

  private static Schema nonNull(Schema s) {
    return RowMapper.nonNull(s);
  }

  private static boolean isNullable(Schema s) {
    return s.getType() == Schema.Type.NULL
        || (s.getType() == Schema.Type.UNION
            && s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL));
  }
}
