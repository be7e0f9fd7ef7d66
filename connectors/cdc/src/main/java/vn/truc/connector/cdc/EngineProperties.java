package vn.truc.connector.cdc;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Debezium's settings for one connector, derived from the connector's own few settings. Choices
 * that hold for every Trục connector live here once: the platform keeps the position (Debezium's
 * offsets only seed it), zone-less times as JDBC would give them, deletes without tombstones, short
 * polls for low latency.
 */
final class EngineProperties {

  private EngineProperties() {}

  static Properties common(
      String engineName, Path stateDir, Database db, String user, String password, int batch) {
    Properties p = new Properties();
    p.setProperty("name", engineName);
    p.setProperty("topic.prefix", engineName);
    p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
    p.setProperty(
        "offset.storage.file.filename", stateDir.resolve(engineName + ".offsets").toString());
    // Offsets are written only for changes the platform has saved; flushing each batch keeps
    // PostgreSQL's slot and Debezium's file right behind the platform's position.
    p.setProperty("offset.flush.interval.ms", "0");
    p.setProperty("database.hostname", db.host());
    p.setProperty("database.port", Integer.toString(db.port()));
    p.setProperty("database.user", user);
    p.setProperty("database.password", password == null ? "" : password);
    p.setProperty("time.precision.mode", "connect");
    p.setProperty("decimal.handling.mode", "precise");
    p.setProperty("tombstones.on.delete", "false");
    p.setProperty("max.batch.size", Integer.toString(batch));
    // Room for the next batch while one is handed over. Twice as much read-ahead bought no speed:
    // the changes it held lived long enough to be promoted, and collecting them from the old
    // generation is half of the CDC line's CPU (docs/benchmarks.md, third round).
    p.setProperty("max.queue.size", Integer.toString(batch * 2));
    p.setProperty("poll.interval.ms", "50");
    p.setProperty("errors.max.retries", "3");
    return p;
  }

  static Properties postgres(
      Properties p, Database db, String table, String slot, String snapshotMode) {
    String qualified = table.contains(".") ? table : "public." + table;
    p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    p.setProperty("database.dbname", db.name());
    p.setProperty("plugin.name", "pgoutput");
    p.setProperty("slot.name", slot);
    p.setProperty("publication.name", slot);
    p.setProperty("publication.autocreate.mode", "filtered");
    p.setProperty("table.include.list", qualified);
    p.setProperty("snapshot.mode", snapshotMode);
    return p;
  }

  static Properties mariaDb(
      Properties p,
      String database,
      String table,
      long serverId,
      Path historyFile,
      String snapshotMode) {
    String qualified = table.contains(".") ? table : database + "." + table;
    p.setProperty("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
    p.setProperty("database.server.id", Long.toString(serverId));
    p.setProperty("database.include.list", qualified.substring(0, qualified.indexOf('.')));
    p.setProperty("table.include.list", qualified);
    p.setProperty("database.ssl.mode", "disable");
    p.setProperty("schema.history.internal", "io.debezium.storage.file.history.FileSchemaHistory");
    p.setProperty("schema.history.internal.file.filename", historyFile.toString());
    p.setProperty("schema.history.internal.store.only.captured.tables.ddl", "true");
    p.setProperty("include.schema.changes", "false");
    p.setProperty("snapshot.mode", snapshotMode);
    return p;
  }

  /** A name Debezium, PostgreSQL slots and file names all accept. */
  static String safeName(String raw) {
    String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    return s.length() > 60 ? s.substring(0, 60) : s;
  }
}
