package vn.truc.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.InvalidConfigException;
import vn.truc.connector.api.Setting;
import vn.truc.connector.api.SourceKind;

class FileDropSourceKindTest {

  private final FileDropSourceKind kind = new FileDropSourceKind();

  @Test
  void isRegisteredAsASourceKind() {
    assertThat(ServiceLoader.load(SourceKind.class).stream().map(p -> p.get().name()))
        .contains("file-drop");
  }

  @Test
  void everySettingIsDescribed() {
    assertThat(kind.config().settings())
        .extracting(Setting::name)
        .containsExactly(
            "directory",
            "pattern",
            "processed.directory",
            "csv.delimiter",
            "encoding",
            "header.row",
            "key.column",
            "timestamp.zone",
            "settle.ms");
    assertThat(kind.config().settings()).allSatisfy(s -> assertThat(s.description()).isNotBlank());
  }

  @Test
  void defaultsFillTheRest(@TempDir Path dir) {
    FileDropSource.Options o =
        FileDropSourceKind.options(kind.config().parse(Map.of("directory", dir.toString())));

    assertThat(o.directory()).isEqualTo(dir.toAbsolutePath());
    assertThat(o.processed()).isEqualTo(dir.toAbsolutePath().resolve("processed"));
    assertThat(o.pattern()).isEqualTo("*.{csv,xlsx}");
    assertThat(o.delimiter()).isEqualTo(',');
    assertThat(o.encoding()).isEqualTo("auto");
    assertThat(o.headerRow()).isEqualTo(1);
    assertThat(o.keyColumn()).isNull();
    assertThat(o.zone().getId()).isEqualTo("Asia/Ho_Chi_Minh");
    assertThat(o.settle().toMillis()).isEqualTo(2000);
  }

  @Test
  void everyBadSettingIsNamed() {
    List<ConfigProblem> problems =
        kind.config()
            .validate(
                Map.of(
                    "pattern", "in/*.csv",
                    "csv.delimiter", "|",
                    "encoding", "tcvn3",
                    "header.row", 0,
                    "timestamp.zone", "Hanoi",
                    "settle.ms", -1,
                    "sheet", "1"));

    assertThat(problems)
        .extracting(ConfigProblem::field)
        .containsExactlyInAnyOrder(
            "directory",
            "pattern",
            "csv.delimiter",
            "encoding",
            "header.row",
            "timestamp.zone",
            "settle.ms",
            "sheet");
    assertThat(problems)
        .extracting(ConfigProblem::toString)
        .contains(
            "csv.delimiter: must be ',', ';' or 'tab', was '|'",
            "encoding: must be 'auto' or a character set such as UTF-8 or windows-1258, was"
                + " 'tcvn3'",
            "header.row: must be at least 1",
            "settle.ms: must be at least 0");
  }

  @Test
  void delimitersAndEncodingsAccepted() {
    for (String d : List.of(",", ";", "tab", "TAB", "\\t")) {
      assertThat(kind.config().validate(Map.of("directory", "/in", "csv.delimiter", d))).isEmpty();
    }
    assertThat(FileDropSourceKind.delimiter("tab")).isEqualTo('\t');
    assertThat(FileDropSourceKind.delimiter(";")).isEqualTo(';');
    for (String e : List.of("auto", "UTF-8", "windows-1258", "UTF-16")) {
      assertThat(kind.config().validate(Map.of("directory", "/in", "encoding", e))).isEmpty();
    }
  }

  @Test
  void theProcessedFolderCannotBeTheWatchedOne() {
    assertThatThrownBy(
            () ->
                kind.create(
                    kind.config().parse(Map.of("directory", "/in", "processed.directory", "/in/"))))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("processed.directory: must not be the watched directory");
  }

  @Test
  void theLiveCheckNamesAMissingFolder(@TempDir Path dir) {
    assertThat(
            kind.check(
                kind.config().parse(Map.of("directory", dir.resolve("nope").toString())),
                Set.of("HO_TEN")))
        .extracting(ConfigProblem::field)
        .containsExactly("directory");
  }

  @Test
  void theLiveCheckReadsTheHeaderOfTheOldestWaitingFile(@TempDir Path dir) throws Exception {
    var config = kind.config().parse(Map.of("directory", dir.toString(), "key.column", "MA_CB"));
    assertThat(kind.check(config, Set.of("HO_TEN"))).as("nothing waiting").isEmpty();

    Files.writeString(dir.resolve("a.csv"), "MA_CB,HO_TEN\n1,An\n");
    assertThat(kind.check(config, Set.of("HO_TEN"))).isEmpty();
    assertThat(kind.check(config, Set.of("HO_TEN", "NGAY_SINH")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("NGAY_SINH");
              assertThat(p.reason())
                  .isEqualTo(
                      "column 'NGAY_SINH' is not in the header of a.csv, the oldest file"
                          + " waiting; it has [MA_CB, HO_TEN]");
            });
    assertThat(dir.resolve("a.csv")).as("the check reads, never moves").exists();
  }
}
