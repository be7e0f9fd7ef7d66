package vn.truc.routes.delivery;

import vn.truc.connector.api.SinkConnector;
import vn.truc.routes.mapping.RecordFlattener;
import vn.truc.schemas.Contract;

/**
 * What one delivery route needs: the contract topic to read, the receiver's sink, and how records
 * become the receiver's columns.
 *
 * @param subscriptionId unique id; also the Kafka consumer group, so offsets belong to it alone
 * @param agency code of the receiving agency
 * @param batchSize records written to the sink in one transaction
 */
public record DeliveryFlow(
    String subscriptionId,
    String agency,
    Contract contract,
    SinkConnector sink,
    RecordFlattener flattener,
    int batchSize) {

  public String consumerGroup() {
    return "truc.subscription." + subscriptionId;
  }

  public String deadLetterTopic() {
    return "truc.dlq.delivery." + subscriptionId;
  }
}
