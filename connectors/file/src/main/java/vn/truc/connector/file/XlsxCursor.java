package vn.truc.connector.file;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * The rows of the first sheet of an XLSX workbook, streamed: Apache POI opens the package and its
 * shared strings and styles ({@link XSSFReader}, the event API), and the sheet's XML is pulled row
 * by row with StAX. Memory is the shared-strings table (every distinct text of the workbook) plus
 * one row, whatever the number of rows; the sheet itself is never loaded whole as {@code
 * XSSFWorkbook} would (about 1 KB of heap per cell).
 *
 * <p>Values by cell type:
 *
 * <ul>
 *   <li>text (shared, inline or a formula's text result): {@code String}, NFC-normalised;
 *   <li>a number in a date format: {@code LocalDate}, or {@code LocalDateTime} when it has a time
 *       of day;
 *   <li>any other number, rounded to Excel's 15 significant digits: {@code Long} when it is whole,
 *       else {@code BigDecimal} (an ID number typed as a number has lost its leading zeros in Excel
 *       already: store IDs as text);
 *   <li>TRUE/FALSE: {@code Boolean}; an empty or missing cell: {@code null};
 *   <li>an error value (#N/A, #DIV/0!, ...): the row gets {@link FileDropSource#ERROR_COLUMN}.
 * </ul>
 *
 * Formulas give their value as last calculated by the program that saved the file. Line numbers are
 * the sheet's row numbers, as Excel shows them; rows with no non-blank cell are skipped.
 */
final class XlsxCursor implements RowCursor {

  private static final MathContext EXCEL_DIGITS = new MathContext(15);

  private final OPCPackage pkg;
  private final InputStream sheet;
  private final XMLStreamReader xml;
  private final SharedStrings strings;
  private final StylesTable styles;
  private final boolean date1904;
  private final Header header;
  private long lastRow;
  private boolean ended;

  private XlsxCursor(OPCPackage pkg, int headerRow, String keyColumn)
      throws IOException, OpenXML4JException, XMLStreamException, Header.Invalid {
    this.pkg = pkg;
    XSSFReader reader = new XSSFReader(pkg);
    reader.setUseReadOnlySharedStringsTable(true);
    this.strings = reader.getSharedStringsTable();
    this.styles = reader.getStylesTable();
    try (InputStream workbook = reader.getWorkbookData()) {
      this.date1904 = date1904(workbook);
    }
    Iterator<InputStream> sheets = reader.getSheetsData();
    if (!sheets.hasNext()) {
      throw new Header.Invalid("the workbook has no sheet");
    }
    this.sheet = sheets.next();
    this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
    Header found = null;
    boolean anyContent = false;
    SheetRow row;
    while (found == null && (row = nextRow()) != null) {
      anyContent = true;
      if (row.number >= headerRow) {
        if (!row.errors.isEmpty()) {
          throw new Header.Invalid("row " + row.number + ": " + String.join("; ", row.errors));
        }
        int width = row.cells.isEmpty() ? 0 : row.cells.lastKey() + 1;
        List<Object> names = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
          names.add(row.cells.get(i));
        }
        found = Header.of(names, row.number, keyColumn, XlsxCursor::column);
      }
    }
    if (found == null && anyContent) {
      throw new Header.Invalid(
          "no header row at or after sheet row " + headerRow + " (header.row)");
    }
    this.header = found;
  }

  /** Opens the workbook; a workbook that cannot be read yields one error row instead. */
  static RowCursor open(Path file, int headerRow, String keyColumn) {
    OPCPackage pkg = null;
    try {
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
      return new XlsxCursor(pkg, headerRow, keyColumn);
    } catch (Header.Invalid e) {
      revert(pkg);
      return RowCursor.failed(headerRow, e.getMessage());
    } catch (Exception e) {
      revert(pkg);
      // Corrupt or encrypted files, zip bombs, Strict OOXML: POI says which in its message.
      return RowCursor.failed(0, "cannot open the workbook: " + e.getMessage());
    }
  }

  private static void revert(OPCPackage pkg) {
    if (pkg != null) {
      pkg.revert();
    }
  }

  static String column(int index) {
    return "column " + CellReference.convertNumToColString(index);
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
    SheetRow row;
    try {
      row = nextRow();
    } catch (XMLStreamException | RuntimeException e) {
      // The sheet's XML is damaged: report where, and read no further.
      ended = true;
      Map<String, Object> columns = new LinkedHashMap<>();
      return Header.row(
          lastRow + 1, columns, List.of("the sheet cannot be read further: " + e.getMessage()));
    }
    if (row == null) {
      return null;
    }
    List<String> errors = new ArrayList<>(row.errors);
    return Header.row(
        row.number, header.columns(row.cells, row.number, errors, XlsxCursor::column), errors);
  }

  private record SheetRow(long number, TreeMap<Integer, Object> cells, List<String> errors) {}

  /** The next row with a non-blank cell or an error, or null at the end of the sheet. */
  private SheetRow nextRow() throws XMLStreamException {
    while (!ended && xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
        String r = xml.getAttributeValue(null, "r");
        long number = r == null ? lastRow + 1 : Long.parseLong(r);
        lastRow = number;
        SheetRow row = readRow(number);
        boolean blank = row.cells.values().stream().allMatch(Text::blank);
        if (!blank || !row.errors.isEmpty()) {
          return row;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT
          && xml.getLocalName().equals("sheetData")) {
        ended = true;
      }
    }
    ended = true;
    return null;
  }

  private SheetRow readRow(long number) throws XMLStreamException {
    TreeMap<Integer, Object> cells = new TreeMap<>();
    List<String> errors = new ArrayList<>(0);
    int column = -1;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
        break;
      }
      if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
        String ref = xml.getAttributeValue(null, "r");
        column = ref == null ? column + 1 : new CellReference(ref).getCol();
        String type = xml.getAttributeValue(null, "t");
        String style = xml.getAttributeValue(null, "s");
        String cellName = CellReference.convertNumToColString(column) + number;
        try {
          Object value = readCell(type, style);
          if (value != null) {
            cells.put(column, value);
          }
        } catch (CellError e) {
          errors.add("cell " + cellName + " " + e.getMessage());
        }
      }
    }
    return new SheetRow(number, cells, errors);
  }

  /** A cell that holds no usable value. */
  private static final class CellError extends Exception {
    CellError(String message) {
      super(message);
    }
  }

  /** Reads one {@code <c>} element to its end. */
  private Object readCell(String type, String style) throws XMLStreamException, CellError {
    String value = null;
    StringBuilder inline = null;
    int phonetic = 0;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (xml.getLocalName()) {
          case "v" -> value = xml.getElementText();
          case "is" -> inline = new StringBuilder();
          case "rPh" -> phonetic++;
          case "t" -> {
            String text = xml.getElementText();
            if (inline != null && phonetic == 0) {
              inline.append(text);
            }
          }
          default -> {}
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        String name = xml.getLocalName();
        if (name.equals("rPh")) {
          phonetic--;
        } else if (name.equals("c")) {
          break;
        }
      }
    }
    return convert(type == null ? "n" : type, style, value, inline);
  }

  private Object convert(String type, String style, String value, StringBuilder inline)
      throws CellError {
    switch (type) {
      case "inlineStr":
        return inline == null
            ? (value == null ? null : Text.nfc(value))
            : Text.nfc(inline.toString());
      case "s":
        if (value == null) {
          return null;
        }
        try {
          return Text.nfc(strings.getItemAt(Integer.parseInt(value.trim())).getString());
        } catch (RuntimeException e) {
          throw new CellError("refers to shared text " + value + ", which the workbook lacks");
        }
      case "str":
        return value == null ? null : Text.nfc(value);
      case "b":
        return value == null ? null : !value.trim().equals("0");
      case "e":
        throw new CellError("holds the Excel error " + (value == null ? "" : value));
      case "d":
        return isoDate(value);
      default:
        return number(style, value);
    }
  }

  private Object number(String style, String value) throws CellError {
    if (value == null || value.isBlank()) {
      return null;
    }
    double d;
    BigDecimal exact;
    try {
      exact = new BigDecimal(value.trim());
      d = exact.doubleValue();
    } catch (NumberFormatException e) {
      throw new CellError("holds '" + value + "', which is not a number");
    }
    if (isDateFormatted(style)) {
      if (!DateUtil.isValidExcelDate(d)) {
        throw new CellError("holds " + value + " in a date format, which is not a valid date");
      }
      LocalDateTime t = DateUtil.getLocalDateTime(d, date1904, true);
      return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate() : t;
    }
    BigDecimal n = exact.round(EXCEL_DIGITS).stripTrailingZeros();
    if (n.scale() <= 0 && n.precision() - n.scale() <= 18) {
      return n.longValueExact();
    }
    return n.scale() < 0 ? n.setScale(0) : n;
  }

  private boolean isDateFormatted(String style) {
    if (style == null || styles == null) {
      return false;
    }
    try {
      int index = Integer.parseInt(style);
      if (index < 0 || index >= styles.getNumCellStyles()) {
        return false;
      }
      XSSFCellStyle s = styles.getStyleAt(index);
      return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Object isoDate(String value) throws CellError {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      LocalDateTime t = LocalDateTime.parse(value.trim().replaceAll("Z$", ""));
      return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate() : t;
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(value.trim());
      } catch (DateTimeParseException e2) {
        throw new CellError("holds '" + value + "', which is not an ISO date");
      }
    }
  }

  /** Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
  private static boolean date1904(InputStream workbook) throws XMLStreamException {
    XMLStreamReader r = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbook);
    try {
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT) {
          String name = r.getLocalName();
          if (name.equals("workbookPr")) {
            String v = r.getAttributeValue(null, "date1904");
            return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
          }
          if (name.equals("sheets")) {
            return false;
          }
        }
      }
      return false;
    } finally {
      r.close();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // closing a reader over a stream we close next
    } finally {
      sheet.close();
      pkg.revert();
    }
  }
}
