package vn.truc.platform.deadletter.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.stereotype.Component;
import vn.truc.platform.deadletter.DeadLettersUnavailableException;
import vn.truc.platform.kafkasecurity.KafkaClientSecurity;

/**
 * Reads pages and single records of a dead-letter topic with a short-lived consumer that assigns
 * partitions and seeks: no consumer group, so reading commits nothing and disturbs no flow.
 */
@Component
public class DeadLetterTopicReader {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Map<String, Object> config;

  DeadLetterTopicReader(KafkaClientSecurity kafka) {
    // The platform's spring.kafka.* settings (brokers, security), as every client uses them.
    Map<String, Object> c = kafka.consumerProperties();
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, "truc-dead-letters");
    this.config = Map.copyOf(c);
  }

  /** Records of a page, and how many the topic keeps in all. */
  public record Page(long total, List<ConsumerRecord<byte[], byte[]>> records) {}

  /** Entries {@code from} to {@code from + limit - 1} in the order of {@link PagePlan}. */
  public Page read(String topic, long from, int limit) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      if (partitions.isEmpty()) {
        return new Page(0, List.of());
      }
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
      List<PagePlan.Range> ranges =
          partitions.stream()
              .map(tp -> new PagePlan.Range(tp.partition(), begin.get(tp), end.get(tp)))
              .toList();
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      for (PagePlan.Slice s : PagePlan.slices(ranges, from, limit)) {
        records.addAll(slice(consumer, new TopicPartition(topic, s.partition()), s.from(), s.to()));
      }
      return new Page(PagePlan.total(ranges), records);
    } catch (KafkaException e) {
      throw unavailable(topic, e);
    }
  }

  /** The record at {@code offset} of {@code partition}, if the topic still keeps it. */
  public Optional<ConsumerRecord<byte[], byte[]>> read(String topic, int partition, long offset) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      TopicPartition tp = new TopicPartition(topic, partition);
      if (partitions(consumer, topic).stream().noneMatch(tp::equals)) {
        return Optional.empty();
      }
      long first = consumer.beginningOffsets(List.of(tp), TIMEOUT).get(tp);
      long end = consumer.endOffsets(List.of(tp), TIMEOUT).get(tp);
      if (offset < first || offset >= end) {
        return Optional.empty();
      }
      return slice(consumer, tp, offset, offset + 1).stream().findFirst();
    } catch (KafkaException e) {
      throw unavailable(topic, e);
    }
  }

  private static List<TopicPartition> partitions(
      KafkaConsumer<byte[], byte[]> consumer, String topic) {
    List<PartitionInfo> infos = consumer.listTopics(TIMEOUT).get(topic);
    if (infos == null) {
      return List.of();
    }
    return infos.stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .sorted(Comparator.comparingInt(TopicPartition::partition))
        .toList();
  }

  /** Offsets {@code from} to {@code to} (exclusive) of one partition. */
  private static List<ConsumerRecord<byte[], byte[]>> slice(
      KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp, long from, long to) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    consumer.assign(List.of(tp));
    consumer.seek(tp, from);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (consumer.position(tp, TIMEOUT) < to) {
      if (System.nanoTime() > deadline) {
        throw new DeadLettersUnavailableException(
            "Kafka did not return offsets " + from + " to " + to + " of " + tp + " in time", null);
      }
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL).records(tp)) {
        if (r.offset() >= from && r.offset() < to) {
          records.add(r);
        }
      }
    }
    return records;
  }

  private static DeadLettersUnavailableException unavailable(String topic, KafkaException e) {
    return new DeadLettersUnavailableException(
        "Cannot read " + topic + " from Kafka: " + e.getMessage(), e);
  }
}
