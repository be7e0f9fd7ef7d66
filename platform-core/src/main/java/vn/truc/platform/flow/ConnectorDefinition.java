package vn.truc.platform.flow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A source connector as an agency declares it (JSON or YAML).
 *
 * @param kind the source kind, e.g. {@code jdbc-polling}
 * @param settings the kind's settings, checked against its declaration
 * @param mapping contract field (dotted path for nested) to source column
 * @param constants contract field to a fixed value (e.g. the admin-unit structure)
 */
public record ConnectorDefinition(
    String id,
    String agency,
    String contract,
    String kind,
    Integer batchSize,
    Long pollIntervalMs,
    Map<String, Object> settings,
    LinkedHashMap<String, String> mapping,
    LinkedHashMap<String, String> constants) {

  public int batchSizeOrDefault() {
    return batchSize == null ? 5_000 : batchSize;
  }

  public long pollIntervalOrDefault() {
    return pollIntervalMs == null ? 1_000 : pollIntervalMs;
  }
}
