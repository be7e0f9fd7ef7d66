package vn.truc.routes.grant;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A contract record cut down to a grant's reader schema. Only the granted fields are copied: what a
 * grant leaves out never reaches the subscriber's table or topic, not even as a null.
 */
public final class Projection {

  private final Schema reader;

  public Projection(Schema reader) {
    this.reader = reader;
  }

  public Schema reader() {
    return reader;
  }

  public GenericRecord project(GenericRecord full) {
    GenericData.Record projected = new GenericData.Record(reader);
    for (Schema.Field f : reader.getFields()) {
      projected.put(f.pos(), full.get(f.name()));
    }
    return projected;
  }
}
