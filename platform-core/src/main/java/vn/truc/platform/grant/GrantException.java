package vn.truc.platform.grant;

import java.util.List;
import vn.truc.connector.api.ConfigProblem;

/** A grant request or decision the platform refuses, with the API status it answers. */
public final class GrantException extends RuntimeException {

  /** 404, 409 or 422. */
  public enum Kind {
    UNKNOWN,
    CONFLICT,
    INVALID
  }

  private final Kind kind;
  private final List<ConfigProblem> problems;

  public GrantException(Kind kind, String message, List<ConfigProblem> problems) {
    super(message);
    this.kind = kind;
    this.problems = List.copyOf(problems);
  }

  static GrantException unknown(String id) {
    return new GrantException(Kind.UNKNOWN, "no grant has the id '" + id + "'", List.of());
  }

  static GrantException conflict(String message) {
    return new GrantException(Kind.CONFLICT, message, List.of());
  }

  public Kind kind() {
    return kind;
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
