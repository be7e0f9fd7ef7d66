package vn.truc.connector.jdbc;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Values in PostgreSQL's COPY text format: one row a line, tab between columns, {@code \N} for
 * null, backslash escapes for backslash, tab, newline and carriage return. Instants are written as
 * UTC wall time, as the batched path binds them (see {@link JdbcUpsertSink}).
 */
public final class CopyText {

  private static final HexFormat HEX = HexFormat.of();

  private CopyText() {}

  /** Appends one column value. */
  public static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("\\N");
    } else if (value instanceof Number || value instanceof java.time.LocalDate) {
      // BigDecimal's own form too: PostgreSQL reads "1E+3" as well as "4.65".
      out.append(value);
    } else if (value instanceof Boolean b) {
      out.append(b ? 't' : 'f');
    } else if (value instanceof Instant i) {
      out.append(i.atOffset(ZoneOffset.UTC).toLocalDateTime());
    } else if (value instanceof byte[] bytes) {
      out.append("\\\\x").append(HEX.formatHex(bytes));
    } else if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      out.append("\\\\x").append(HEX.formatHex(bytes));
    } else {
      escape(out, value.toString());
    }
  }

  private static void escape(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(ch);
      }
    }
  }
}
