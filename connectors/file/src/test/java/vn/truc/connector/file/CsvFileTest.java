package vn.truc.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.truc.connector.api.SourceRow;

class CsvFileTest {

  @TempDir Path dir;

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void utf8WithBomGivesVietnameseNamesAndAHeaderWithoutTheMark() throws Exception {
    Drop drop = new Drop(dir);
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    drop.write(
        "p37.csv",
        concat(
            bom,
            "SO_CCCD,HO_TEN,NGAY_SINH\r\n037185000123,Nguyễn Thị Ánh,01/02/1985\r\n037190000456,Trần Văn Đức,15/11/1990\r\n"
                .getBytes(StandardCharsets.UTF_8)));

    List<SourceRow> rows = Drop.all(drop.source());

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).columns())
        .containsExactly(
            Map.entry("SO_CCCD", "037185000123"),
            Map.entry("HO_TEN", "Nguyễn Thị Ánh"),
            Map.entry("NGAY_SINH", "01/02/1985"));
    assertThat(rows.get(1).columns()).containsEntry("HO_TEN", "Trần Văn Đức");
    assertThat(rows).extracting(SourceRow::position).containsExactly("p37.csv|2", "p37.csv|3");
    assertThat(rows).allSatisfy(r -> assertThat(r.deleted()).isFalse());
  }

  /**
   * Vietnamese as Windows-1258 writes it: the vowels â ê ô ă ơ ư (and đ) precomposed, the five tone
   * marks as combining characters after them. The JDK's encoder maps those characters but does not
   * compose on its own, so the NFD string is recomposed except for its tone marks first (a plain
   * NFD string would lose the circumflex, breve and horn to '?').
   */
  static String windows1258Form(String text) {
    String toneMarks = "\u0300\u0301\u0303\u0309\u0323";
    StringBuilder out = new StringBuilder();
    Normalizer.normalize(text, Normalizer.Form.NFC)
        .codePoints()
        .forEach(
            c -> {
              String nfd = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFD);
              StringBuilder base = new StringBuilder();
              StringBuilder tones = new StringBuilder();
              nfd.chars()
                  .forEach(ch -> (toneMarks.indexOf(ch) >= 0 ? tones : base).append((char) ch));
              out.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tones);
            });
    return out.toString();
  }

  @Test
  void windows1258IsDetectedAndItsCombiningToneMarksComposed() throws Exception {
    Drop drop = new Drop(dir);
    String text = windows1258Form("MA_CB;HO_TEN\n1;Nguyễn Văn Hưởng\n2;Lê Thị Mỹ Ộc\n");
    assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isFalse();
    ByteBuffer encoded =
        Charset.forName("windows-1258")
            .newEncoder()
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .encode(CharBuffer.wrap(text));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    drop.write("cp1258.csv", bytes);

    List<SourceRow> rows = Drop.all(drop.with(FileDropSourceKind.CSV_DELIMITER, ";").source());

    assertThat(rows)
        .extracting(r -> r.columns().get("HO_TEN"))
        .containsExactly("Nguyễn Văn Hưởng", "Lê Thị Mỹ Ộc");
    String name = (String) rows.get(0).columns().get("HO_TEN");
    assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue();
    assertThat(name).hasSize(16).contains("\u1EC5"); // ễ precomposed
  }

  @Test
  void utf16WithBomAndTabs() throws Exception {
    Drop drop = new Drop(dir);
    drop.write(
        "u16.csv",
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            "MA\tTEN\n7\tPhạm Quỳnh\n".getBytes(StandardCharsets.UTF_16LE)));

    List<SourceRow> rows = Drop.all(drop.with(FileDropSourceKind.CSV_DELIMITER, "tab").source());

    assertThat(rows)
        .singleElement()
        .extracting(SourceRow::columns)
        .isEqualTo(Map.of("MA", "7", "TEN", "Phạm Quỳnh"));
  }

  @Test
  void anExplicitEncodingIsUsedAsNamed() throws Exception {
    Drop drop = new Drop(dir);
    // "Đà" in Windows-1258 is also valid... ISO-8859-1 here just proves the setting wins.
    drop.write("latin.csv", "A,B\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    List<SourceRow> rows = Drop.all(drop.with(FileDropSourceKind.ENCODING, "ISO-8859-1").source());

    assertThat(rows).singleElement().extracting(r -> r.columns().get("B")).isEqualTo("café");
  }

  @Test
  void quotedFieldsKeepCommasQuotesAndLineBreaksAndRowsAreNamedByTheirFirstLine() throws Exception {
    Drop drop = new Drop(dir);
    drop.write(
        "quoted.csv",
        "MA_CB,HO_TEN,DIA_CHI\n"
            + "1,\"Nguyễn, Văn A\",\"Số 5, ngõ 3\nphường Đông Thành\"\n"
            + "2,\"Lê \"\"Bé\"\" Ba\",Ninh Bình\n"
            + "\n"
            + "3,Hà,\"\"\n");

    List<SourceRow> rows = Drop.all(drop.source());

    assertThat(rows)
        .extracting(SourceRow::position)
        .containsExactly("quoted.csv|2", "quoted.csv|4", "quoted.csv|6");
    assertThat(rows.get(0).columns())
        .containsEntry("HO_TEN", "Nguyễn, Văn A")
        .containsEntry("DIA_CHI", "Số 5, ngõ 3\nphường Đông Thành");
    assertThat(rows.get(1).columns()).containsEntry("HO_TEN", "Lê \"Bé\" Ba");
    assertThat(rows.get(2).columns()).containsEntry("DIA_CHI", "");
  }

  @Test
  void badRowsCarryTheirLineAndReasonAndTheRowsAfterThemStillCome() throws Exception {
    Drop drop = new Drop(dir);
    drop.write(
        "mixed.csv",
        "MA_CB,HO_TEN,NGAY_SINH\n"
            + "1,An,01/01/1980\n"
            + "2,Bình,02/02/1981,extra\n"
            + "3,Chi\n"
            + "4,\"Dũng\"x,04/04/1984\n"
            + "5,Giang,05/05/1985\n");

    List<SourceRow> rows = Drop.all(drop.source());

    assertThat(rows)
        .extracting(SourceRow::position)
        .containsExactly("mixed.csv|2", "mixed.csv|3", "mixed.csv|4", "mixed.csv|5", "mixed.csv|6");
    assertThat(rows.get(0).columns()).doesNotContainKey(FileDropSource.ERROR_COLUMN);
    assertThat(rows.get(1).columns())
        .containsEntry("MA_CB", "2")
        .containsEntry("NGAY_SINH", "02/02/1981")
        .extractingByKey(FileDropSource.ERROR_COLUMN)
        .asString()
        .startsWith("line 3: 4 fields where the header (line 1) has 3");
    assertThat(rows.get(2).columns())
        .containsEntry("HO_TEN", "Chi")
        .containsEntry("NGAY_SINH", null)
        .extractingByKey(FileDropSource.ERROR_COLUMN)
        .asString()
        .startsWith("line 4: 2 fields");
    assertThat(rows.get(3).columns())
        .extractingByKey(FileDropSource.ERROR_COLUMN)
        .asString()
        .startsWith("line 5: cannot parse the quoting");
    assertThat(rows.get(4).columns())
        .containsEntry("HO_TEN", "Giang")
        .doesNotContainKey(FileDropSource.ERROR_COLUMN);
  }

  @Test
  void aQuoteNeverClosedEndsTheFileWithAnErrorOnTheLineItOpens() throws Exception {
    Drop drop = new Drop(dir);
    drop.write("open.csv", "A,B\n1,x\n2,\"never closed\n3,y\n");

    List<SourceRow> rows = Drop.all(drop.source());

    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).position()).isEqualTo("open.csv|3");
    assertThat(rows.get(1).columns().get(FileDropSource.ERROR_COLUMN).toString())
        .startsWith("line 3: cannot parse the quoting: a quoted field is never closed");
  }

  @Test
  void titleLinesAboveTheHeaderRowAreSkipped() throws Exception {
    Drop drop = new Drop(dir);
    drop.write("title.csv", "UBND TỈNH NINH BÌNH\nDanh sách cán bộ\n  MA_CB , HO_TEN \n1,An\n");

    List<SourceRow> rows = Drop.all(drop.with(FileDropSourceKind.HEADER_ROW, 3).source());

    assertThat(rows)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.columns())
                  .containsExactly(Map.entry("MA_CB", "1"), Map.entry("HO_TEN", "An"));
              assertThat(r.position()).isEqualTo("title.csv|4");
            });
  }

  @Test
  void aHeaderNamingAColumnTwiceRefusesTheFileNamingBothColumns() throws Exception {
    Drop drop = new Drop(dir);
    drop.write("dup.csv", "MA_CB,HO_TEN, HO_TEN \n1,An,An\n");

    List<SourceRow> rows = Drop.all(drop.source());

    assertThat(rows)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.columns()).containsOnlyKeys(FileDropSource.ERROR_COLUMN);
              assertThat(r.columns().get(FileDropSource.ERROR_COLUMN).toString())
                  .contains("'HO_TEN' twice, in column 2 and column 3");
              assertThat(r.position()).isEqualTo("dup.csv|1");
            });
  }

  @Test
  void theKeyColumnMustBeInTheHeaderAndFilledInEachRow() throws Exception {
    Drop drop = new Drop(dir);
    drop.write("nokey.csv", "HO_TEN\nAn\n");
    drop.write("key.csv", "MA_CB,HO_TEN\n1,An\n ,Bình\n");

    List<SourceRow> rows = Drop.all(drop.with(FileDropSourceKind.KEY_COLUMN, "MA_CB").source());

    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).columns().get(FileDropSource.ERROR_COLUMN).toString())
        .contains("no key column 'MA_CB'");
    assertThat(rows.get(1).columns()).doesNotContainKey(FileDropSource.ERROR_COLUMN);
    assertThat(rows.get(2).columns().get(FileDropSource.ERROR_COLUMN))
        .isEqualTo("line 3: the key column MA_CB is empty");
  }

  @Test
  void blankRowsAndAValueUnderABlankHeaderAreHandled() throws Exception {
    Drop drop = new Drop(dir);
    drop.write("blank.csv", "A,,B\n1,,2\n,,\n3,note,4\n");

    List<SourceRow> rows = Drop.all(drop.source());

    assertThat(rows).extracting(SourceRow::position).containsExactly("blank.csv|2", "blank.csv|4");
    assertThat(rows.get(0).columns()).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
    assertThat(rows.get(1).columns().get(FileDropSource.ERROR_COLUMN).toString())
        .isEqualTo("line 4: column 2 holds 'note' but has no name in the header (line 1)");
  }

  @Test
  void aHeaderRowPastTheContentRefusesTheFile() throws Exception {
    Drop drop = new Drop(dir);
    drop.write("short.csv", "A,B\n1,2\n");

    List<SourceRow> rows = Drop.all(drop.with(FileDropSourceKind.HEADER_ROW, 5).source());

    assertThat(rows)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.columns())
                    .containsExactly(
                        Map.entry(
                            FileDropSource.ERROR_COLUMN,
                            "no header row at or after line 5 (header.row)")));
  }
}
