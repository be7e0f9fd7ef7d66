package vn.truc.connector.api;

import java.util.List;

/** A definition with problems; carries all of them so an API can answer with the full list. */
public final class InvalidConfigException extends IllegalArgumentException {

  private final List<ConfigProblem> problems;

  public InvalidConfigException(List<ConfigProblem> problems) {
    super("Invalid connector settings: " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
