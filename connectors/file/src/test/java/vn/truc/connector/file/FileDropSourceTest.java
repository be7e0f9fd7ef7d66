package vn.truc.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.truc.connector.api.SourceRow;

class FileDropSourceTest {

  @TempDir Path dir;

  private static String rows(int from, int to) {
    StringBuilder s = new StringBuilder("MA_CB,HO_TEN\n");
    for (int i = from; i <= to; i++) {
      s.append(i).append(",Người ").append(i).append('\n');
    }
    return s.toString();
  }

  private static List<String> positions(List<SourceRow> rows) {
    return rows.stream().map(SourceRow::position).toList();
  }

  @Test
  void resumesFromAPositionInTheMiddleOfAFile() throws Exception {
    Drop drop = new Drop(dir);
    drop.write("a.csv", rows(1, 10));

    List<SourceRow> first = drop.source().poll(null, 4);
    // A new instance (a restart) given the stored position of the last row of the first batch.
    List<SourceRow> next = drop.source().poll(first.get(3).position(), 4);

    assertThat(positions(first)).containsExactly("a.csv|2", "a.csv|3", "a.csv|4", "a.csv|5");
    assertThat(positions(next)).containsExactly("a.csv|6", "a.csv|7", "a.csv|8", "a.csv|9");
    assertThat(next.get(0).columns()).containsEntry("MA_CB", "5");
  }

  @Test
  void aBatchReadAgainFromAnOlderPositionGivesTheSameRows() throws Exception {
    Drop drop = new Drop(dir);
    drop.write("a.csv", rows(1, 6));
    FileDropSource source = drop.source();

    List<SourceRow> first = source.poll(null, 3);
    source.poll(first.get(2).position(), 3);
    // The second batch never reached Kafka: the platform polls again from the saved position.
    List<SourceRow> again = source.poll(first.get(2).position(), 3);

    assertThat(positions(again)).containsExactly("a.csv|5", "a.csv|6", "a.csv|7");
  }

  @Test
  void batchesGoThroughTwoFilesOldestFirstWithTheirModificationTimes() throws Exception {
    Drop drop = new Drop(dir);
    Path older = drop.write("z-older.csv", rows(1, 3));
    Path newer = drop.write("a-newer.csv", rows(4, 5));
    FileDropSource source = drop.source();

    List<List<SourceRow>> batches = Drop.drain(source, null, 2);

    assertThat(batches)
        .extracting(FileDropSourceTest::positions)
        .containsExactly(
            List.of("z-older.csv|2", "z-older.csv|3"),
            List.of("z-older.csv|4"),
            List.of("a-newer.csv|2", "a-newer.csv|3"));
    assertThat(batches.get(0).get(0).changedAt())
        .isEqualTo(Files.getLastModifiedTime(drop.processed().resolve("z-older.csv")).toInstant());
    assertThat(batches.get(2).get(0).changedAt()).isEqualTo(Instant.parse("2025-06-30T08:01:00Z"));
    assertThat(older).doesNotExist();
    assertThat(newer).doesNotExist();
  }

  @Test
  void aFileIsMovedWithItsReportOnlyOnceAPositionAtItsEndIsStored() throws Exception {
    Drop drop = new Drop(dir);
    Path file = drop.write("done.csv", "MA_CB,HO_TEN\n1,An\n2,Bình,x\n\n3,Chi\n");
    FileDropSource source = drop.source();

    List<SourceRow> batch = source.poll(null, 10);
    assertThat(batch).hasSize(3);
    assertThat(file).as("read to the end, but the batch is not stored yet").exists();
    assertThat(source.poll(batch.get(1).position(), 10))
        .extracting(SourceRow::position)
        .as("an older position re-reads")
        .containsExactly("done.csv|5");
    assertThat(file).exists();

    assertThat(source.poll("done.csv|5", 10)).isEmpty();

    assertThat(file).doesNotExist();
    Path moved = drop.processed().resolve("done.csv");
    assertThat(moved).exists();
    JsonNode report =
        new ObjectMapper().readTree(drop.processed().resolve("done.csv.report.json").toFile());
    assertThat(report.get("file").asText()).isEqualTo("done.csv");
    assertThat(report.get("format").asText()).isEqualTo("csv");
    assertThat(report.get("encoding").asText()).isEqualTo("UTF-8");
    assertThat(report.get("rows").asLong()).isEqualTo(3);
    assertThat(report.get("errorRows").asLong()).isEqualTo(1);
    assertThat(report.get("errors").get(0).asText()).startsWith("line 3: 3 fields");
    assertThat(report.get("firstLine").asLong()).isEqualTo(2);
    assertThat(report.get("lastLine").asLong()).isEqualTo(5);
    assertThat(report.get("position").asText()).isEqualTo("done.csv|5");
    assertThat(report.get("size").asLong()).isEqualTo(Files.size(moved));
    assertThat(report.get("modified").asText()).isEqualTo("2025-06-30T15:00+07:00");
    assertThat(report.get("finishedAt").asText()).isEqualTo("2025-07-01T08:00+07:00");
    assertThat(report.get("sha256").asText()).hasSize(64);
  }

