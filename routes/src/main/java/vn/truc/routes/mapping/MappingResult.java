package vn.truc.routes.mapping;

import java.util.List;
import org.apache.avro.generic.GenericRecord;

/** A mapped record, or the reasons it could not be mapped; never both. */
public record MappingResult(GenericRecord record, List<FieldError> errors) {

  public static MappingResult ok(GenericRecord record) {
    return new MappingResult(record, List.of());
  }

  public static MappingResult failed(List<FieldError> errors) {
    return new MappingResult(null, List.copyOf(errors));
  }

  public boolean isValid() {
    return errors.isEmpty();
  }
}
