package vn.truc.platform.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.truc.platform.demo.CivilServantGenerator;

/**
 * Trục itself, as an operator runs it: the platform jar in its own JVM with a bounded heap, on the
 * benchmark's Kafka and PostgreSQL, with the demo's connector and subscription (mapping, grant,
 * target table) pointed at the province's PostgreSQL table, read by incremental polling or by
 * change-data capture.
 */
final class TrucPipeline {

  /** The two source kinds the benchmark compares. */
  enum Source {
    POLLING("jdbc-polling"),
    CDC("cdc-postgres");

    final String kind;

    Source(String kind) {
      this.kind = kind;
    }
  }

  static final String TARGET = "civil_servant";

  private final Bench bench;
  private final Source source;

  TrucPipeline(Bench bench, Source source) {
    this.bench = bench;
    this.source = source;
  }

  String name() {
    return "Trục " + source.kind + " (ledger " + (bench.ledgerOff() ? "off" : "on") + ")";
  }

  Outcome run(Connection province, Connection ministry) throws Exception {
    String database = "truc_" + source.name().toLowerCase(java.util.Locale.ROOT);
    bench.postgres().createDatabase(database);
    ProvinceTable.execute(ministry, "DROP TABLE IF EXISTS " + TARGET);
    ProvinceTable.execute(ministry, CivilServantGenerator.ministryDdl());
    Path dir = bench.work().resolve(database);
    Path flows = dir.resolve("flows.yaml");
    java.nio.file.Files.createDirectories(dir);
    new ObjectMapper(new YAMLFactory()).writeValue(flows.toFile(), flows());

    List<String> args = new ArrayList<>();
    args.add("-Xmx" + bench.trucHeap());
    args.addAll(bench.trucJvmArgs());
    args.add("-jar");
    args.add(bench.trucJar().toString());
    args.add("--spring.datasource.url=" + bench.postgres().jdbcUrl(database));
    args.add("--spring.datasource.username=postgres");
    args.add("--spring.datasource.password=");
    args.add("--spring.kafka.bootstrap-servers=" + bench.kafkaBootstrap());
    args.add("--truc.data-dir=" + dir.resolve("data"));
    args.add("--truc.flows[0]=file:" + flows);
    args.add("--server.port=0");
    args.add("--logging.level.root=WARN");
    args.add("--logging.level.vn.truc=INFO");
    if (bench.ledgerOff()) {
      args.add("--truc.bench.enabled=true");
      args.add("--truc.bench.ledger-off=true");
    }
    Arrival arrival = new Arrival(TARGET, "personal_id", "(source_changed_at AT TIME ZONE 'UTC')");
    Instant started = Instant.now();
    try (Child platform = Child.java(name(), args, dir.resolve("platform.log"))) {
      return arrival.measure(
          bench, platform, "Started TrucApplication", started, province, ministry);
    }
  }

  /** The demo's flows, re-pointed: same mapping, grant and target columns, another source. */
  @SuppressWarnings("unchecked")
  Map<String, Object> flows() throws Exception {
    Map<String, Object> flows;
    try (InputStream in = getClass().getResourceAsStream("/demo/flows.yaml")) {
      flows = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
    }
    Map<String, Object> connector = ((List<Map<String, Object>>) flows.get("connectors")).get(0);
    connector.put("kind", source.kind);
    connector.put("batchSize", bench.batchSize());
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("jdbc.url", bench.postgres().jdbcUrl(Bench.PROVINCE));
    settings.put("jdbc.user", "postgres");
    settings.put("jdbc.password", "");
    settings.put("table", ProvinceTable.NAME);
    settings.put("key.column", "ma_cb");
    if (source == Source.POLLING) {
      settings.put("timestamp.column", "ngay_cap_nhat");
      settings.put("timestamp.zone", "UTC");
    } else {
      settings.put("capture.name", "truc_bench");
      settings.put("max.batch.size", bench.batchSize());
    }
    connector.put("settings", settings);
    Map<String, Object> subscription =
        ((List<Map<String, Object>>) flows.get("subscriptions")).get(0);
    subscription.put("batchSize", bench.batchSize());
    Map<String, Object> sink = (Map<String, Object>) subscription.get("settings");
    sink.put("jdbc.url", bench.postgres().jdbcUrl(Bench.MINISTRY));
    sink.put("jdbc.user", "postgres");
    sink.put("jdbc.password", "");
    return flows;
  }
}