  @Test
  void aFileStillBeingWrittenIsLeftAloneUntilItSettles() throws Exception {
    Drop drop = new Drop(dir).with(FileDropSourceKind.SETTLE, 2000);
    Path file = drop.write("growing.csv", rows(1, 2));
    FileDropSource source = drop.source();

    assertThat(source.poll(null, 10)).as("first seen now").isEmpty();
    drop.clock.advance(Duration.ofMillis(1500));
    Files.writeString(file, rows(1, 3));
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2025-07-01T01:00:01Z")));
    assertThat(source.poll(null, 10)).as("changed: the wait starts again").isEmpty();
    drop.clock.advance(Duration.ofMillis(1999));
    assertThat(source.poll(null, 10)).as("1999 ms unchanged").isEmpty();
    drop.clock.advance(Duration.ofMillis(1));

    assertThat(positions(source.poll(null, 10)))
        .containsExactly("growing.csv|2", "growing.csv|3", "growing.csv|4");
  }

  @Test
  void aSettledFileIsReadWhileANewerOneIsStillBeingWritten() throws Exception {
    Drop drop = new Drop(dir).with(FileDropSourceKind.SETTLE, 2000);
    drop.write("old.csv", rows(1, 1));
    FileDropSource source = drop.source();
    source.poll(null, 10);
    drop.clock.advance(Duration.ofSeconds(2));
    drop.write("new.csv", rows(2, 2));

    assertThat(positions(source.poll(null, 10))).containsExactly("old.csv|2");
    assertThat(source.poll("old.csv|2", 10)).as("old.csv done; new.csv not settled").isEmpty();
    assertThat(drop.processed().resolve("old.csv")).exists();
    drop.clock.advance(Duration.ofSeconds(2));
    assertThat(positions(source.poll("old.csv|2", 10))).containsExactly("new.csv|2");
  }

  @Test
  void aFileDroppedUnderTheNameOfAProcessedOneIsRenamedAndReadFromItsStart() throws Exception {
    Drop drop = new Drop(dir);
    drop.write("export.csv", rows(1, 2));
    FileDropSource source = drop.source();
    List<SourceRow> yesterday = Drop.all(source);
    assertThat(positions(yesterday)).containsExactly("export.csv|2", "export.csv|3");

    drop.write("export.csv", rows(3, 5));
    List<SourceRow> today = source.poll("export.csv|3", 10);

    assertThat(positions(today))
        .containsExactly("export.2.csv|2", "export.2.csv|3", "export.2.csv|4");
    assertThat(today.get(0).columns()).containsEntry("MA_CB", "3");
    assertThat(source.poll("export.2.csv|4", 10)).isEmpty();
    assertThat(drop.processed().resolve("export.2.csv")).exists();
    assertThat(drop.processed().resolve("export.2.csv.report.json")).exists();
  }

  @Test
  void onlyMatchingFilesAreReadAndEditorLockFilesNever() throws Exception {
    Drop drop = new Drop(dir);
    drop.write("notes.txt", "A\n1\n");
    drop.write("~$export.xlsx", "lock");
    drop.write(".~lock.export.csv#", "lock");
    drop.write("EXPORT.CSV", "A\n2\n");
    Files.createDirectories(dir.resolve("sub.csv"));

    assertThat(Drop.all(drop.source()))
        .extracting(SourceRow::position)
        .containsExactly("EXPORT.CSV|2");
    assertThat(dir.resolve("notes.txt")).exists();
  }

  @Test
  void anOldExcelFileYieldsOneErrorRowAndIsThenMoved() throws Exception {
    Drop drop = new Drop(dir).with(FileDropSourceKind.PATTERN, "*.{csv,xls,xlsx}");
    drop.write(
        "old.xls",
        new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A});
    drop.write("next.csv", rows(1, 1));
    FileDropSource source = drop.source();

    List<SourceRow> first = source.poll(null, 10);
    assertThat(first)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.position()).isEqualTo("old.xls|0");
              assertThat(r.columns().get(FileDropSource.ERROR_COLUMN).toString())
                  .contains("Excel 97-2003 workbook (.xls)");
            });
    assertThat(positions(source.poll("old.xls|0", 10))).containsExactly("next.csv|2");
    assertThat(drop.processed().resolve("old.xls.report.json")).exists();
  }

  @Test
  void anEmptyFileIsMovedWithoutRows() throws Exception {
    Drop drop = new Drop(dir);
    drop.write("empty.csv", "");
    drop.write("header-only.csv", "A,B\n");

    assertThat(drop.source().poll(null, 10)).isEmpty();

    assertThat(drop.processed().resolve("empty.csv")).exists();
    assertThat(drop.processed().resolve("header-only.csv")).exists();
  }

  @Test
  void aPositionOfAFileNoLongerThereStartsTheOldestFile() throws Exception {
    Drop drop = new Drop(dir);
    drop.write("b.csv", rows(1, 1));

    assertThat(positions(drop.source().poll("a.csv|40", 10))).containsExactly("b.csv|2");
  }

  @Test
  void aMissingDirectoryIsAnErrorThePlatformRetries() {
    Drop drop = new Drop(dir.resolve("not-mounted"));

    assertThatThrownBy(() -> drop.source().poll(null, 10))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void positionIsFileNameBarLine() {
    assertThat(FilePosition.parse("export|2025.csv|17"))
        .isEqualTo(new FilePosition("export|2025.csv", 17));
    assertThat(new FilePosition("a.csv", 2).position()).isEqualTo("a.csv|2");
    assertThat(FilePosition.parse(null)).isNull();
    assertThatThrownBy(() -> FilePosition.parse("a.csv"))
        .hasMessageContaining("<file name>|<line>");
    assertThatThrownBy(() -> FilePosition.parse("a.csv|x")).hasMessageContaining("'a.csv|x'");
  }
}
