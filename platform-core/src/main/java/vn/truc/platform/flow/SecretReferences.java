package vn.truc.platform.flow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.truc.connector.api.ConfigProblem;

/**
 * Secrets are given by reference, never stored or echoed: {@code ${env:NAME}} reads an environment
 * variable, {@code ${file:/run/secrets/x}} a file (trimmed), so a definition can be shown, exported
 * and kept in version control without its passwords.
 */
final class SecretReferences {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]+)}");

  private final UnaryOperator<String> environment;

  SecretReferences(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  static SecretReferences system() {
    return new SecretReferences(System::getenv);
  }

  /** The settings with every reference replaced by its value; problems for those that fail. */
  Map<String, Object> resolve(Map<String, Object> settings, List<ConfigProblem> problems) {
    Map<String, Object> resolved = new LinkedHashMap<>();
    settings.forEach(
        (name, value) -> {
          if (!(value instanceof String text)) {
            resolved.put(name, value);
            return;
          }
          Matcher m = REFERENCE.matcher(text);
          StringBuilder out = new StringBuilder();
          while (m.find()) {
            String replacement = lookup(m.group(1), m.group(2).trim());
            if (replacement == null) {
              problems.add(
                  new ConfigProblem(
                      name,
                      m.group(1).equals("env")
                          ? "environment variable " + m.group(2) + " is not set"
                          : "secret file " + m.group(2) + " cannot be read"));
              replacement = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
          }
          m.appendTail(out);
          if (out.toString().contains("${")) {
            problems.add(new ConfigProblem(name, "has an unresolved placeholder: " + text));
          }
          resolved.put(name, out.toString());
        });
    return resolved;
  }

  static boolean isReference(Object value) {
    return value instanceof String s && REFERENCE.matcher(s).matches();
  }

  private String lookup(String type, String name) {
    if (type.equals("env")) {
      return environment.apply(name);
    }
    try {
      return Files.readString(Path.of(name), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return null;
    }
  }
}
