package vn.truc.platform.flow;

import java.util.List;
import vn.truc.connector.api.ConfigProblem;

/** A definition that cannot run, with every problem named by its field. */
public final class InvalidDefinitionException extends RuntimeException {

  private final List<ConfigProblem> problems;

  public InvalidDefinitionException(String id, List<ConfigProblem> problems) {
    super("Definition '" + id + "' has " + problems.size() + " problem(s): " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
