package vn.truc.connector.cdc;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import vn.truc.connector.api.Columns;

/**
 * The column names of a source's change events, made once per row schema: Debezium hands every
 * event of a table the same schema object until the table changes, so the rows of a batch share
 * their names as the JDBC sources' rows do. Compared by identity: a schema's own hash walks all of
 * its fields.
 */
final class RowNames {

  private Schema schema;
  private Columns.Names names;

  Columns.Names of(Schema rowSchema) {
    if (rowSchema != schema) {
      names = new Columns.Names(rowSchema.fields().stream().map(Field::name).toList());
      schema = rowSchema;
    }
    return names;
  }
}
