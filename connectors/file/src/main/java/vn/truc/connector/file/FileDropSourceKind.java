package vn.truc.connector.file;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vn.truc.connector.api.ConfigDef;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.ConnectorConfig;
import vn.truc.connector.api.InvalidConfigException;
import vn.truc.connector.api.Setting;
import vn.truc.connector.api.SettingType;
import vn.truc.connector.api.SourceConnector;
import vn.truc.connector.api.SourceKind;

/**
 * {@code file-drop}: CSV and XLSX exports dropped into a watched folder, read row by row.
 *
 * <p>Each file's first row (or row {@code header.row}) names the columns; every later non-blank row
 * becomes one {@link vn.truc.connector.api.SourceRow} whose columns map header name to cell value.
 * The position is {@code <file name>|<line>}; see {@link FileDropSource} for resumption, the
 * processed folder and the report, {@link CsvCursor} and {@link XlsxCursor} for what the values
 * are, and {@link FileDropSource#ERROR_COLUMN} for rows that could not be read.
 */
public final class FileDropSourceKind implements SourceKind {

  public static final String NAME = "file-drop";
  public static final String DIRECTORY = "directory";
  public static final String PATTERN = "pattern";
  public static final String PROCESSED_DIRECTORY = "processed.directory";
  public static final String CSV_DELIMITER = "csv.delimiter";
  public static final String ENCODING = "encoding";
  public static final String HEADER_ROW = "header.row";
  public static final String KEY_COLUMN = "key.column";
  public static final String ZONE = "timestamp.zone";
  public static final String SETTLE = "settle.ms";

  static final String AUTO = "auto";

  private static final ConfigDef CONFIG =
      new ConfigDef()
          .define(
              Setting.required(
                      DIRECTORY,
                      SettingType.STRING,
                      "the watched folder the province drops its CSV or XLSX exports into; its"
                          + " sub-folders are not read")
                  .withCheck(FileDropSourceKind::validPath))
          .define(
              Setting.optional(
                      PATTERN,
                      SettingType.STRING,
                      "*.{csv,xlsx}",
                      "glob of the file names to read, matched case-insensitively; names starting"
                          + " with '.' or '~$' (editor lock files) are never read")
                  .withCheck(FileDropSourceKind::validGlob))
          .define(
              Setting.optional(
                      PROCESSED_DIRECTORY,
                      SettingType.STRING,
                      null,
                      "where a file is moved, with its <file>.report.json, once all its rows are"
                          + " on Kafka; default <directory>/processed")
                  .withCheck(FileDropSourceKind::validPath))
          .define(
              Setting.optional(
                      CSV_DELIMITER,
                      SettingType.STRING,
                      ",",
                      "field delimiter of CSV files: ',' , ';' or 'tab'")
                  .withCheck(FileDropSourceKind::validDelimiter))
          .define(
              Setting.optional(
                      ENCODING,
                      SettingType.STRING,
                      AUTO,
                      "character set of CSV files: 'auto' (UTF-8 with or without BOM, UTF-16 with"
                          + " BOM, otherwise Windows-1258) or a charset name such as UTF-8 or"
                          + " windows-1258; text is normalised to NFC either way")
                  .withCheck(FileDropSourceKind::validEncoding))
          .define(
              Setting.optional(
                      HEADER_ROW,
                      SettingType.INT,
                      1,
                      "line (CSV) or sheet row (XLSX) of the column names; lines above it, such"
                          + " as a title, are skipped")
                  .atLeast(1))
          .define(
              Setting.optional(
                  KEY_COLUMN,
                  SettingType.STRING,
                  null,
                  "column that keys each row; when set, a file without it is refused and a row"
                      + " with it empty is marked as an error"))
          .define(
              Setting.optional(
                      ZONE,
                      SettingType.STRING,
                      "Asia/Ho_Chi_Minh",
                      "time zone of the times written in the processed reports")
                  .withCheck(FileDropSourceKind::validZone))
          .define(
              Setting.optional(
                      SETTLE,
                      SettingType.DURATION_MS,
                      2000L,
                      "a file is read only once its size and modification time have not changed"
                          + " for this long, so a file still being copied is never read half")
                  .atLeast(0));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ConfigDef config() {
    return CONFIG;
  }

