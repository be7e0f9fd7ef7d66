package vn.truc.connector.file;

import java.text.Normalizer;

/** Vietnamese text as the platform keeps it: precomposed (NFC). */
final class Text {

  private Text() {}

  /**
   * Windows-1258 writes most tone marks as combining characters ("Nguyê" + U+0303), and files made
   * on macOS are often NFD; NFC turns both into the precomposed "Nguyễn".
   */
  static String nfc(String s) {
    if (s == null || s.isEmpty() || Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
      return s;
    }
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  static boolean blank(Object value) {
    return value == null || (value instanceof String s && s.isBlank());
  }
}
