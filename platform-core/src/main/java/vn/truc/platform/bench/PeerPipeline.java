package vn.truc.platform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * The usual alternative, tuned as a competent integration engineer would tune it: Kafka Connect
 * standalone with Debezium's PostgreSQL source (snapshot, then pgoutput streaming) and Debezium's
 * JDBC sink (upsert by key), JSON converters with schemas (Connect's and Debezium's default), on
 * the same broker, the same source table and the same ministry database as Trục. Its jars come from
 * Maven Central through the benchmarks module ({@code benchmarks/target/peer-lib}), with the
 * versions Debezium's own poms ask for.
 */
final class PeerPipeline {

  static final String TARGET = "cb_cong_chuc_peer";
  static final String TOPIC_PREFIX = "peer";

  private final Bench bench;
  private final String heap;

  PeerPipeline(Bench bench, String heap) {
    this.bench = bench;
    this.heap = heap;
  }

  String name() {
    return "peer: Connect + Debezium PG + JDBC";
  }

  Outcome run(Connection province, Connection ministry) throws Exception {
    ProvinceTable.execute(ministry, "DROP TABLE IF EXISTS " + TARGET);
    ProvinceTable.execute(ministry, ProvinceTable.copyDdl(TARGET));
    Path dir = bench.work().resolve("peer");
    Files.createDirectories(dir);
    Path worker = Files.writeString(dir.resolve("worker.properties"), worker(dir));
    Path source = Files.writeString(dir.resolve("source.properties"), source());
    Path sink = Files.writeString(dir.resolve("sink.properties"), sink());
    Path log4j =
        Files.writeString(
            dir.resolve("log4j.properties"),
            """
            log4j.rootLogger=INFO, stdout
            log4j.appender.stdout=org.apache.log4j.ConsoleAppender
            log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
            log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
            log4j.logger.org.reflections=ERROR
            """);
    // The JVM options Kafka's connect-standalone.sh starts a worker with (kafka-run-class.sh).
    List<String> args =
        List.of(
            "-Xms256m",
            "-Xmx" + heap,
            "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20",
            "-XX:InitiatingHeapOccupancyPercent=35",
            "-XX:+ExplicitGCInvokesConcurrent",
            "-XX:MaxInlineLevel=15",
            "-Djava.awt.headless=true",
            "-Dlog4j.configuration=file:" + log4j,
            "-cp",
            bench.peerLib() + "/*",
            "org.apache.kafka.connect.cli.ConnectStandalone",
            worker.toString(),
            source.toString(),
            sink.toString());
    Arrival arrival = new Arrival(TARGET, "so_cccd", "(ngay_cap_nhat AT TIME ZONE 'UTC')");
    Instant started = Instant.now();
    try (Child connect = Child.java(name(), args, dir.resolve("connect.log"))) {
      return arrival.measure(bench, connect, "Kafka Connect started", started, province, ministry);
    }
  }

  // Tuned as a competent engineer would, and as far as tuning helped on this machine (see
  // docs/benchmarks.md): large lz4 producer batches, large fetches, 10,000-record sink batches,
  // two partitions and two sink tasks (the sink is the bottleneck), reWriteBatchedInserts.
  private String worker(Path dir) {
    return """
        bootstrap.servers=%s
        offset.storage.file.filename=%s
        offset.flush.interval.ms=10000
        listeners=http://localhost:28083
        key.converter=org.apache.kafka.connect.json.JsonConverter
        value.converter=org.apache.kafka.connect.json.JsonConverter
        key.converter.schemas.enable=true
        value.converter.schemas.enable=true
        connector.client.config.override.policy=All
        producer.compression.type=lz4
        producer.batch.size=262144
        producer.linger.ms=20
        producer.buffer.memory=67108864
        producer.max.request.size=10485760
        consumer.max.poll.records=10000
        consumer.fetch.min.bytes=1048576
        consumer.fetch.max.wait.ms=100
        consumer.max.partition.fetch.bytes=52428800
        consumer.fetch.max.bytes=52428800
        """
        .formatted(bench.kafkaBootstrap(), dir.resolve("offsets"));
  }

  private String source() {
    return """
        name=peer-source
        connector.class=io.debezium.connector.postgresql.PostgresConnector
        tasks.max=1
        plugin.name=pgoutput
        database.hostname=localhost
        database.port=%d
        database.user=postgres
        database.password=
        database.dbname=%s
        topic.prefix=%s
        table.include.list=public.%s
        slot.name=peer_slot
        publication.name=peer_publication
        publication.autocreate.mode=filtered
        snapshot.mode=initial
        snapshot.fetch.size=10240
        max.batch.size=10240
        max.queue.size=40960
        poll.interval.ms=50
        topic.creation.default.replication.factor=1
        topic.creation.default.partitions=2
        """
        .formatted(port(), Bench.PROVINCE, TOPIC_PREFIX, ProvinceTable.NAME);
  }

  private String sink() {
    return """
        name=peer-sink
        connector.class=io.debezium.connector.jdbc.JdbcSinkConnector
        tasks.max=2
        topics=%s.public.%s
        connection.url=jdbc:postgresql://localhost:%d/%s?reWriteBatchedInserts=true
        connection.username=postgres
        connection.password=
        connection.pool.min_size=1
        connection.pool.max_size=4
        connection.pool.acquire_increment=1
        insert.mode=upsert
        primary.key.mode=record_key
        delete.enabled=true
        collection.name.format=%s
        schema.evolution=none
        use.time.zone=UTC
        batch.size=10000
        consumer.override.max.poll.records=10000
        """
        .formatted(TOPIC_PREFIX, ProvinceTable.NAME, port(), Bench.MINISTRY, TARGET);
  }

  private int port() {
    String url = bench.postgres().jdbcUrl("x");
    return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1, url.lastIndexOf('/')));
  }
}
