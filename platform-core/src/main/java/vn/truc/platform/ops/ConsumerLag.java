package vn.truc.platform.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code truc.consumer.lag}: records on the contract topic that a subscription has not yet
 * committed, measured from outside the consumer (as Burrow does), so a stuck route still shows a
 * growing lag.
 */
@Component
public class ConsumerLag {

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLag.class);

  private final AdminClient admin;
  private final MeterRegistry meters;
  private final Map<String, Watched> watched = new ConcurrentHashMap<>();

  private record Watched(String group, String topic, AtomicLong lag) {}

  ConsumerLag(AdminClient admin, MeterRegistry meters) {
    this.admin = admin;
    this.meters = meters;
  }

  public void watch(String subscriptionId, String group, String topic) {
    if (watched.containsKey(subscriptionId)) {
      return; // a restarted subscription keeps its gauge
    }
    Watched w = new Watched(group, topic, new AtomicLong());
    watched.put(subscriptionId, w);
    Gauge.builder("truc.consumer.lag", w.lag(), AtomicLong::get)
        .description("Records on the topic not yet delivered and committed by the subscription")
        .tag("id", subscriptionId)
        .tag("topic", topic)
        .register(meters);
  }

  @Scheduled(initialDelay = 5_000, fixedDelayString = "${truc.lag-interval-ms:10000}")
  public void measure() {
    watched.values().forEach(this::measure);
  }

  private void measure(Watched w) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(w.group())
              .partitionsToOffsetAndMetadata()
              .get(5, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> request =
          admin
              .describeTopics(java.util.List.of(w.topic()))
              .allTopicNames()
              .get(5, TimeUnit.SECONDS)
              .get(w.topic())
              .partitions()
              .stream()
              .collect(
                  Collectors.toMap(
                      p -> new TopicPartition(w.topic(), p.partition()), p -> OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResultInfo> ends =
          admin.listOffsets(request).all().get(5, TimeUnit.SECONDS);
      long lag = 0;
      for (var e : ends.entrySet()) {
        OffsetAndMetadata c = committed.get(e.getKey());
        lag += e.getValue().offset() - (c == null ? 0 : c.offset());
      }
      w.lag().set(lag);
    } catch (Exception e) {
      LOG.debug("Cannot measure lag of {}: {}", w.group(), e.toString());
    }
  }
}
