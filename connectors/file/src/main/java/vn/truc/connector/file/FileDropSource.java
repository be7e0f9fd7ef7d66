package vn.truc.connector.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.SourceConnector;
import vn.truc.connector.api.SourceRow;

/**
 * Reads the files dropped in a folder, oldest first, one file per batch.
 *
 * <p><b>Order.</b> Files whose names match the pattern are taken by modification time, then name. A
 * file is read only once its size and modification time have stayed the same for {@code settle.ms}
 * on the injected clock: a file still being copied is left alone until it settles.
 *
 * <p><b>Position.</b> {@code <file name>|<line>}: each row's position is its own file and line, so
 * resuming from it reads that file on from the next line. A batch holds rows of one file only.
 *
 * <p><b>Done files.</b> A file is moved to the processed folder, with its {@code
 * <file>.report.json} (see {@link FileReport}), only when {@link #poll} is called with a position
 * at or after its last row: the caller saves a position only once its batch is on Kafka, so a file
 * leaves the folder only once all its rows are published. The same poll then goes on to the next
 * file. A file dropped under the name of one already processed is first renamed {@code
 * <name>.2.<ext>} (3, 4, ...) in the folder, so a position never names two different files.
 *
 * <p><b>Bad rows.</b> A row that cannot be read cleanly (another number of fields than the header,
 * broken quoting, an Excel error cell, an empty key column) is still returned, with what could be
 * read and the column {@value #ERROR_COLUMN} holding {@code "line N: reason"}; the following rows
 * come as usual. A file that cannot be read at all (no usable header, a damaged or old-format
 * workbook) returns one row holding only {@value #ERROR_COLUMN} and is then moved like any other.
 * Either way the row fails mapping and goes to the dead-letter topic, with the line in its
 * position.
 *
 * <p>Not thread-safe: one route polls it.
 */
public final class FileDropSource implements SourceConnector {

  /** The column a row carries when it could not be read cleanly: {@code "line N: reason"}. */
  public static final String ERROR_COLUMN = vn.truc.connector.api.SourceRow.ERROR_COLUMN;

  private static final Logger log = LoggerFactory.getLogger(FileDropSource.class);

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

  record Options(
      Path directory,
      String pattern,
      Path processed,
      char delimiter,
      String encoding,
      int headerRow,
      String keyColumn,
      ZoneId zone,
      Duration settle) {}

  /** A file of the folder as listed by one poll. */
  private record Listed(Path path, String name, long size, FileTime modified) {
    boolean same(Listed other) {
      return other != null && size == other.size && modified.equals(other.modified);
    }
  }

  /** When a file was first seen with its present size and time. */
  private record Seen(long size, FileTime modified, Instant since) {}

  /** The file being read, kept open between polls while the caller goes on where it stopped. */
  private static final class Open {
    final Listed file;
    final RowCursor cursor;
    long lastLine;

    Open(Listed file, RowCursor cursor) {
      this.file = file;
      this.cursor = cursor;
    }
  }

  private final Options options;
  private final Clock clock;
  private final PathMatcher matcher;
  private final Map<String, Seen> seen = new HashMap<>();
  private Open open;

