package vn.truc.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from the embedded binaries, with a persistent data directory. As root
 * the library runs the server in a user namespace, so it works in containers and CI as well.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  public static final String USER = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(dataDir.toAbsolutePath().normalize())
            .setCleanDataDirectory(false)
            // The library turns durability off for tests; the platform's state must survive a
            // crash, so it is turned back on.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_connections", "200")
            .setServerConfig("wal_level", "logical")
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
    return new EmbeddedPostgresServer(pg);
  }

  /** Creates the database if it does not exist yet. */
  public EmbeddedPostgresServer createDatabase(String name) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      if (!s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next()) {
        s.execute("CREATE DATABASE \"" + name + "\"");
      }
    }
    return this;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
