package vn.truc.routes.mapping;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;
import vn.truc.connector.api.Columns;

/**
 * Turns a contract record into the column values of a receiver's table. Text-like Avro values
 * become Strings, a partial date its ISO form (1985, 1985-03 or 1985-03-12); dates, decimals and
 * instants stay Java types for the JDBC driver to bind.
 */
public final class RecordFlattener {

  private final Columns.Names names;
  private final String[][] paths;
  private volatile Positions positions;
  private volatile DateParts dateParts;

  public RecordFlattener(List<SinkColumn> columns) {
    this.names = new Columns.Names(columns.stream().map(SinkColumn::column).toList());
    this.paths = columns.stream().map(c -> c.field().split("\\.")).toArray(String[][]::new);
  }

  public Map<String, Object> flatten(GenericRecord record) {
    Positions p = positions;
    if (p == null || p.schema() != record.getSchema()) {
      p = Positions.of(record.getSchema(), paths);
      positions = p;
    }
    Object[] values = new Object[names.size()];
    for (int i = 0; i < paths.length; i++) {
      values[names.slot(i)] = plain(valueAt(record, p.at()[i]));
    }
    return names.row(values);
  }

  private static Object valueAt(GenericRecord record, int[] at) {
    Object current = record;
    for (int pos : at) {
      if (pos < 0 || !(current instanceof GenericRecord r)) {
        return null;
      }
      current = r.get(pos);
    }
    return current;
  }

  /**
   * Field positions along each path, resolved once per schema: every record of a batch has the same
   * one, and looking fields up by name for each value showed in the delivery's profile. A step that
   * the schema does not have is -1, which reads as null.
   */
  private record Positions(Schema schema, int[][] at) {
    static Positions of(Schema root, String[][] paths) {
      int[][] at = new int[paths.length][];
      for (int i = 0; i < paths.length; i++) {
        at[i] = new int[paths[i].length];
        Schema current = root;
        for (int j = 0; j < paths[i].length; j++) {
          Schema.Field f = current == null ? null : record(current).getField(paths[i][j]);
          at[i][j] = f == null ? -1 : f.pos();
          current = f == null ? null : f.schema();
        }
      }
      return new Positions(root, at);
    }

    private static Schema record(Schema s) {
      if (s.getType() == Schema.Type.UNION) {
        for (Schema branch : s.getTypes()) {
          if (branch.getType() == Schema.Type.RECORD) {
            return branch;
          }
        }
      }
      return s.getType() == Schema.Type.RECORD ? s : EMPTY;
    }
  }

  /** Where a PartialDate keeps its parts, found once per schema as the paths are. */
  private record DateParts(Schema schema, int year, int month, int day) {
    static DateParts of(Schema date) {
      return new DateParts(
          date,
          date.getField("year").pos(),
          date.getField("month").pos(),
          date.getField("day").pos());
    }
  }

  private static final Schema EMPTY =
      Schema.createRecord("None", null, "vn.truc", false, List.of());

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

  private Object plain(Object value) {
    if (value instanceof CharSequence || value instanceof GenericEnumSymbol<?>) {
      return value.toString();
    }
    if (value instanceof GenericRecord r && r.getSchema().getName().equals("PartialDate")) {
      DateParts d = dateParts;
      if (d == null || d.schema() != r.getSchema()) {
        d = DateParts.of(r.getSchema());
        dateParts = d;
      }
      return new Dates.Partial(
              (Integer) r.get(d.year()), (Integer) r.get(d.month()), (Integer) r.get(d.day()))
          .toString();
    }
    return value;
  }
}
