package vn.truc.platform.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.truc.routes.mapping.FieldError;

/**
 * One record of a dead-letter topic as the API shows it.
 *
 * @param id {@code <partition>-<offset>}, how the API names the entry
 * @param timestamp when it was dead-lettered
 * @param key the Kafka key: the source position (connectors) or the record's key (subscriptions)
 * @param connector the connector that rejected it (connector topics)
 * @param subscription the subscription that could not decode it (subscription topics)
 * @param position where the record came from: the source position (connectors) or the contract
 *     topic's {@code topic/partition@offset} (subscriptions)
 * @param changedAt when the source changed the row; null on entries written before it was recorded
 * @param deleted whether the row was a delete at the source; null where not recorded
 * @param errors why it was refused, field by field
 * @param resubmitted whether it was re-submitted and published
 * @param resubmission the last re-submission, if any
 * @param row the original source row (connector entries, shown when one entry is inspected)
 * @param value the record's bytes, Base64, when they are not a JSON row (shown when inspected)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterEntry(
    String id,
    String topic,
    int partition,
    long offset,
    Instant timestamp,
    String key,
    String connector,
    String subscription,
    String contract,
    String position,
    Instant changedAt,
    Boolean deleted,
    List<FieldError> errors,
    boolean resubmitted,
    ResubmissionStatus resubmission,
    Map<String, Object> row,
    String value) {

  public DeadLetterEntry withStatus(ResubmissionStatus status) {
    return new DeadLetterEntry(
        id,
        topic,
        partition,
        offset,
        timestamp,
        key,
        connector,
        subscription,
        contract,
        position,
        changedAt,
        deleted,
        errors,
        status != null && status.resolved(),
        status,
        row,
        value);
  }

  /** The entry as listed: without the row or value, which only inspecting one entry shows. */
  public DeadLetterEntry summary() {
    return new DeadLetterEntry(
        id,
        topic,
        partition,
        offset,
        timestamp,
        key,
        connector,
        subscription,
        contract,
        position,
        changedAt,
        deleted,
        errors,
        resubmitted,
        resubmission,
        null,
        null);
  }

  public EntryId entryId() {
    return new EntryId(partition, offset);
  }
}
