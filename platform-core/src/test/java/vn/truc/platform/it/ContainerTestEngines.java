package vn.truc.platform.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The same engines in containers, for machines with Docker. */
public final class ContainerTestEngines implements TestEngines {

  private final KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
  private final PostgreSQLContainer postgres =
      new PostgreSQLContainer("postgres:17")
          // Change capture needs logical decoding, as the embedded engine is configured.
          .withCommand("postgres", "-c", "wal_level=logical", "-c", "fsync=off");
  private final MariaDBContainer mariaDb =
      new MariaDBContainer("mariadb:11.4")
          .withUsername("root")
          .withPassword("truc")
          // A row-based binary log for change capture, as the embedded engine is configured.
          .withCommand(
              "--log-bin=mariadb-bin",
              "--binlog-format=ROW",
              "--binlog-row-image=FULL",
              "--server-id=1");

  public ContainerTestEngines() {
    kafka.start();
    postgres.start();
    mariaDb.start();
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public String postgresDatabase(String name) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
        Statement s = c.createStatement()) {
      if (!s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next()) {
        s.execute("CREATE DATABASE \"" + name + "\"");
      }
    }
    return "jdbc:postgresql://"
        + postgres.getHost()
        + ":"
        + postgres.getFirstMappedPort()
        + "/"
        + name;
  }

  @Override
  public String postgresUser() {
    return postgres.getUsername();
  }

  @Override
  public String postgresPassword() {
    return postgres.getPassword();
  }

  @Override
  public String mariaDbDatabase(String name) throws Exception {
    try (Connection c = DriverManager.getConnection(mariaDb.getJdbcUrl(), "root", "truc");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4");
    }
    return "jdbc:mariadb://" + mariaDb.getHost() + ":" + mariaDb.getFirstMappedPort() + "/" + name;
  }

  @Override
  public String mariaDbUser() {
    return "root";
  }

  @Override
  public String mariaDbPassword() {
    return "truc";
  }

  @Override
  public void close() {
    kafka.stop();
    postgres.stop();
    mariaDb.stop();
  }
}
