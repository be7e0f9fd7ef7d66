package vn.truc.routes.grant;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A contract record cut down to a grant's reader schema. Only the granted fields are copied: what a
 * grant leaves out never reaches the subscriber's table or topic, not even as a null.
 */
public final class Projection {

  private final Schema reader;
  private volatile Positions positions;

  public Projection(Schema reader) {
    this.reader = reader;
  }

  public Schema reader() {
    return reader;
  }

  public GenericRecord project(GenericRecord full) {
    Positions p = positions;
    if (p == null || p.full() != full.getSchema()) {
      p = Positions.of(full.getSchema(), reader);
      positions = p;
    }
    GenericData.Record projected = new GenericData.Record(reader);
    int[] from = p.from();
    for (int i = 0; i < from.length; i++) {
      if (from[i] < 0) {
        // As a lookup by name would: the record is refused, not delivered with a gap.
        throw new AvroRuntimeException(
            "Not a valid schema field: " + reader.getFields().get(i).name());
      }
      projected.put(i, full.get(from[i]));
    }
    return projected;
  }

  /**
   * Where each reader field sits in the full record, resolved once per full schema (a batch has
   * one): by name for every field of every record showed in the delivery's profile. -1 where the
   * full schema lacks the field.
   */
  private record Positions(Schema full, int[] from) {
    static Positions of(Schema full, Schema reader) {
      int[] from = new int[reader.getFields().size()];
      for (Schema.Field f : reader.getFields()) {
        Schema.Field source = full.getField(f.name());
        from[f.pos()] = source == null ? -1 : source.pos();
      }
      return new Positions(full, from);
    }
  }
}
