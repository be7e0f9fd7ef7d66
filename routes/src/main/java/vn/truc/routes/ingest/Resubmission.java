package vn.truc.routes.ingest;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dead-letter entry sent back through its connector's current mapping (the body a {@code
 * truc-replay} route takes).
 *
 * @param entry where the entry is kept, e.g. {@code truc.dlq.ingest.p37-hr/1@42}; named in the
 *     exchange log
 * @param columns the row to map: the original columns with the operator's corrections applied
 * @param position the row's original source position; the record carries it as before
 * @param changedAt when the source changed the row; the record keeps it, so a re-submission cannot
 *     overwrite a newer version at a receiver (sinks keep the newest by this time)
 * @param deleted whether the row was a delete at the source
 * @param corrected names of the columns the operator replaced; empty when sent as it was
 */
public record Resubmission(
    String entry,
    Map<String, Object> columns,
    String position,
    Instant changedAt,
    boolean deleted,
    List<String> corrected) {

  public Resubmission {
    Objects.requireNonNull(changedAt, "changedAt");
    // Copied by hand: source rows hold nulls, which Map.copyOf refuses.
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    corrected = List.copyOf(corrected);
  }
}
