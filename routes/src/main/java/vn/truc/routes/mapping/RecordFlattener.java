package vn.truc.routes.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;

/**
 * Turns a contract record into the column values of a receiver's table. Text-like Avro values
 * become Strings, a partial date its ISO form (1985, 1985-03 or 1985-03-12); dates, decimals and
 * instants stay Java types for the JDBC driver to bind.
 */
public final class RecordFlattener {

  private final List<SinkColumn> columns;
  private final String[][] paths;

  public RecordFlattener(List<SinkColumn> columns) {
    this.columns = List.copyOf(columns);
    this.paths = columns.stream().map(c -> c.field().split("\\.")).toArray(String[][]::new);
  }

  public Map<String, Object> flatten(GenericRecord record) {
    Map<String, Object> values = new HashMap<>(columns.size() * 2);
    for (int i = 0; i < paths.length; i++) {
      values.put(columns.get(i).column(), plain(valueAt(record, paths[i])));
    }
    return values;
  }

  /** The value at a dotted path, or null where any step of it is null or absent. */
  public static Object valueAt(GenericRecord record, String[] path) {
    Object current = record;
    for (String part : path) {
      if (!(current instanceof GenericRecord r) || r.getSchema().getField(part) == null) {
        return null;
      }
      current = r.get(part);
    }
    return current;
  }

  private static Object plain(Object value) {
    if (value instanceof CharSequence || value instanceof GenericEnumSymbol<?>) {
      return value.toString();
    }
    if (value instanceof GenericRecord r && r.getSchema().getName().equals("PartialDate")) {
      return new Dates.Partial(
              (Integer) r.get("year"), (Integer) r.get("month"), (Integer) r.get("day"))
          .toString();
    }
    return value;
  }
}
