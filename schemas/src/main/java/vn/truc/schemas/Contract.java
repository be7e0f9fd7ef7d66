package vn.truc.schemas;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * A shared data contract: an Avro schema plus what the law needs to know about it. The metadata
 * lives in the schema itself (properties prefixed {@code truc.}), so a contract cannot drift from
 * its catalog entry.
 *
 * @param name short name, e.g. {@code CivilServant}
 * @param schema the current Avro schema
 * @param ownerAgency code of the agency that owns the data, e.g. {@code BNV}
 * @param classification shared, private or open
 * @param keyField the field that keys records on topics and in sinks
 * @param personalFields fields that hold personal data (top-level names)
 * @param sensitiveFields fields that hold sensitive personal data; a grant must name them
 *     explicitly
 * @param versions every published version of the schema, version 1 first; the last is {@code
 *     schema}
 */
public record Contract(
    String name,
    Schema schema,
    String ownerAgency,
    Classification classification,
    String keyField,
    Set<String> personalFields,
    Set<String> sensitiveFields,
    List<Schema> versions) {

  static final String OWNER = "truc.owner";
  static final String CLASSIFICATION = "truc.classification";
  static final String KEY = "truc.key";
  static final String PERSONAL = "truc.personal";
  static final String SENSITIVE = "truc.sensitive";

  public Contract {
    Objects.requireNonNull(schema, "schema");
    personalFields = Set.copyOf(personalFields);
    sensitiveFields = Set.copyOf(sensitiveFields);
    versions = List.copyOf(versions);
  }

  /**
   * A contract from its published versions: the last one is current. Records are written with
   * exactly that text, so the registry holds each version once.
   */
  public static Contract of(List<Schema> versions) {
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("A contract needs at least one published version");
    }
    Contract current = of(versions.get(versions.size() - 1));
    return new Contract(
        current.name,
        current.schema,
        current.ownerAgency,
        current.classification,
        current.keyField,
        current.personalFields,
        current.sensitiveFields,
        versions);
  }

  /**
   * Reads a contract's metadata from one schema (a single-version contract); fails with the missing
   * property named.
   */
  public static Contract of(Schema schema) {
    String owner = requiredProp(schema, OWNER);
    Classification classification = Classification.valueOf(requiredProp(schema, CLASSIFICATION));
    String key = requiredProp(schema, KEY);
    if (schema.getField(key) == null) {
      throw new IllegalArgumentException(
          "Contract "
              + schema.getFullName()
              + " declares key field '"
              + key
              + "' it does not have");
    }
    List<Schema.Field> fields = schema.getFields();
    Set<String> personal =
        Set.copyOf(fields.stream().filter(f -> flag(f, PERSONAL)).map(Schema.Field::name).toList());
    Set<String> sensitive =
        Set.copyOf(
            fields.stream().filter(f -> flag(f, SENSITIVE)).map(Schema.Field::name).toList());
    return new Contract(
        schema.getName(), schema, owner, classification, key, personal, sensitive, List.of(schema));
  }

  /** The registry subject under the Confluent TopicNameStrategy: {@code <topic>-value}. */
  public String subject() {
    return topic() + "-value";
  }

  /** The Kafka topic that carries this contract's records, e.g. {@code truc.civilservant.v1}. */
  public String topic() {
    return "truc." + name.toLowerCase(java.util.Locale.ROOT) + ".v1";
  }

  private static boolean flag(Schema.Field field, String prop) {
    Object value = field.getObjectProp(prop);
    return Boolean.TRUE.equals(value);
  }

  private static String requiredProp(Schema schema, String prop) {
    String value = schema.getProp(prop);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "Contract " + schema.getFullName() + " lacks the '" + prop + "' property");
    }
    return value;
  }
}
