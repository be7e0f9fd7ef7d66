package vn.truc.routes.mapping;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Text clean-up for Vietnamese records: Unicode NFC, so that "Nguyễn" typed with combining marks
 * (as some legacy input methods produce) equals the precomposed form, and collapsed whitespace.
 * Letters and case are kept as written.
 */
public final class VietnameseText {

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u200B]+");

  private VietnameseText() {}

  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    // Most values are already clean: one scan decides, and only the others pay for the
    // normaliser and the regex (both showed in the benchmark's profile of the mapping).
    boolean spaces = raw.isEmpty() || raw.charAt(0) == ' ' || raw.charAt(raw.length() - 1) == ' ';
    boolean combining = false;
    char previous = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      spaces |= c < ' ' || c == '\u00A0' || c == '\u200B' || (c == ' ' && previous == ' ');
      // Below U+0300 nothing composes, and the precomposed letters of Latin Extended Additional
      // (ầ, ễ, ợ, ữ: most Vietnamese vowels with tones) are NFC in any context: text made only of
      // those is NFC already. A combining mark after them is outside both ranges.
      combining |= c >= '\u0300' && (c < '\u1E00' || c > '\u1EFF');
      previous = c;
    }
    String nfc =
        !combining || Normalizer.isNormalized(raw, Normalizer.Form.NFC)
            ? raw
            : Normalizer.normalize(raw, Normalizer.Form.NFC);
    if (!spaces) {
      return nfc;
    }
    String clean = SPACES.matcher(nfc).replaceAll(" ").trim();
    return clean.isEmpty() ? null : clean;
  }
}
