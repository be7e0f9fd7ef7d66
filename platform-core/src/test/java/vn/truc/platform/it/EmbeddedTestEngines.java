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
  private final Path dir;

  public EmbeddedTestEngines(String name) throws Exception {
    dir = Files.createDirectories(Path.of("target", "it-engines", name + "-" + System.nanoTime()));
    int[] ports = freePorts(4);
    kafka = new EmbeddedKafkaBroker(dir.resolve("kafka"), ports[0], ports[1]).start();
    postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), ports[2]);
    mariaDb = EmbeddedMariaDb.start(dir.resolve("mariadb"), ports[3], false);
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
    // Each run's engines hold hundreds of megabytes (log segments, WAL, InnoDB files); the whole
    // suite would fill a CI disk. -Dtruc.it.keep-engines=true keeps them for a post-mortem.
    if (!Boolean.getBoolean("truc.it.keep-engines")) {
      org.apache.commons.io.FileUtils.deleteQuietly(dir.toFile());
    }
  }

  /** Distinct free ports: all sockets are held open together, so none is handed out twice. */
  static int[] freePorts(int n) throws IOException {
    ServerSocket[] sockets = new ServerSocket[n];
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        sockets[i] = new ServerSocket(0);
        ports[i] = sockets[i].getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket s : sockets) {
        if (s != null) {
          s.close();
        }
      }
    }
  }
}
