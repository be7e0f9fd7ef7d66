package vn.truc.platform.it;

import java.nio.file.Files;
import java.nio.file.Path;
import vn.truc.platform.embedded.EmbeddedPostgresServer;

/**
 * The outage contract on the embedded engines, the ministry on an embedded PostgreSQL of its own.
 */
class EmbeddedSinkOutageIT extends SinkOutageContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new EmbeddedTestEngines("outage");
  }

  @Override
  protected MinistryServer startMinistryServer(TestEngines engines) throws Exception {
    return new Server(
        Files.createDirectories(
            Path.of("target", "it-engines", "outage-ministry-" + System.nanoTime())),
        PlatformProcess.freePort());
  }

  /** Stopped and started again on the same data directory and port. */
  private static final class Server implements MinistryServer {

    private final Path dir;
    private final int port;
    private EmbeddedPostgresServer postgres;

    Server(Path dir, int port) throws Exception {
      this.dir = dir;
      this.port = port;
      start();
    }

    @Override
    public String database(String name) throws Exception {
      postgres.createDatabase(name);
      return postgres.jdbcUrl(name);
    }

    @Override
    public void stop() throws Exception {
      EmbeddedPostgresServer p = postgres;
      postgres = null;
      p.close();
    }

    @Override
    public void start() throws Exception {
      postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), port);
    }

    @Override
    public void close() throws Exception {
      if (postgres != null) {
        stop();
      }
    }
  }
}
