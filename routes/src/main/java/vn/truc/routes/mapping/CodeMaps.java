package vn.truc.routes.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Code lists declared as data: {@code codes/<EnumName>.properties} maps the values provinces write
 * (after NFC and case folding) to contract symbols. Adding a spelling is a data change.
 */
public final class CodeMaps {

  private final Map<String, Map<String, String>> maps = new ConcurrentHashMap<>();

  /** The contract symbol for a source value, if the code map for {@code enumName} knows it. */
  public Optional<String> lookup(String enumName, String sourceValue) {
    String value = VietnameseText.normalise(sourceValue);
    if (value == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        maps.computeIfAbsent(enumName, CodeMaps::load).get(value.toLowerCase(Locale.ROOT)));
  }

  private static Map<String, String> load(String enumName) {
    Map<String, String> map = new HashMap<>();
    try (InputStream in =
        CodeMaps.class.getResourceAsStream("/codes/" + enumName + ".properties")) {
      if (in == null) {
        return map;
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      p.forEach(
          (k, v) ->
              map.put(
                  VietnameseText.normalise(k.toString()).toLowerCase(Locale.ROOT),
                  v.toString().trim()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return map;
  }
}
