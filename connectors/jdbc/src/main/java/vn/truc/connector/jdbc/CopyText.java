package vn.truc.connector.jdbc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Rows in PostgreSQL's COPY text format, written straight into UTF-8 bytes: one row a line, tab
 * between columns, {@code \N} for null, backslash escapes for backslash, tab, newline and carriage
 * return. Instants are written as UTC wall time, as the batched path binds them (see {@link
 * JdbcUpsertSink}).
 *
 * <p>Encoded here rather than through a StringBuilder, a String and the driver's encoder: the
 * sink's profile showed those three copies of every batch (and the builder's widening to UTF-16 at
 * the first Vietnamese letter) as a fifth of the delivery thread's allocations.
 */
public final class CopyText {

  private static final HexFormat HEX = HexFormat.of();

  private byte[] bytes;
  private int size;
  private boolean rowStarted;

  public CopyText(int capacity) {
    this.bytes = new byte[Math.max(capacity, 16)];
  }

  /** Appends one column value to the current row. */
  public CopyText value(Object value) {
    if (rowStarted) {
      put((byte) '\t');
    }
    rowStarted = true;
    if (value == null) {
      ascii("\\N");
    } else if (value instanceof CharSequence s) {
      text(s);
    } else if (value instanceof Integer || value instanceof Long) {
      number(((Number) value).longValue());
    } else if (value instanceof Number) {
      // BigDecimal's own form too: PostgreSQL reads "1E+3" as well as "4.65".
      ascii(value.toString());
    } else if (value instanceof LocalDate d && d.getYear() >= 0 && d.getYear() <= 9999) {
      date(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    } else if (value instanceof Boolean b) {
      put(b ? (byte) 't' : (byte) 'f');
    } else if (value instanceof Instant i) {
      // Not atOffset: ZoneOffset.getRules() builds a new ZoneRules (with a hash map) per call.
      wallTime(LocalDateTime.ofEpochSecond(i.getEpochSecond(), i.getNano(), ZoneOffset.UTC));
    } else if (value instanceof byte[] raw) {
      ascii("\\\\x");
      ascii(HEX.formatHex(raw));
    } else if (value instanceof ByteBuffer buffer) {
      byte[] raw = new byte[buffer.remaining()];
      buffer.duplicate().get(raw);
      ascii("\\\\x");
      ascii(HEX.formatHex(raw));
    } else {
      text(value.toString());
    }
    return this;
  }

  // Numbers, dates and times are written digit by digit: every row has its version timestamp,
  // and their toString forms were most of what the sink still allocated per row.

  private void number(long n) {
    if (n == Long.MIN_VALUE) {
      ascii(Long.toString(n));
      return;
    }
    ensure(20);
    if (n < 0) {
      bytes[size++] = '-';
      n = -n;
    }
    int digits = 1;
    for (long m = n; m >= 10; m /= 10) {
      digits++;
    }
    for (int at = size + digits - 1; at >= size; at--) {
      bytes[at] = (byte) ('0' + n % 10);
      n /= 10;
    }
    size += digits;
  }

  private void date(int year, int month, int day) {
    ensure(10);
    digits(year, 4);
    bytes[size++] = '-';
    digits(month, 2);
    bytes[size++] = '-';
    digits(day, 2);
  }

  /** ISO wall time with the whole fraction (PostgreSQL rounds it to microseconds, as it did). */
  private void wallTime(LocalDateTime t) {
    if (t.getYear() < 0 || t.getYear() > 9999) {
      ascii(t.toString());
      return;
    }
    date(t.getYear(), t.getMonthValue(), t.getDayOfMonth());
    ensure(19);
    bytes[size++] = 'T';
    digits(t.getHour(), 2);
    bytes[size++] = ':';
    digits(t.getMinute(), 2);
    bytes[size++] = ':';
    digits(t.getSecond(), 2);
    if (t.getNano() > 0) {
      bytes[size++] = '.';
      digits(t.getNano(), 9);
    }
  }

  /** {@code value} in exactly {@code width} digits, zero-padded; space already ensured. */
  private void digits(int value, int width) {
    for (int at = size + width - 1; at >= size; at--) {
      bytes[at] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += width;
  }

  /** Ends the current row. */
  public CopyText endRow() {
    put((byte) '\n');
    rowStarted = false;
    return this;
  }

  /** Bytes written since the last {@link #clear}. */
  public int size() {
    return size;
  }

  /** The buffer; its first {@link #size} bytes are the rows. */
  public byte[] buffer() {
    return bytes;
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  /** Forgets the rows written, keeping the buffer; only between rows. */
  public void clear() {
    size = 0;
    rowStarted = false;
  }

  private void text(CharSequence s) {
    int length = s.length();
    // At most three bytes a char: an escape is two, a surrogate pair four for two chars.
    ensure(length * 3);
    byte[] b = bytes;
    int at = size;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        char escaped =
            switch (c) {
              case '\\' -> '\\';
              case '\t' -> 't';
              case '\n' -> 'n';
              case '\r' -> 'r';
              default -> 0;
            };
        if (escaped != 0) {
          b[at++] = '\\';
          b[at++] = (byte) escaped;
        } else {
          b[at++] = (byte) c;
        }
      } else if (c < 0x800) {
        b[at++] = (byte) (0xC0 | (c >> 6));
        b[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        char low = i + 1 < length ? s.charAt(i + 1) : 0;
        if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
          int cp = Character.toCodePoint(c, low);
          b[at++] = (byte) (0xF0 | (cp >> 18));
          b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          b[at++] = (byte) (0x80 | (cp & 0x3F));
          i++;
        } else {
          // A lone surrogate has no UTF-8 form: replaced, as String.getBytes does.
          b[at++] = '?';
        }
      } else {
        b[at++] = (byte) (0xE0 | (c >> 12));
        b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    size = at;
  }

  private void ascii(String s) {
    int length = s.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      bytes[size++] = (byte) s.charAt(i);
    }
  }

  private void put(byte b) {
    ensure(1);
    bytes[size++] = b;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
