package vn.truc.connector.api;

/** What is wrong with one field of a definition, in words a provincial IT officer can act on. */
public record ConfigProblem(String field, String reason) {
  @Override
  public String toString() {
    return field + ": " + reason;
  }
}
