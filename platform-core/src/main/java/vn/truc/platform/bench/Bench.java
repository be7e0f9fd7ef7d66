package vn.truc.platform.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import vn.truc.platform.demo.CivilServantGenerator;
import vn.truc.platform.embedded.EmbeddedPostgresServer;

/**
 * What every pipeline of one benchmark run shares: the engines, the generated people, the run's
 * settings, and the reset between pipelines that gives each the same start (the same source rows,
 * no topics, no consumer groups, no replication slots).
 */
record Bench(
    EmbeddedPostgresServer postgres,
    String kafkaBootstrap,
    Path work,
    Path trucJar,
    Path peerLib,
    int records,
    int batchSize,
    int streamRate,
    int streamSeconds,
    String trucHeap,
    List<String> trucJvmArgs,
    boolean ledgerOff) {

  static final String PROVINCE = "province";
  static final String MINISTRY = "ministry";
  static final long SEED = 2026;

  static CivilServantGenerator people() {
    return new CivilServantGenerator(SEED);
  }

  int streamed() {
    return streamRate * streamSeconds;
  }

  String lastPersonalId() {
    return (String) people().row(records, 0)[0];
  }

  String lastStreamedPersonalId() {
    return (String) people().row((long) records + streamed(), 0)[0];
  }

  /** Long enough for the slowest pipeline seen here (about 2,000 records/s) with margin. */
  Duration syncTimeout() {
    return Duration.ofSeconds(300 + records / 500);
  }

  /** The streaming phase: rows after the backlog, at {@link #streamRate} a second. */
  void stream(Connection province) throws Exception {
    ProvinceTable.stream(province, people(), records + 1L, streamRate, streamSeconds);
  }

  /** Back to the loaded table and an empty broker, after a pipeline has stopped. */
  void reset(Connection province) throws Exception {
    ProvinceTable.execute(
        province,
        "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE NOT active");
    try (var s = province.createStatement();
        var rs = s.executeQuery("SELECT pubname FROM pg_publication")) {
      java.util.List<String> names = new java.util.ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      for (String name : names) {
        ProvinceTable.execute(province, "DROP PUBLICATION \"" + name + "\"");
      }
    }
    ProvinceTable.execute(
        province, "DELETE FROM " + ProvinceTable.NAME + " WHERE ma_cb > " + records);
    ProvinceTable.execute(province, "VACUUM ANALYZE " + ProvinceTable.NAME);
    try (Admin admin =
        Admin.create(
            java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap))) {
      Set<String> groups =
          admin.listConsumerGroups().all().get().stream()
              .map(ConsumerGroupListing::groupId)
              .collect(Collectors.toSet());
      if (!groups.isEmpty()) {
        admin.deleteConsumerGroups(groups).all().get();
      }
      Set<String> topics = admin.listTopics().names().get();
      if (!topics.isEmpty()) {
        admin.deleteTopics(topics).all().get();
      }
    }
  }

  Connection connect(String database) throws SQLException {
    return java.sql.DriverManager.getConnection(postgres.jdbcUrl(database), "postgres", "");
  }
}
