package vn.truc.platform.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.truc.platform.embedded.EmbeddedKafkaBroker;
import vn.truc.platform.embedded.EmbeddedMariaDb;
import vn.truc.platform.embedded.EmbeddedPostgresServer;

/** Kafka, PostgreSQL and MariaDB from the platform's own embedded runtime, on free ports. */
public final class EmbeddedTestEngines implements TestEngines {

  private final EmbeddedKafkaBroker kafka;
  private final EmbeddedPostgresServer postgres;
  private final EmbeddedMariaDb mariaDb;

  public EmbeddedTestEngines(String name) throws Exception {
    Path dir =
        Files.createDirectories(Path.of("target", "it-engines", name + "-" + System.nanoTime()));
    kafka = new EmbeddedKafkaBroker(dir.resolve("kafka"), freePort(), freePort()).start();
    postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), freePort());
    mariaDb = EmbeddedMariaDb.start(dir.resolve("mariadb"), freePort(), false);
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public String postgresDatabase(String name) throws Exception {
    postgres.createDatabase(name);
    return postgres.jdbcUrl(name);
  }

  @Override
  public String postgresUser() {
    return EmbeddedPostgresServer.USER;
  }

  @Override
  public String postgresPassword() {
    return "";
  }

  @Override
  public String mariaDbDatabase(String name) throws Exception {
    mariaDb.createDatabase(name);
    return mariaDb.jdbcUrl(name);
  }

  @Override
  public String mariaDbUser() {
    return EmbeddedMariaDb.USER;
  }

  @Override
  public String mariaDbPassword() {
    return "";
  }

  @Override
  public void close() throws Exception {
    kafka.close();
    postgres.close();
    mariaDb.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
