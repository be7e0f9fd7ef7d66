package vn.truc.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.truc.connector.api.SourceRow;

class XlsxFileTest {

  @TempDir Path dir;

  private static byte[] bytes(XSSFWorkbook wb) throws Exception {
    try (wb;
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void textNumberAndDateCellsBecomeStringsNumbersAndDates() throws Exception {
    XSSFWorkbook wb = new XSSFWorkbook();
    CellStyle date = wb.createCellStyle();
    date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
    CellStyle dateTime = wb.createCellStyle();
    dateTime.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
    Sheet sheet = wb.createSheet("CB_CONG_CHUC");
    Row h = sheet.createRow(0);
    String[] names = {
      "SO_CCCD", " HO_TEN ", "NGAY_SINH", "BAC_LUONG", "HE_SO", "CAP_NHAT", "DANG_VIEN"
    };
    for (int i = 0; i < names.length; i++) {
      h.createCell(i).setCellValue(names[i]);
    }
    Row r = sheet.createRow(1);
    r.createCell(0).setCellValue("037185000123");
    r.createCell(1).setCellValue("Nguyễn Thị Ánh");
    r.createCell(2).setCellValue(LocalDate.of(1985, 2, 1));
    r.getCell(2).setCellStyle(date);
    r.createCell(3).setCellValue(3);
    r.createCell(4).setCellValue(4.4);
    r.createCell(5).setCellValue(LocalDateTime.of(2025, 6, 30, 14, 30));
    r.getCell(5).setCellStyle(dateTime);
    r.createCell(6).setCellValue(true);
    // Row 3 left empty; row 4 with a missing cell and a formula.
    Row r4 = sheet.createRow(3);
    r4.createCell(0).setCellValue("037190000456");
    r4.createCell(1).setCellFormula("\"Trần \"&\"Văn Đức\"");
    r4.createCell(3).setCellValue(12345678901L);
    wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    Drop drop = new Drop(dir);
    drop.write("p37.xlsx", bytes(wb));

    List<SourceRow> rows = Drop.all(drop.source());

    assertThat(rows).extracting(SourceRow::position).containsExactly("p37.xlsx|2", "p37.xlsx|4");
    assertThat(rows.get(0).columns())
        .containsExactly(
            java.util.Map.entry("SO_CCCD", "037185000123"),
            java.util.Map.entry("HO_TEN", "Nguyễn Thị Ánh"),
            java.util.Map.entry("NGAY_SINH", LocalDate.of(1985, 2, 1)),
            java.util.Map.entry("BAC_LUONG", 3L),
            java.util.Map.entry("HE_SO", new BigDecimal("4.4")),
            java.util.Map.entry("CAP_NHAT", LocalDateTime.of(2025, 6, 30, 14, 30)),
            java.util.Map.entry("DANG_VIEN", true));
    assertThat(rows.get(1).columns())
        .containsEntry("HO_TEN", "Trần Văn Đức")
        .containsEntry("NGAY_SINH", null)
        .containsEntry("BAC_LUONG", 12345678901L)
        .doesNotContainKey(FileDropSource.ERROR_COLUMN);
  }

  @Test
  void anErrorCellMarksItsRowAndTheNextRowsStillCome() throws Exception {
    XSSFWorkbook wb = new XSSFWorkbook();
    Sheet sheet = wb.createSheet();
    sheet.createRow(2).createCell(1).setCellValue("Danh sách");
    Row h = sheet.createRow(4);
    h.createCell(0).setCellValue("MA_CB");
    h.createCell(1).setCellValue("HE_SO");
    Row bad = sheet.createRow(5);
    bad.createCell(0).setCellValue("1");
    bad.createCell(1).setCellErrorValue(FormulaError.DIV0.getCode());
    Row stray = sheet.createRow(6);
    stray.createCell(0).setCellValue("2");
    stray.createCell(3).setCellValue("ghi chú");
    Row good = sheet.createRow(7);
    good.createCell(0).setCellValue("3");
    good.createCell(1).setCellValue(2.34);
    Drop drop = new Drop(dir);
    drop.write("errors.xlsx", bytes(wb));

    List<SourceRow> rows = Drop.all(drop.with(FileDropSourceKind.HEADER_ROW, 5).source());

    assertThat(rows)
        .extracting(SourceRow::position)
        .containsExactly("errors.xlsx|6", "errors.xlsx|7", "errors.xlsx|8");
    assertThat(rows.get(0).columns())
        .containsEntry("MA_CB", "1")
        .containsEntry(
            FileDropSource.ERROR_COLUMN, "line 6: cell B6 holds the Excel error #DIV/0!");
    assertThat(rows.get(1).columns())
        .containsEntry(
            FileDropSource.ERROR_COLUMN,
            "line 7: column D holds 'ghi chú' but has no name in the header (line 5)");
    assertThat(rows.get(2).columns())
        .containsEntry("HE_SO", new BigDecimal("2.34"))
        .doesNotContainKey(FileDropSource.ERROR_COLUMN);
  }

  @Test
  void aDuplicateHeaderNamesBothColumnsByLetter() throws Exception {
    XSSFWorkbook wb = new XSSFWorkbook();
    Row h = wb.createSheet().createRow(0);
    h.createCell(0).setCellValue("MA_CB");
    h.createCell(2).setCellValue("HO_TEN");
    h.createCell(4).setCellValue("HO_TEN");
    wb.getSheetAt(0).createRow(1).createCell(0).setCellValue("1");
    Drop drop = new Drop(dir);
    drop.write("dup.xlsx", bytes(wb));

    List<SourceRow> rows = Drop.all(drop.source());

    assertThat(rows)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.columns().get(FileDropSource.ERROR_COLUMN).toString())
                    .contains("'HO_TEN' twice, in column C and column E"));
  }

  @Test
  void aDamagedWorkbookYieldsOneErrorRow() throws Exception {
    Drop drop = new Drop(dir);
    drop.write("broken.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0, 0});

    List<SourceRow> rows = Drop.all(drop.source());

    assertThat(rows)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.position()).isEqualTo("broken.xlsx|0");
              assertThat(r.columns().get(FileDropSource.ERROR_COLUMN).toString())
                  .startsWith("cannot open the workbook");
            });
    assertThat(drop.processed().resolve("broken.xlsx.report.json")).exists();
  }

  @Test
  void resumesInsideAWorkbook() throws Exception {
    XSSFWorkbook wb = new XSSFWorkbook();
    Sheet sheet = wb.createSheet();
    sheet.createRow(0).createCell(0).setCellValue("N");
    for (int i = 1; i <= 5; i++) {
      sheet.createRow(i).createCell(0).setCellValue(i);
    }
    Drop drop = new Drop(dir);
    drop.write("n.xlsx", bytes(wb));

    List<SourceRow> rows = drop.source().poll("n.xlsx|4", 10);

    assertThat(rows).extracting(r -> r.columns().get("N")).containsExactly(4L, 5L);
  }
}
