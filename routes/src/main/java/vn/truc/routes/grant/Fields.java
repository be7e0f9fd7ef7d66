package vn.truc.routes.grant;

import org.apache.avro.Schema;

/** Finding a field of a contract by its dotted path, through optional records. */
final class Fields {

  private Fields() {}

  /** The schema of the field at {@code path}, or null when the contract has no such field. */
  static Schema leaf(Schema record, String path) {
    Schema current = record;
    for (String part : path.split("\\.")) {
      Schema r = nonNull(current);
      if (r.getType() != Schema.Type.RECORD || r.getField(part) == null) {
        return null;
      }
      current = r.getField(part).schema();
    }
    return current;
  }

  static Schema nonNull(Schema s) {
    if (s.getType() != Schema.Type.UNION) {
      return s;
    }
    return s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElse(s);
  }

  static boolean isSensitive(Schema.Field field) {
    return Boolean.TRUE.equals(field.getObjectProp("truc.sensitive"));
  }
}
