package vn.truc.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CopyTextTest {

  private static String text(Object value) {
    CopyText rows = new CopyText(4);
    rows.value(value);
    return new String(rows.buffer(), 0, rows.size(), StandardCharsets.UTF_8);
  }

  @Test
  void nullIsBackslashN() {
    assertThat(text(null)).isEqualTo("\\N");
  }

  @Test
  void separatorsAndBackslashesAreEscapedSoARowStaysOneLine() {
    assertThat(text("Số 5\tthôn 3\nxã\r\\Khánh Vân"))
        .isEqualTo("Số 5\\tthôn 3\\nxã\\r\\\\Khánh Vân");
  }

  @Test
  void textIsUtf8AsTheJdkEncodesIt() {
    // One, two, three and four UTF-8 bytes (a CJK extension B ideograph, as in some Han-Nôm
    // names), and a lone surrogate, which has no UTF-8 form.
    String mixed = "A đ Nguyễn 𠀀 \uD800 end";
    assertThat(new CopyText(1).value(mixed).size())
        .isEqualTo(mixed.getBytes(StandardCharsets.UTF_8).length);
    assertThat(text(mixed))
        .isEqualTo(new String(mixed.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
  }

  @Test
  void rowsAreTabSeparatedLinesAndTheBufferGrowsAndClears() throws Exception {
    CopyText rows = new CopyText(8);
    rows.value("Lê Thị Hồng").value(null).value(42).endRow();
    rows.value("x".repeat(100)).endRow();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    rows.writeTo(out);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("Lê Thị Hồng\t\\N\t42\n" + "x".repeat(100) + "\n");

    rows.clear();
    rows.value("a").endRow();
    assertThat(new String(rows.buffer(), 0, rows.size(), StandardCharsets.UTF_8)).isEqualTo("a\n");
  }

  @Test
  void typedValuesInTheFormsPostgresqlParses() {
    assertThat(text(new BigDecimal("1E+3"))).isEqualTo("1E+3");
    assertThat(text(new BigDecimal("4.65"))).isEqualTo("4.65");
    assertThat(text(7)).isEqualTo("7");
    assertThat(text(0L)).isEqualTo("0");
    assertThat(text(-1_234_567_890_123L)).isEqualTo("-1234567890123");
    assertThat(text(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
    assertThat(text(Integer.MAX_VALUE)).isEqualTo("2147483647");
    assertThat(text((short) 12)).isEqualTo("12");
    assertThat(text(Boolean.TRUE)).isEqualTo("t");
    assertThat(text(LocalDate.of(1985, 3, 12))).isEqualTo("1985-03-12");
    assertThat(text(LocalDate.of(987, 1, 5))).isEqualTo("0987-01-05");
    assertThat(text(LocalDate.of(12345, 1, 5))).isEqualTo("+12345-01-05");
    // UTC wall time, as the batched path binds instants, with the whole fraction.
    assertThat(text(Instant.parse("2026-11-23T00:12:00.123456Z")))
        .isEqualTo("2026-11-23T00:12:00.123456000");
    assertThat(text(Instant.parse("2026-11-23T07:02:09Z"))).isEqualTo("2026-11-23T07:02:09");
    assertThat(text(Instant.parse("2026-01-02T03:04:05.000000007Z")))
        .isEqualTo("2026-01-02T03:04:05.000000007");
  }

  @Test
  void bytesAreByteaHexWithTheBackslashEscaped() {
    assertThat(text(new byte[] {0x0a, (byte) 0xff})).isEqualTo("\\\\x0aff");
    assertThat(text(ByteBuffer.wrap(new byte[] {1, 2}))).isEqualTo("\\\\x0102");
  }
}
