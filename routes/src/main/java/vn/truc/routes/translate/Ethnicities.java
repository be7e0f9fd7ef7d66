package vn.truc.routes.translate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The 54 ethnic groups of Vietnam (dân tộc) and their two-digit codes (01 Kinh ... 54 Rơ-măm), as
 * data in {@code codes/Ethnicity.properties}: names as provinces write them -> code.
 *
 * <p>A name matches whatever its case, spacing, hyphens, apostrophes, brackets and Vietnamese
 * diacritics, and with a leading "dân tộc" or "người": "Ê Đê", "Ê-đê", "ÊĐÊ", "ede" and "Dân tộc
 * Ê-đê" all give 12. A value that already is a code ("08", also "8" from a numeric column) gives
 * the zero-padded code. Loaded once; immutable; thread-safe.
 */
public final class Ethnicities {

  static final String RESOURCE = "/codes/Ethnicity.properties";

  private static final String[] PREFIXES = {"dantoc", "nguoi"};

  private static final class Standard {
    static final Ethnicities INSTANCE = new Ethnicities(load());
  }

  private final Map<String, String> byFoldedName;
  private final Set<String> codes;

  private Ethnicities(Properties names) {
    Map<String, String> map = new HashMap<>();
    Set<String> all = new TreeSet<>();
    for (String name : names.stringPropertyNames()) {
      String code = names.getProperty(name).trim();
      if (code.length() != 2
          || !Character.isDigit(code.charAt(0))
          || !Character.isDigit(code.charAt(1))) {
        throw new IllegalStateException(RESOURCE + ": '" + name + "' maps to '" + code + "'");
      }
      String key = fold(name);
      String other = map.put(key, code);
      if (key.isEmpty() || (other != null && !other.equals(code))) {
        throw new IllegalStateException(
            RESOURCE + ": '" + name + "' cannot be told apart from a name of group " + other);
      }
      all.add(code);
    }
    this.byFoldedName = Map.copyOf(map);
    this.codes = Set.copyOf(all);
  }

  /** The list shipped with the project. */
  public static Ethnicities standard() {
    return Standard.INSTANCE;
  }

  /** The codes of the list: "01" ... "54". */
  public Set<String> codes() {
    return codes;
  }

  /**
   * The code of a group from its name or code as a province writes it; empty for a value that is
   * neither (including blank or null).
   */
  public Optional<String> code(String nameOrCode) {
    if (nameOrCode == null) {
      return Optional.empty();
    }
    String value = nameOrCode.trim();
    if (!value.isEmpty() && value.length() <= 2 && isDigits(value)) {
      String code = value.length() == 2 ? value : "0" + value;
      return codes.contains(code) ? Optional.of(code) : Optional.empty();
    }
    return Optional.ofNullable(byFoldedName.get(fold(value)));
  }

  /** Whether {@code value} is one of the 54 codes exactly as the contract holds it ("01"). */
  public boolean isCode(String value) {
    return value != null && codes.contains(value);
  }

  /**
   * The matching key of a name: lower case, ASCII letters and digits only (diacritics dropped, đ as
   * d), without a leading "dân tộc" or "người".
   */
  static String fold(String name) {
    String ascii;
    if (isAsciiAlnum(name)) {
      ascii = name.toLowerCase(java.util.Locale.ROOT);
    } else {
      String nfd = Normalizer.normalize(name, Normalizer.Form.NFD);
      StringBuilder b = new StringBuilder(nfd.length());
      for (int i = 0; i < nfd.length(); i++) {
        char c = nfd.charAt(i);
        if (c == 'đ' || c == 'Đ') {
          b.append('d');
        } else if (c < 128 && Character.isLetterOrDigit(c)) {
          b.append(Character.toLowerCase(c));
        }
      }
      ascii = b.toString();
    }
    for (String prefix : PREFIXES) {
      if (ascii.startsWith(prefix) && ascii.length() > prefix.length()) {
        return ascii.substring(prefix.length());
      }
    }
    return ascii;
  }

  private static boolean isAsciiAlnum(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 128 || !Character.isLetterOrDigit(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static Properties load() {
    try (InputStream in = Ethnicities.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
