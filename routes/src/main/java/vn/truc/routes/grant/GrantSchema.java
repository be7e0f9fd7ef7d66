package vn.truc.routes.grant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * The reader schema a grant allows: the contract with only the granted fields, plus the header and
 * the key, which every record needs to be ordered, versioned and traced. A subscriber decoding a
 * contract record with this schema (Avro schema resolution) sees nothing else, and a projected
 * record written with it carries nothing else.
 */
public final class GrantSchema {

  private GrantSchema() {}

  public static Schema readerSchema(Schema contract, Set<String> fields) {
    String key = contract.getProp("truc.key");
    List<Schema.Field> kept = new ArrayList<>();
    for (Schema.Field f : contract.getFields()) {
      if (f.name().equals("header") || f.name().equals(key) || fields.contains(f.name())) {
        Schema.Field copy = new Schema.Field(f, f.schema());
        kept.add(copy);
      }
    }
    Schema reader =
        Schema.createRecord(
            contract.getName(), contract.getDoc(), contract.getNamespace(), false, kept);
    contract.getObjectProps().forEach(reader::addProp);
    return reader;
  }

  /**
   * What is wrong with a requested set of fields, by field: fields the contract does not have,
   * sensitive fields requested without the explicit flag.
   */
  public static Map<String, String> problems(
      Schema contract, Set<String> fields, boolean sensitive) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (fields.isEmpty()) {
      problems.put("fields", "name at least one field of " + contract.getName());
    }
    for (String name : fields) {
      Schema.Field f = contract.getField(name);
      if (f == null) {
        problems.put("fields." + name, contract.getName() + " has no field '" + name + "'");
      } else if (Fields.isSensitive(f) && !sensitive) {
        problems.put(
            "fields." + name,
            "is sensitive personal data (Decree 356/2025): the grant must state sensitive: true");
      }
    }
    return problems;
  }
}
