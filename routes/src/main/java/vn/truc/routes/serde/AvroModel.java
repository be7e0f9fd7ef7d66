package vn.truc.routes.serde;

import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;

/**
 * The one Avro data model of the platform: generic records whose logical types are Java types
 * (BigDecimal, LocalDate, Instant), so that mapping and sinks never handle raw bytes or epoch
 * numbers.
 */
public final class AvroModel {

  public static final GenericData MODEL = create();

  private AvroModel() {}

  private static GenericData create() {
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new Conversions.DecimalConversion());
    model.addLogicalTypeConversion(new TimeConversions.DateConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    // One reading path everywhere: Avro 1.12 turns its "fast reader" on or off by a system
    // property, and that reader would bypass the serde's String-reading (see AvroWireSerde).
    model.setFastReaderEnabled(false);
    return model;
  }
}
