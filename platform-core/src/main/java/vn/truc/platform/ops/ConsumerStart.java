package vn.truc.platform.ops;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * Where a new consumer group starts reading: by default at the beginning of its topic (a backfill);
 * placed here at the topic's end when a subscriber asked to receive only what comes next.
 */
@Component
public class ConsumerStart {

  private final AdminClient admin;
  private final ContractTopics topics;

  ConsumerStart(AdminClient admin, ContractTopics topics) {
    this.admin = admin;
    this.topics = topics;
  }

  /**
   * Commits the end of every partition of {@code topic} as the group's offsets, unless the group
   * already has offsets (it has delivered before: it goes on from there).
   *
   * @return whether the group was placed at the end
   */
  public boolean atEndIfNew(String group, String topic) {
    try {
      if (!admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get(10, TimeUnit.SECONDS)
          .isEmpty()) {
        return false;
      }
      topics.ensure(java.util.List.of(topic));
      var partitions =
          admin
              .describeTopics(java.util.List.of(topic))
              .allTopicNames()
              .get(10, TimeUnit.SECONDS)
              .get(topic)
              .partitions();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      partitions.forEach(
          p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get(10, TimeUnit.SECONDS)
          .forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
      admin.alterConsumerGroupOffsets(group, ends).all().get(10, TimeUnit.SECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted placing " + group, e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot place consumer group "
              + group
              + " at the end of "
              + topic
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