  @Override
  public SourceConnector create(ConnectorConfig config) {
    return create(config, Clock.systemUTC());
  }

  /** As {@link #create(ConnectorConfig)}, with the clock that times the settle delay. */
  FileDropSource create(ConnectorConfig config, Clock clock) {
    return new FileDropSource(options(config), clock);
  }

  /**
   * Checks that the folders are usable and, when a file is already waiting, that the oldest one's
   * header has every column the mapping reads (and {@code key.column}). With an empty folder the
   * columns can only be checked as files arrive: a missing column then fails each row's mapping.
   */
  @Override
  public List<ConfigProblem> check(ConnectorConfig config, Set<String> columns) {
    try (FileDropSource source = create(config, Clock.systemUTC())) {
      return source.check(columns);
    } catch (InvalidConfigException e) {
      return e.problems();
    } catch (java.io.IOException e) {
      return List.of(new ConfigProblem(DIRECTORY, "cannot be read: " + e.getMessage()));
    }
  }

  static FileDropSource.Options options(ConnectorConfig config) {
    Path directory = Path.of(config.string(DIRECTORY)).toAbsolutePath().normalize();
    Path processed =
        config.has(PROCESSED_DIRECTORY)
            ? Path.of(config.string(PROCESSED_DIRECTORY)).toAbsolutePath().normalize()
            : directory.resolve("processed");
    if (processed.equals(directory)) {
      throw new InvalidConfigException(
          List.of(
              new ConfigProblem(
                  PROCESSED_DIRECTORY,
                  "must not be the watched directory itself, or processed files would be read"
                      + " again")));
    }
    return new FileDropSource.Options(
        directory,
        config.string(PATTERN),
        processed,
        delimiter(config.string(CSV_DELIMITER)),
        config.string(ENCODING),
        config.integer(HEADER_ROW),
        config.has(KEY_COLUMN) ? config.string(KEY_COLUMN) : null,
        ZoneId.of(config.string(ZONE)),
        config.duration(SETTLE));
  }

  static char delimiter(String setting) {
    return switch (setting.toLowerCase(Locale.ROOT)) {
      case ",", "comma" -> ',';
      case ";", "semicolon" -> ';';
      case "tab", "\\t" -> '\t';
      default -> throw new IllegalArgumentException("Not a delimiter: " + setting);
    };
  }

  private static Optional<String> validDelimiter(Object value) {
    try {
      delimiter(value.toString());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of("must be ',', ';' or 'tab', was '" + value + "'");
    }
  }

  private static Optional<String> validPath(Object value) {
    try {
      Path.of(value.toString());
      return Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.of("is not a valid path: " + e.getReason());
    }
  }

  private static Optional<String> validGlob(Object value) {
    String glob = value.toString();
    if (glob.contains("/")) {
      return Optional.of("must match file names only, without folders, was '" + glob + "'");
    }
    try {
      FileSystems.getDefault().getPathMatcher("glob:" + glob);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of("is not a valid glob such as *.{csv,xlsx}: " + e.getMessage());
    }
  }

  private static Optional<String> validEncoding(Object value) {
    String name = value.toString();
    if (name.equalsIgnoreCase(AUTO)) {
      return Optional.empty();
    }
    try {
      if (Charset.isSupported(name)) {
        return Optional.empty();
      }
    } catch (IllegalCharsetNameException e) {
      // falls through to the problem below
    }
    return Optional.of(
        "must be 'auto' or a character set such as UTF-8 or windows-1258, was '" + name + "'");
  }

  private static Optional<String> validZone(Object value) {
    try {
      ZoneId.of(value.toString());
      return Optional.empty();
    } catch (DateTimeException e) {
      return Optional.of("is not a time zone id such as Asia/Ho_Chi_Minh");
    }
  }

  @Override
  public java.util.Optional<String> positionProblem(ConnectorConfig config, String position) {
    try {
      FilePosition.parse(position);
      return java.util.Optional.empty();
    } catch (IllegalArgumentException e) {
      return java.util.Optional.of(e.getMessage());
    }
  }
}
