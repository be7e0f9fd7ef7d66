package vn.truc.connector.api;

import java.time.Instant;
import java.util.Map;

/**
 * One record to write to a receiver's store.
 *
 * @param key the record key (personal ID number for people)
 * @param columns column name to value; ignored for deletes
 * @param changedAt the version: a sink never lets an older version overwrite a newer one
 */
public record SinkRecord(
    String key,
    Map<String, Object> columns,
    Instant changedAt,
    String sourcePosition,
    boolean deleted) {}
