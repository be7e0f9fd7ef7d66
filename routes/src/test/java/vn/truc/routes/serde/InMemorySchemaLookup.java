package vn.truc.routes.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** A registry in a map, handing out ids from a given first id on. */
final class InMemorySchemaLookup implements SchemaLookup {

  private final Map<String, Integer> ids = new HashMap<>();
  private final Map<Integer, Schema> schemas = new HashMap<>();
  final List<String> subjectsAsked = new ArrayList<>();
  private int next;

  InMemorySchemaLookup(int firstId) {
    this.next = firstId;
  }

  @Override
  public synchronized int idFor(String subject, Schema schema) {
    subjectsAsked.add(subject);
    return ids.computeIfAbsent(
        subject + "\n" + schema,
        k -> {
          schemas.put(next, schema);
          return next++;
        });
  }

  @Override
  public synchronized Schema byId(int id) {
    Schema schema = schemas.get(id);
    if (schema == null) {
      throw new IllegalArgumentException("No schema registered under id " + id);
    }
    return schema;
  }
}
