package vn.truc.connector.cdc;

import io.debezium.embedded.EmbeddedWorkerConfig;
import io.debezium.embedded.KafkaConnectUtil;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;

/**
 * Writes the platform's saved position into the offset file Debezium reads at start. The platform's
 * database is the one truth about how far a connector got; Debezium's own file is rewritten from it
 * before every start, so a reset, a rewind or a crash between Debezium's flush and ours can never
 * make the two disagree.
 */
final class OffsetSeed {

  private OffsetSeed() {}

  static void write(Path file, String engineName, String position) throws IOException {
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    if (position == null) {
      return;
    }
    CdcPosition p = CdcPosition.parse(position);
    // The same converters, with schemas off, that Debezium's engine uses for its offset store.
    JsonConverter keys = new JsonConverter();
    keys.configure(Map.of("schemas.enable", "false"), true);
    JsonConverter values = new JsonConverter();
    values.configure(Map.of("schemas.enable", "false"), false);
    byte[] key = keys.fromConnectData(engineName, null, Arrays.asList(engineName, p.partition()));
    byte[] value = values.fromConnectData(engineName, null, p.offset());
    FileOffsetBackingStore store = KafkaConnectUtil.fileOffsetBackingStore();
    store.configure(
        new EmbeddedWorkerConfig(
            new java.util.HashMap<>(
                Map.of(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG, file.toString()))));
    store.start();
    try {
      store.set(Map.of(ByteBuffer.wrap(key), ByteBuffer.wrap(value)), null).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while seeding " + file, e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("cannot seed " + file, e.getCause());
    } finally {
      store.stop();
    }
  }
}
