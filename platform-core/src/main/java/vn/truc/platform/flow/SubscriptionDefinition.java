package vn.truc.platform.flow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A receiver's feed of one contract into its own store.
 *
 * @param kind the sink kind, e.g. {@code jdbc-upsert}
 * @param columns receiver column to contract field (dotted path for nested); the key and version
 *     columns are filled by the sink and not listed here
 */
public record SubscriptionDefinition(
    String id,
    String agency,
    String contract,
    String kind,
    Integer batchSize,
    Map<String, Object> settings,
    LinkedHashMap<String, String> columns) {

  public int batchSizeOrDefault() {
    return batchSize == null ? 5_000 : batchSize;
  }
}
