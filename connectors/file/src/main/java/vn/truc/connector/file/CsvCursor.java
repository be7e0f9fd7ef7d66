package vn.truc.connector.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV file, parsed by Apache Commons CSV as RFC 4180: fields in double quotes may
 * hold the delimiter, line breaks and doubled quotes ({@code ""}). Every value is a {@code String},
 * exactly as in the file (not trimmed) but NFC-normalised; an empty field is {@code ""}.
 *
 * <p>Line numbers count physical lines from 1, so a row is identified by the line it starts on even
 * when a quoted field spans lines. Rows whose fields are all blank are skipped. A row with another
 * number of fields than the header, or with quoting the parser cannot read, comes back with {@link
 * FileDropSource#ERROR_COLUMN}; after a quoting error reading starts again on the line after the
 * one the parser stopped on.
 */
final class CsvCursor implements RowCursor {

  private final Path file;
  private final TextEncoding encoding;
  private final CSVFormat format;
  private final Header header;

  private Reader reader;
  private CSVParser parser;
  private Iterator<CSVRecord> records;

  /** Lines of the file before the current parser's first line (after a restart). */
  private long base;

  private CsvCursor(Path file, TextEncoding encoding, char delimiter, int headerRow, String key)
      throws IOException, Header.Invalid {
    this.file = file;
    this.encoding = encoding;
    this.format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(false)
            .setRecordSeparator("\n")
            .get();
    restartAfter(0);
    try {
      this.header = findHeader(headerRow, key);
    } catch (Header.Invalid | IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The first non-blank record at or after line {@code headerRow}; null for a blank file. */
  private Header findHeader(int headerRow, String key) throws IOException, Header.Invalid {
    boolean anyContent = false;
    for (Raw raw = nextRaw(); raw != null; raw = nextRaw()) {
      anyContent = true;
      if (raw.line < headerRow) {
        continue; // a title above the header, whatever its shape
      }
      if (raw.error != null) {
        throw new Header.Invalid("line " + raw.line + ": cannot read the header: " + raw.error);
      }
      return Header.of(raw.values, raw.line, key, i -> "column " + (i + 1));
    }
    if (anyContent) {
      throw new Header.Invalid("no header row at or after line " + headerRow + " (header.row)");
    }
    return null;
  }

  /** Opens the file; a file whose header cannot be used yields one error row instead. */
  static RowCursor open(
      Path file, TextEncoding encoding, char delimiter, int headerRow, String keyColumn)
      throws IOException {
    try {
      return new CsvCursor(file, encoding, delimiter, headerRow, keyColumn);
    } catch (Header.Invalid e) {
      return RowCursor.failed(headerRow, e.getMessage());
    }
  }

  @Override
  public List<String> columns() {
    return header == null ? List.of() : header.names();
  }

  @Override
  public DataRow next() throws IOException {
    if (header == null) {
      return null;
    }
    Raw raw = nextRaw();
    if (raw == null) {
      return null;
    }
    List<String> errors = new ArrayList<>(1);
    if (raw.error != null) {
      errors.add(raw.error);
      return Header.row(raw.line, new LinkedHashMap<>(), errors);
    }
    Map<Integer, Object> cells = new HashMap<>();
    int width = Math.min(raw.values.size(), header.width());
    for (int i = 0; i < width; i++) {
      cells.put(i, raw.values.get(i));
    }
    if (raw.values.size() != header.width()) {
      errors.add(
          raw.values.size()
              + " fields where the header (line "
              + header.line()
              + ") has "
              + header.width()
              + (raw.values.size() > header.width()
                  ? "; is a value holding the delimiter missing its quotes?"
                  : ""));
    }
    return Header.row(
        raw.line, header.columns(cells, raw.line, errors, i -> "column " + (i + 1)), errors);
  }

  /** A non-blank record, or the reason one could not be parsed; null at the end. */
  private record Raw(long line, List<String> values, String error) {}

  private Raw nextRaw() throws IOException {
    while (true) {
      if (records == null) {
        return null;
      }
      long before = parser.getCurrentLineNumber();
      long line = base + before + 1;
      CSVRecord record;
      try {
        if (!records.hasNext()) {
          return null;
        }
        record = records.next();
      } catch (UncheckedIOException e) {
        if (!(e.getCause() instanceof CSVException)) {
          throw e.getCause(); // reading the file failed, not parsing it: the platform retries
        }
        long stoppedOn = base + parser.getCurrentLineNumber();
        String reason = reason(e);
        restartAfter(Math.max(stoppedOn, line));
        return new Raw(line, List.of(), "cannot parse the quoting: " + reason);
      }
      List<String> values = new ArrayList<>(record.size());
      boolean blank = true;
      for (String v : record) {
        String value = Text.nfc(v);
        values.add(value);
        blank &= value == null || value.isBlank();
      }
      if (!blank) {
        return new Raw(line, values, null);
      }
    }
  }

  private static String reason(UncheckedIOException e) {
    String message = e.getCause().getMessage();
    if (message.contains("EOF reached before encapsulated token finished")) {
      return "a quoted field is never closed before the end of the file";
    }
    return message;
  }

  /** Starts a fresh parser on the line after line {@code lines} of the file. */
  private void restartAfter(long lines) throws IOException {
    closeParser();
    Reader in = new BufferedReader(encoding.open(file), 64 * 1024);
    this.reader = in;
    if (!skipLines(in, lines)) {
      records = null;
      return;
    }
    base = lines;
    parser = format.parse(in);
    records = parser.iterator();
  }

  /** Skips {@code n} line breaks (CR LF, LF or CR, as the parser counts them). */
  private static boolean skipLines(Reader in, long n) throws IOException {
    long seen = 0;
    while (seen < n) {
      int c = in.read();
      if (c < 0) {
        return false;
      }
      if (c == '\n') {
        seen++;
      } else if (c == '\r') {
        seen++;
        in.mark(1);
        if (in.read() != '\n') {
          in.reset();
        }
      }
    }
    return true;
  }

  private void closeParser() throws IOException {
    if (parser != null) {
      parser.close();
      parser = null;
    }
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeParser();
    records = null;
  }
}
