package vn.truc.routes.serde;

import org.apache.avro.Schema;

/** The contract registry as the serde sees it: ids for schemas, schemas for ids. */
public interface SchemaLookup {

  /** The id under which {@code schema} is registered for {@code subject}; registers it if new. */
  int idFor(String subject, Schema schema);

  /** The schema registered under {@code id}. */
  Schema byId(int id);
}
