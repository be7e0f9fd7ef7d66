package vn.truc.platform.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.truc.platform.grant.GrantTerms;

/**
 * A receiver's feed of one contract into its own store or its own topic, and the grant it asks for.
 * Nothing is delivered until the contract's data owner approves the grant.
 *
 * @param kind the sink kind, e.g. {@code jdbc-upsert}, or {@value #KAFKA_TOPIC}: the projected
 *     records on the subscription's own topic ({@code truc.sub.<id>}), for the receiver's own Kafka
 *     client
 * @param columns receiver column to contract field (dotted path for nested); the key and version
 *     columns are filled by the sink and not listed here; none for {@value #KAFKA_TOPIC}. A column
 *     whose field the grant leaves out stays empty
 * @param grant what the subscription asks to receive, why and until when
 */
public record SubscriptionDefinition(
    String id,
    String agency,
    String contract,
    String kind,
    Integer batchSize,
    Map<String, Object> settings,
    LinkedHashMap<String, String> columns,
    GrantTerms grant) {

  public static final String KAFKA_TOPIC = "kafka-topic";

  public int batchSizeOrDefault() {
    return batchSize == null ? 5_000 : batchSize;
  }
}
