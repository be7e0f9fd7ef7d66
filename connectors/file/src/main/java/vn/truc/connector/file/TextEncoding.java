package vn.truc.connector.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The character set of a CSV file and a reader that decodes it.
 *
 * <p>{@code auto} looks at the bytes: a UTF-8 byte order mark means UTF-8 (the mark is dropped), a
 * UTF-16 mark means UTF-16 of that byte order; without a mark a file that decodes as strictly valid
 * UTF-8 from its first byte to its last is UTF-8, and any other file is Windows-1258, the
 * Vietnamese Windows code page Excel and older provincial software save "CSV" in. Windows-1258
 * writes most tone marks as combining characters: the cursor normalises every value to NFC.
 */
record TextEncoding(Charset charset, int bomLength) {

  static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  static TextEncoding of(Path file, String setting) throws IOException {
    byte[] head = new byte[3];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, 3);
    }
    int bom = bomLength(head, n);
    if (!setting.equalsIgnoreCase(FileDropSourceKind.AUTO)) {
      Charset named = Charset.forName(setting);
      // A mark of the named family is dropped, not read as a character of the first header.
      boolean utf8 = named.equals(StandardCharsets.UTF_8) && bom == 3;
      boolean utf16 = named.name().startsWith("UTF-16") && bom == 2;
      return new TextEncoding(named, utf8 || utf16 ? bom : 0);
    }
    if (bom == 3) {
      return new TextEncoding(StandardCharsets.UTF_8, 3);
    }
    if (bom == 2) {
      return new TextEncoding(
          head[0] == (byte) 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE, 2);
    }
    return new TextEncoding(validUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1258, 0);
  }

  private static int bomLength(byte[] head, int n) {
    if (n >= 3 && head[0] == UTF8_BOM[0] && head[1] == UTF8_BOM[1] && head[2] == UTF8_BOM[2]) {
      return 3;
    }
    if (n >= 2
        && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
            || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
      return 2;
    }
    return 0;
  }

  /** Decodes the whole file strictly, in 64 KB pieces; false at the first malformed byte. */
  static boolean validUtf8(Path file) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    CharBuffer out = CharBuffer.allocate(64 * 1024);
    try (InputStream stream = Files.newInputStream(file)) {
      byte[] chunk = new byte[in.capacity()];
      while (true) {
        int read = stream.read(chunk, 0, in.remaining());
        boolean end = read < 0;
        if (!end) {
          in.put(chunk, 0, read);
        }
        in.flip();
        CoderResult result = decoder.decode(in, out, end);
        if (result.isError()) {
          return false;
        }
        out.clear();
        in.compact();
        if (end) {
          try {
            out.clear();
            return !decoder.flush(out).isError() && in.position() == 0;
          } catch (IllegalStateException e) {
            return false;
          }
        }
      }
    }
  }

  /** A reader of the file's text after the mark; bytes it cannot decode become U+FFFD. */
  Reader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      in.skipNBytes(bomLength);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    return new InputStreamReader(
        in,
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  String label() {
    return charset.name() + (bomLength > 0 ? " with BOM" : "");
  }
}
