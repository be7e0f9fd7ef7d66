package vn.truc.routes.delivery;

import vn.truc.connector.api.SinkConnector;
import vn.truc.routes.grant.GrantGate;
import vn.truc.routes.mapping.RecordFlattener;
import vn.truc.schemas.Contract;

/**
 * What one delivery route needs: the contract topic to read, the grant that decides what passes,
 * and the receiver: either a sink with how records become its columns, or a topic of the
 * subscription's own that carries the projected records in the wire format.
 *
 * @param subscriptionId unique id; also the Kafka consumer group, so offsets belong to it alone
 * @param agency code of the receiving agency
 * @param sink the receiver's store; null when the receiver reads {@link #targetTopic()}
 * @param flattener how projected records become the sink's columns; null with a target topic
 * @param targetTopic the subscription's own topic; null when delivering to a sink
 * @param batchSize records written to the sink in one transaction
 */
public record DeliveryFlow(
    String subscriptionId,
    String agency,
    Contract contract,
    GrantGate grants,
    SinkConnector sink,
    RecordFlattener flattener,
    String targetTopic,
    int batchSize) {

  public DeliveryFlow {
    if ((sink == null) == (targetTopic == null)) {
      throw new IllegalArgumentException("a delivery has either a sink or a target topic");
    }
  }

  public String consumerGroup() {
    return consumerGroupOf(subscriptionId);
  }

  public static String consumerGroupOf(String subscriptionId) {
    return "truc.subscription." + subscriptionId;
  }

  public String deadLetterTopic() {
    return "truc.dlq.delivery." + subscriptionId;
  }

  /** The registry subject of the projected records on the target topic. */
  public String targetSubject() {
    return targetTopic + "-value";
  }

  /** The topic a subscription's projected records go to, when it delivers to Kafka. */
  public static String topicOf(String subscriptionId) {
    return "truc.sub." + subscriptionId;
  }
}