  FileDropSource(Options options, Clock clock) {
    this.options = options;
    this.clock = clock;
    this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + options.pattern());
  }

  @Override
  public List<SourceRow> poll(String position, int maxRows) throws IOException {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1, was " + maxRows);
    }
    FilePosition at = FilePosition.parse(position);
    List<Listed> files = list();
    Set<String> settled = settle(files);
    Listed current = null;
    long after = -1;
    if (at != null) {
      current = files.stream().filter(f -> f.name().equals(at.file())).findFirst().orElse(null);
      after = at.line();
      if (current != null && Files.exists(options.processed().resolve(current.name()))) {
        // The position's file was processed; this one was dropped under its name since.
        current = null;
      } else if (current != null && !settled.contains(current.name())) {
        return List.of();
      }
    }
    Set<String> finished = new HashSet<>();
    while (true) {
      if (current == null) {
        current =
            files.stream()
                .filter(f -> settled.contains(f.name()) && !finished.contains(f.name()))
                .findFirst()
                .orElse(null);
        if (current == null) {
          return List.of();
        }
        current = unique(current);
        after = -1;
      }
      List<SourceRow> rows = read(current, after, maxRows);
      if (!rows.isEmpty()) {
        return rows;
      }
      finish(current, at != null && at.file().equals(current.name()) ? at : null);
      finished.add(current.name());
      current = null;
    }
  }

  /** Matching regular files of the folder, oldest first; lock and hidden files left out. */
  private List<Listed> list() throws IOException {
    List<Listed> files = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(options.directory())) {
      for (Path path : dir) {
        String name = path.getFileName().toString();
        if (name.startsWith(".") || name.startsWith("~$") || !matches(path)) {
          continue;
        }
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException gone) {
          continue;
        }
        if (a.isRegularFile()) {
          files.add(new Listed(path, name, a.size(), a.lastModifiedTime()));
        }
      }
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(
          options.directory().toString(), null, "the watched directory does not exist");
    }
    files.sort(Comparator.comparing(Listed::modified).thenComparing(Listed::name));
    return files;
  }

  private boolean matches(Path path) {
    Path name = path.getFileName();
    return matcher.matches(name)
        || matcher.matches(Path.of(name.toString().toLowerCase(Locale.ROOT)));
  }

  /** The names of the files that have not changed for the settle time. */
  private Set<String> settle(List<Listed> files) {
    Instant now = clock.instant();
    Set<String> present = new HashSet<>();
    Set<String> settled = new HashSet<>();
    for (Listed f : files) {
      present.add(f.name());
      Seen s = seen.get(f.name());
      if (s == null || s.size() != f.size() || !s.modified().equals(f.modified())) {
        s = new Seen(f.size(), f.modified(), now);
        seen.put(f.name(), s);
      }
      if (!now.isBefore(s.since().plus(options.settle()))) {
        settled.add(f.name());
      }
    }
    seen.keySet().retainAll(present);
    return settled;
  }

  /**
   * A file named like one already in the processed folder is renamed {@code <stem>.N.<ext>} before
   * it is read, so that no position can mean both.
   */
  private Listed unique(Listed file) throws IOException {
    if (!Files.exists(options.processed().resolve(file.name()))) {
      return file;
    }
    Path renamed = freeName(file.name(), options.directory(), options.processed());
    Files.move(file.path(), renamed, StandardCopyOption.ATOMIC_MOVE);
    log.info(
        "{} has the name of a file already processed; renamed {}",
        file.path(),
        renamed.getFileName());
    String name = renamed.getFileName().toString();
    Seen s = seen.remove(file.name());
    if (s != null) {
      seen.put(name, s);
    }
    return new Listed(renamed, name, file.size(), file.modified());
  }

  /** {@code <stem>.N.<ext>} with the smallest N from 2 that is free in every folder given. */
  private static Path freeName(String name, Path first, Path... others) {
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int n = 2; ; n++) {
      String candidate = stem + "." + n + ext;
      boolean free = !Files.exists(first.resolve(candidate));
      for (Path other : others) {
        free &= !Files.exists(other.resolve(candidate));
      }
      if (free) {
        return first.resolve(candidate);
      }
    }
  }

  /** Up to {@code maxRows} rows of {@code file} after line {@code after} (-1: from the start). */
  private List<SourceRow> read(Listed file, long after, int maxRows) throws IOException {
    if (open == null || !open.file.equals(file) || open.lastLine != after) {
      closeOpen();
      open = new Open(file, cursor(file.path()));
      open.lastLine = -1;
    }
    Instant changedAt = file.modified().toInstant();
    List<SourceRow> rows = new ArrayList<>(Math.min(maxRows, 1024));
    while (rows.size() < maxRows) {
      DataRow row = open.cursor.next();
      if (row == null) {
        break;
      }
      if (row.line() <= after) {
        continue;
      }
      rows.add(
          new SourceRow(
              Collections.unmodifiableMap(row.columns()),
              new FilePosition(file.name(), row.line()).position(),
              changedAt,
              false));
      open.lastLine = row.line();
    }
    return rows;
  }

  /** A cursor over the file's data rows, chosen by its first bytes rather than its name. */
  private RowCursor cursor(Path path) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(path)) {
      head = in.readNBytes(4);
    }
    if (startsWith(head, ZIP)) {
      return XlsxCursor.open(path, options.headerRow(), options.keyColumn());
    }
    if (startsWith(head, OLE2)) {
      return RowCursor.failed(
          0, "is an Excel 97-2003 workbook (.xls) or another OLE2 file; save it as .xlsx or CSV");
    }
    return CsvCursor.open(
        path,
        TextEncoding.of(path, options.encoding()),
        options.delimiter(),
        options.headerRow(),
        options.keyColumn());
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The live test: the folders can be read and written, and the oldest file already waiting, if
   * any, has the columns the mapping reads (checked only where its header can be read).
   */
  List<ConfigProblem> check(Set<String> columns) {
    List<ConfigProblem> problems = new ArrayList<>();
    Path dir = options.directory();
    if (!Files.isDirectory(dir)) {
      problems.add(
          new ConfigProblem(FileDropSourceKind.DIRECTORY, "'" + dir + "' is not a directory"));
      return problems;
    }
    if (!Files.isReadable(dir) || !Files.isWritable(dir)) {
      problems.add(
          new ConfigProblem(
              FileDropSourceKind.DIRECTORY,
              "'" + dir + "' must be readable and writable: files are moved out of it once read"));
    }
    Path processed = options.processed();
    Path existing = processed;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      problems.add(
          new ConfigProblem(
              FileDropSourceKind.PROCESSED_DIRECTORY,
              "'" + processed + "' cannot be created or written to"));
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    try {
      List<Listed> files = list();
      if (files.isEmpty()) {
        return problems;
      }
      Listed oldest = files.get(0);
      Set<String> needed = new java.util.LinkedHashSet<>(columns);
      if (options.keyColumn() != null) {
        needed.add(options.keyColumn());
      }
      try (RowCursor cursor = cursor(oldest.path())) {
        List<String> header = cursor.columns();
        if (header.isEmpty()) {
          return problems;
        }
        for (String column : needed) {
          if (column != null && !header.contains(column)) {
            problems.add(
                new ConfigProblem(
                    column,
                    "column '"
                        + column
                        + "' is not in the header of "
                        + oldest.name()
                        + ", the oldest file waiting; it has "
                        + header));
          }
        }
      }
    } catch (IOException e) {
      problems.add(
          new ConfigProblem(FileDropSourceKind.DIRECTORY, "cannot be read: " + e.getMessage()));
    }
    return problems;
  }

  /** Moves a file whose last row is stored to the processed folder, its report first. */
  private void finish(Listed file, FilePosition at) throws IOException {
    closeOpen();
    FileReport.Tally tally = new FileReport.Tally();
    String format;
    String encoding = null;
    try (InputStream in = Files.newInputStream(file.path())) {
      byte[] head = in.readNBytes(4);
      format = startsWith(head, ZIP) ? "xlsx" : startsWith(head, OLE2) ? "xls" : "csv";
    }
    if (format.equals("csv")) {
      encoding = TextEncoding.of(file.path(), options.encoding()).label();
    }
    try (RowCursor all = cursor(file.path())) {
      for (DataRow row = all.next(); row != null; row = all.next()) {
        tally.add(row);
      }
    }
    Files.createDirectories(options.processed());
    Path target = options.processed().resolve(file.name());
    if (Files.exists(target)) {
      target = freeName(file.name(), options.processed());
    }
    FileReport report =
        new FileReport(
            file.name(),
            target.getFileName().toString(),
            format,
            encoding,
            tally.rows,
            tally.errorRows,
            List.copyOf(tally.errors),
            tally.first,
            tally.last,
            at == null ? null : at.position(),
            file.size(),
            file.modified().toInstant().atZone(options.zone()).toOffsetDateTime().toString(),
            sha256(file.path()),
            clock.instant().atZone(options.zone()).toOffsetDateTime().toString());
    // Report first: a crash in between leaves the file in place, finished again next poll.
    report.write(target.resolveSibling(target.getFileName() + ".report.json"));
    try {
      Files.move(file.path(), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      // The processed folder is on another file system: copy, then delete.
      Files.move(file.path(), target);
    }
    seen.remove(file.name());
    log.info(
        "{}: {} rows ({} unreadable), lines {}-{}; moved to {}",
        file.name(),
        tally.rows,
        tally.errorRows,
        tally.first,
        tally.last,
        target);
  }

  private static String sha256(Path path) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void closeOpen() throws IOException {
    if (open != null) {
      Open o = open;
      open = null;
      o.cursor.close();
    }
  }

  @Override
  public void close() throws IOException {
    closeOpen();
  }
}
