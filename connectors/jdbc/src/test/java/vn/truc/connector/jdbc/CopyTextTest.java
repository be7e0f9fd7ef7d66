package vn.truc.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CopyTextTest {

  private static String text(Object value) {
    StringBuilder b = new StringBuilder();
    CopyText.append(b, value);
    return b.toString();
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
  void typedValuesInTheFormsPostgresqlParses() {
    assertThat(text(new BigDecimal("1E+3"))).isEqualTo("1E+3");
    assertThat(text(new BigDecimal("4.65"))).isEqualTo("4.65");
    assertThat(text(7)).isEqualTo("7");
    assertThat(text(Boolean.TRUE)).isEqualTo("t");
    assertThat(text(LocalDate.of(1985, 3, 12))).isEqualTo("1985-03-12");
    // UTC wall time, as the batched path binds instants.
    assertThat(text(Instant.parse("2026-11-23T00:12:00.123456Z")))
        .isEqualTo("2026-11-23T00:12:00.123456");
  }

  @Test
  void bytesAreByteaHexWithTheBackslashEscaped() {
    assertThat(text(new byte[] {0x0a, (byte) 0xff})).isEqualTo("\\\\x0aff");
    assertThat(text(ByteBuffer.wrap(new byte[] {1, 2}))).isEqualTo("\\\\x0102");
  }
}
