package vn.truc.platform.ops;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code kafka} in /actuator/health: up when the cluster answers with its brokers. */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator {

  private final AdminClient admin;

  KafkaHealthIndicator(AdminClient admin) {
    super("Kafka is not reachable");
    this.admin = admin;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    DescribeClusterResult cluster =
        admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
    String clusterId = cluster.clusterId().get(3, TimeUnit.SECONDS);
    int brokers = cluster.nodes().get(3, TimeUnit.SECONDS).size();
    builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
  }
}
