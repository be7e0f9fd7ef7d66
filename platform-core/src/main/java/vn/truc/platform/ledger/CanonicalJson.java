package vn.truc.platform.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The one serialization the ledger hashes and signs: JSON canonicalized as RFC 8785 (JCS) says, for
 * the values the ledger holds (objects with text keys, arrays, text, integers, booleans, null).
 * Members are sorted by key, there is no whitespace, text is UTF-8 with only {@code "}, {@code \}
 * and control characters escaped. An auditor reproduces it without Trục: in Python, {@code
 * json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()} gives the same
 * bytes for these values.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  public static byte[] bytes(Object value) {
    return write(value).getBytes(StandardCharsets.UTF_8);
  }

  public static String write(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      out.append(((Number) value).longValue());
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Map<?, ?> map) {
      // JCS sorts by UTF-16 code units, which is exactly String.compareTo.
      List<String> keys = new ArrayList<>(map.size());
      for (Object k : map.keySet()) {
        if (!(k instanceof String s)) {
          throw new IllegalArgumentException("canonical JSON keys are text, not " + k);
        }
        keys.add(s);
      }
      keys.sort(null);
      out.append('{');
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        string(out, keys.get(i));
        out.append(':');
        write(out, map.get(keys.get(i)));
      }
      out.append('}');
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(out, item);
      }
      out.append(']');
    } else {
      // Fractions have several spellings; the ledger holds none, so none is let in.
      throw new IllegalArgumentException(
          "canonical JSON of the ledger holds text, integers, booleans, null, arrays and objects,"
              + " not "
              + value.getClass().getName());
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
