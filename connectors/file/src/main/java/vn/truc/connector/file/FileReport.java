package vn.truc.connector.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to one file, written as {@code <file>.report.json} next to it in the processed
 * folder: how many data rows it had, how many could not be read and why (the first ten), its first
 * and last data line, the position it was finished at, its size, modification time and SHA-256, and
 * when it was finished. Times are ISO-8601 in {@code timestamp.zone}. The rejected counts of the
 * mapping are in the exchange log, not here.
 */
record FileReport(
    String file,
    String processedAs,
    String format,
    String encoding,
    long rows,
    long errorRows,
    List<String> errors,
    Long firstLine,
    Long lastLine,
    String position,
    long size,
    String modified,
    String sha256,
    String finishedAt) {

  static final int MAX_ERRORS = 10;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Counts as a file is scanned. */
  static final class Tally {
    long rows;
    long errorRows;
    Long first;
    Long last;
    final List<String> errors = new ArrayList<>();

    void add(DataRow row) {
      rows++;
      if (first == null) {
        first = row.line();
      }
      last = row.line();
      if (row.bad()) {
        errorRows++;
        if (errors.size() < MAX_ERRORS) {
          errors.add(row.error());
        }
      }
    }
  }

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file);
    m.put("processedAs", processedAs);
    m.put("format", format);
    m.put("encoding", encoding);
    m.put("rows", rows);
    m.put("errorRows", errorRows);
    m.put("errors", errors);
    m.put("firstLine", firstLine);
    m.put("lastLine", lastLine);
    m.put("position", position);
    m.put("size", size);
    m.put("modified", modified);
    m.put("sha256", sha256);
    m.put("finishedAt", finishedAt);
    return m;
  }

  /** Writes atomically where the file system allows: a reader never sees half a report. */
  void write(Path target) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    JSON.writeValue(tmp.toFile(), asMap());
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
