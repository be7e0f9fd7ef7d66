package vn.truc.routes.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import vn.truc.routes.serde.AvroModel;

/**
 * Maps a source row to a contract record by a list of {@link FieldRule}s. Pure: no I/O, no
 * framework. Every problem of a row is collected, not just the first, so the dead-letter entry
 * tells the province everything to fix at once.
 */
public final class RowMapper {

  private final Schema schema;
  private final List<CompiledRule> rules;
  private final CodeMaps codes;
  private final List<RecordCheck> checks;
  private final int headerPosition;

  /** A check across fields of a mapped record (e.g. ID number against date of birth). */
  @FunctionalInterface
  public interface RecordCheck {
    void check(GenericRecord record, List<FieldError> errors);
  }

  public RowMapper(Schema schema, List<FieldRule> rules, CodeMaps codes, List<RecordCheck> checks) {
    this.schema = schema;
    this.codes = codes;
    this.checks = List.copyOf(checks);
    this.rules = rules.stream().map(r -> compile(schema, r)).toList();
    Schema.Field headerField = schema.getField("header");
    this.headerPosition = headerField == null ? -1 : headerField.pos();
  }

  /**
   * @param header the record header, already built by the ingest route; set as field "header"
   */
  public MappingResult map(Map<String, Object> row, GenericRecord header) {
    List<FieldError> errors = new ArrayList<>(2);
    GenericData.Record root = new GenericData.Record(schema);
    // Each record created here, with the dotted path prefix of its fields ("" for the root): a
    // handful a row, so two short lists rather than an identity map per row.
    List<GenericData.Record> created = new ArrayList<>(4);
    List<String> prefixes = new ArrayList<>(4);
    created.add(root);
    prefixes.add("");
    if (headerPosition >= 0) {
      root.put(headerPosition, header);
    }
    for (CompiledRule rule : rules) {
      Object raw = rule.rule.constant() != null ? rule.rule.constant() : column(row, rule);
      Object value;
      try {
        value = convert(rule.leaf, raw);
      } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
        errors.add(
            new FieldError(
                rule.rule.field(), String.valueOf(raw), ruleName(rule.leaf), e.getMessage()));
        continue;
      }
      if (value == null) {
        continue;
      }
      GenericData.Record target = root;
      for (int i = 0; i < rule.path.size() - 1; i++) {
        Schema.Field f = rule.path.get(i);
        GenericData.Record next = (GenericData.Record) target.get(f.pos());
        if (next == null) {
          next = new GenericData.Record(recordSchema(f.schema()));
          target.put(f.pos(), next);
          prefixes.add(prefixes.get(indexOf(created, target)) + f.name() + ".");
          created.add(next);
        }
        target = next;
      }
      target.put(rule.path.get(rule.path.size() - 1).pos(), value);
    }
    // A field whose value was refused above is not also reported as missing.
    Set<String> refused = new HashSet<>();
    errors.forEach(e -> refused.add(e.field()));
    for (int i = 0; i < created.size(); i++) {
      fillDefaults(created.get(i), prefixes.get(i), refused, errors);
    }
    if (errors.isEmpty()) {
      for (RecordCheck check : checks) {
        check.check(root, errors);
      }
    }
    return errors.isEmpty() ? MappingResult.ok(root) : MappingResult.failed(errors);
  }

  private static int indexOf(List<GenericData.Record> records, GenericData.Record record) {
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i) == record) {
        return i;
      }
    }
    throw new IllegalStateException("a record not made by this mapping");
  }

  /** The source column that fills {@code field}, if a rule maps one. */
  public java.util.Optional<String> columnFor(String field) {
    return rules.stream()
        .filter(r -> r.rule.field().equals(field) && r.rule.column() != null)
        .map(r -> r.rule.column())
        .findFirst();
  }

  private void fillDefaults(
      GenericData.Record record, String prefix, Set<String> refused, List<FieldError> errors) {
    for (Schema.Field f : record.getSchema().getFields()) {
      if (record.get(f.pos()) != null) {
        continue;
      }
      if (f.hasDefaultValue()) {
        record.put(f.pos(), AvroModel.MODEL.getDefaultValue(f));
      } else if (!isNullable(f.schema()) && !refused.contains(prefix + f.name())) {
        String name = prefix + f.name();
        errors.add(new FieldError(name, "", "required", "is required but the source has no value"));
      }
    }
  }

  private Object convert(Schema leaf, Object raw) {
    if (raw instanceof String s) {
      raw = VietnameseText.normalise(s);
    }
    if (raw == null) {
      return null;
    }
    LogicalType logical = leaf.getLogicalType();
    if (logical instanceof LogicalTypes.Date) {
      return Dates.parse(raw).toLocalDate();
    }
    if (logical instanceof LogicalTypes.TimestampMillis
        || logical instanceof LogicalTypes.TimestampMicros) {
      return Scalars.toInstant(raw);
    }
    if (logical instanceof LogicalTypes.Decimal decimal) {
      BigDecimal value =
          raw instanceof BigDecimal b ? b : new BigDecimal(text(raw).replace(',', '.'));
      value = value.setScale(decimal.getScale(), RoundingMode.HALF_UP);
      if (value.precision() > decimal.getPrecision()) {
        throw new IllegalArgumentException(
            "has more than " + (decimal.getPrecision() - decimal.getScale()) + " integer digits");
      }
      return value;
    }
    return switch (leaf.getType()) {
      case STRING -> raw instanceof String s ? s : VietnameseText.normalise(String.valueOf(raw));
      case INT -> Scalars.toInt(raw);
      case LONG -> Scalars.toLong(raw);
      case DOUBLE -> Scalars.toDouble(raw);
      case FLOAT -> (float) Scalars.toDouble(raw);
      case BOOLEAN -> Scalars.toBoolean(raw);
      case ENUM -> enumSymbol(leaf, text(raw));
      case RECORD -> {
        if (!leaf.getName().equals("PartialDate")) {
          throw new IllegalArgumentException("a record field cannot come from one column");
        }
        Dates.Partial p = Dates.parse(raw);
        GenericData.Record date = new GenericData.Record(leaf);
        date.put("year", p.year());
        date.put("month", p.month());
        date.put("day", p.day());
        yield date;
      }
      default -> throw new IllegalArgumentException("unsupported type " + leaf.getType());
    };
  }

  private Object enumSymbol(Schema leaf, String text) {
    String upper = text.trim().toUpperCase(Locale.ROOT);
    if (leaf.hasEnumSymbol(upper)) {
      return new GenericData.EnumSymbol(leaf, upper);
    }
    return codes
        .lookup(leaf.getName(), text)
        .map(symbol -> new GenericData.EnumSymbol(leaf, symbol))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'"
                        + text
                        + "' is not in the "
                        + leaf.getName()
                        + " code list (codes/"
                        + leaf.getName()
                        + ".properties)"));
  }

  private static String text(Object raw) {
    return raw instanceof String s ? s : String.valueOf(raw);
  }

  private static Object column(Map<String, Object> row, CompiledRule rule) {
    String spelling = rule.spelling;
    Object value = row.get(spelling);
    if (value == null && !row.containsKey(spelling)) {
      for (Map.Entry<String, Object> e : row.entrySet()) {
        if (e.getKey().equalsIgnoreCase(rule.rule.column())) {
          rule.spelling = e.getKey();
          return e.getValue();
        }
      }
    }
    return value;
  }

  private static String ruleName(Schema leaf) {
    LogicalType logical = leaf.getLogicalType();
    if (logical != null) {
      return logical.getName();
    }
    return switch (leaf.getType()) {
      case ENUM -> "code-list";
      case RECORD -> "date";
      default -> leaf.getType().getName();
    };
  }

  private static final class CompiledRule {
    final FieldRule rule;
    final List<Schema.Field> path;
    final Schema leaf;

    /**
     * The source's own spelling of the column (PostgreSQL folds unquoted names to lower case),
     * found on the first row so that later rows are one map lookup, not a scan of every column.
     */
    volatile String spelling;

    CompiledRule(FieldRule rule, List<Schema.Field> path, Schema leaf) {
      this.rule = rule;
      this.path = path;
      this.leaf = leaf;
      this.spelling = rule.column();
    }
  }

  private static CompiledRule compile(Schema schema, FieldRule rule) {
    if ((rule.column() == null) == (rule.constant() == null)) {
      throw new IllegalArgumentException(
          "Mapping of '" + rule.field() + "' needs exactly one of column or constant");
    }
    List<Schema.Field> path = new ArrayList<>();
    Schema current = schema;
    for (String part : rule.field().split("\\.")) {
      Schema record = recordSchema(current);
      Schema.Field f = record == null ? null : record.getField(part);
      if (f == null) {
        throw new IllegalArgumentException(
            "Mapping names field '"
                + rule.field()
                + "' that "
                + schema.getName()
                + " does not have");
      }
      path.add(f);
      current = f.schema();
    }
    return new CompiledRule(rule, List.copyOf(path), nonNull(current));
  }

  private static Schema recordSchema(Schema s) {
    Schema n = nonNull(s);
    return n.getType() == Schema.Type.RECORD ? n : null;
  }

  static Schema nonNull(Schema s) {
    if (s.getType() != Schema.Type.UNION) {
      return s;
    }
    return s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElse(s);
  }

  private static boolean isNullable(Schema s) {
    return s.getType() == Schema.Type.NULL
        || (s.getType() == Schema.Type.UNION
            && s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL));
  }
}
