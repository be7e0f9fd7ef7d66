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
    String nfc =
        Normalizer.isNormalized(raw, Normalizer.Form.NFC)
            ? raw
            : Normalizer.normalize(raw, Normalizer.Form.NFC);
    String clean = SPACES.matcher(nfc).replaceAll(" ").trim();
    return clean.isEmpty() ? null : clean;
  }
}
