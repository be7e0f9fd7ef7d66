package vn.truc.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextEncodingTest {

  @TempDir Path dir;

  private TextEncoding detect(byte[] bytes) throws Exception {
    Path f = Files.write(dir.resolve("f.csv"), bytes);
    return TextEncoding.of(f, "auto");
  }

  @Test
  void detectsByMarkThenByStrictUtf8() throws Exception {
    assertThat(detect(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}))
        .isEqualTo(new TextEncoding(StandardCharsets.UTF_8, 3));
    assertThat(detect(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'a'}))
        .isEqualTo(new TextEncoding(StandardCharsets.UTF_16BE, 2));
    assertThat(detect(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}))
        .isEqualTo(new TextEncoding(StandardCharsets.UTF_16LE, 2));
    assertThat(detect("Đức".getBytes(StandardCharsets.UTF_8)).charset())
        .isEqualTo(StandardCharsets.UTF_8);
    assertThat(detect("plain ascii".getBytes(StandardCharsets.US_ASCII)).charset())
        .isEqualTo(StandardCharsets.UTF_8);
    assertThat(detect("Đức".getBytes(TextEncoding.WINDOWS_1258)).charset())
        .isEqualTo(TextEncoding.WINDOWS_1258);
  }

  @Test
  void aUtf8SequenceCutAtTheEndOfTheFileIsNotUtf8() throws Exception {
    byte[] d = "Đ".getBytes(StandardCharsets.UTF_8);
    assertThat(detect(new byte[] {'a', d[0]}).charset()).isEqualTo(TextEncoding.WINDOWS_1258);
  }

  @Test
  void invalidUtf8FarIntoALargeFileIsFound() throws Exception {
    byte[] big = new byte[200_000];
    java.util.Arrays.fill(big, (byte) 'a');
    big[150_000] = (byte) 0xC3; // a lead byte followed by 'a': malformed
    assertThat(detect(big).charset()).isEqualTo(TextEncoding.WINDOWS_1258);
  }
}
