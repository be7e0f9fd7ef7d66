package vn.truc.platform.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka limit, run as its own JVM: a bare consumer reading the contract topic Trục filled (the
 * same records, same sizes), or a bare producer sending those records' values again with the
 * producer settings Trục uses. No mapping, no database: what the broker and the client library can
 * do on this machine. Prints one {@code RESULT} line for the benchmark to read.
 *
 * <p>{@code consume <bootstrap> <topic> <records>} or {@code produce <bootstrap> <topic> <records>
 * <target topic>}
 */
public final class KafkaLimit {

  static final String RESULT = "RESULT ";

  private KafkaLimit() {}

  public static void main(String[] args) throws Exception {
    String bootstrap = args[1];
    String topic = args[2];
    int records = Integer.parseInt(args[3]);
    if (args[0].equals("consume")) {
      long t0 = System.nanoTime();
      consume(bootstrap, topic, records, v -> {});
      double seconds = (System.nanoTime() - t0) / 1e9;
      print(records, seconds, -1, -1);
    } else {
      List<byte[]> sample = new ArrayList<>();
      consume(bootstrap, topic, Math.min(records, 10_000), sample::add);
      produce(bootstrap, args[4], records, sample);
    }
  }

  private static void consume(
      String bootstrap, String topic, int records, java.util.function.Consumer<byte[]> values) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20);
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic)) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      int seen = 0;
      while (seen < records) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (seen++ < records) {
            values.accept(r.value());
          }
        }
      }
    }
  }

  private static void produce(String bootstrap, String topic, int records, List<byte[]> sample)
      throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    // Trục's own producer settings (application.yml): the limit of what it asks of Kafka.
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    Histogram acked = new Histogram(3_600_000_000L, 3);
    long t0 = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < records; i++) {
        long sent = System.nanoTime();
        producer.send(
            new ProducerRecord<>(
                topic, Integer.toString(i).getBytes(), sample.get(i % sample.size())),
            (m, e) -> {
              if (e != null) {
                throw new IllegalStateException(e);
              }
              synchronized (acked) {
                acked.recordValue((System.nanoTime() - sent) / 1000);
              }
            });
      }
      producer.flush();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    print(
        records,
        seconds,
        acked.getValueAtPercentile(50) / 1000.0,
        acked.getValueAtPercentile(99) / 1000.0);
  }

  private static void print(int records, double seconds, double p50, double p99) {
    double cpu =
        ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L)
            / 1000.0;
    long rss = Usage.peakRss(ProcessHandle.current().pid());
    System.out.println(
        String.format(
            Locale.ROOT,
            RESULT + "%d %.3f %.3f %.3f %.2f %d",
            records,
            seconds,
            p50,
            p99,
            cpu,
            rss));
  }
}
