package vn.truc.connector.file;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.truc.connector.api.SourceRow;

/** A watched folder in a test: writes files with chosen times, polls a source over it. */
final class Drop {

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2025-07-01T01:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  final Path dir;
  final MutableClock clock = new MutableClock();
  private final Map<String, Object> settings = new HashMap<>();
  private int minute;

  Drop(Path dir) {
    this.dir = dir;
    settings.put(FileDropSourceKind.DIRECTORY, dir.toString());
    settings.put(FileDropSourceKind.SETTLE, 0);
  }

  Drop with(String setting, Object value) {
    settings.put(setting, value);
    return this;
  }

  FileDropSource source() {
    FileDropSourceKind kind = new FileDropSourceKind();
    return kind.create(kind.config().parse(settings), clock);
  }

  /** Writes a file whose modification time is one minute after the previous one's. */
  Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    Files.setLastModifiedTime(
        file, FileTime.from(Instant.parse("2025-06-30T08:00:00Z").plusSeconds(60L * minute++)));
    return file;
  }

  Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(Charset.forName("UTF-8")));
  }

  Path processed() {
    return dir.resolve("processed");
  }

  /** Polls as the platform does: from the position of the last row of the previous batch. */
  static List<List<SourceRow>> drain(FileDropSource source, String from, int batch)
      throws Exception {
    List<List<SourceRow>> batches = new ArrayList<>();
    String position = from;
    for (int i = 0; i < 100; i++) {
      List<SourceRow> rows = source.poll(position, batch);
      if (rows.isEmpty()) {
        return batches;
      }
      batches.add(rows);
      position = rows.get(rows.size() - 1).position();
    }
    throw new AssertionError("no end after 100 batches");
  }

  static List<SourceRow> all(FileDropSource source) throws Exception {
    return drain(source, null, 1000).stream().flatMap(List::stream).toList();
  }
}
