package vn.truc.routes.grant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Which rows a grant lets through: for each named field (a dotted path such as {@code
 * residence.provinceCode}), the values allowed. A record passes when every field holds one of its
 * allowed values; an empty filter lets every record through. Values compare as text, so an enum
 * symbol, a code and a number are written the same way in a grant.
 */
public record RowFilter(Map<String, Set<String>> allowed) {

  public static final RowFilter ALL = new RowFilter(Map.of());

  public RowFilter {
    allowed = Map.copyOf(allowed);
  }

  public boolean matches(GenericRecord record) {
    for (Map.Entry<String, Set<String>> condition : allowed.entrySet()) {
      Object value = value(record, condition.getKey());
      if (value == null || !condition.getValue().contains(value.toString())) {
        return false;
      }
    }
    return true;
  }

  /** Every condition on a field the contract does not have, by its field, with the reason. */
  public Map<String, String> problems(Schema contract) {
    Map<String, String> problems = new LinkedHashMap<>();
    allowed.forEach(
        (path, values) -> {
          if (Fields.leaf(contract, path) == null) {
            problems.put(
                "filter." + path, contract.getName() + " has no field '" + path + "' to filter on");
          } else if (values == null || values.isEmpty()) {
            problems.put("filter." + path, "names no value to let through");
          }
        });
    return problems;
  }

  private static Object value(GenericRecord record, String path) {
    Object current = record;
    for (String part : List.of(path.split("\\."))) {
      if (!(current instanceof GenericRecord r) || r.getSchema().getField(part) == null) {
        return null;
      }
      current = r.get(part);
    }
    return current;
  }
}
