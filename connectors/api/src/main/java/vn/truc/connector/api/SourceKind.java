package vn.truc.connector.api;

/** A kind of source (JDBC polling, CDC, file drop): its settings and how to make one. */
public interface SourceKind {

  /** The name used in definitions, e.g. {@code jdbc-polling}. */
  String name();

  ConfigDef config();

  SourceConnector create(ConnectorConfig config);

  /**
   * Checks against the live source that the settings work and that the columns exist, before
   * anything runs; every problem names its field.
   *
   * @param columns the source columns a mapping reads
   */
  default java.util.List<ConfigProblem> check(
      ConnectorConfig config, java.util.Set<String> columns) {
    return java.util.List.of();
  }

  /**
   * Why {@code position} cannot be where a connector of this kind resumes, or empty when it can:
   * checked before an operator's offset move is saved, so that a mistyped position is refused with
   * its reason instead of failing the connector afterwards.
   */
  default java.util.Optional<String> positionProblem(ConnectorConfig config, String position) {
    return java.util.Optional.empty();
  }

  /**
   * The types of the given columns in the live source, for checking that a mapping is convertible;
   * empty where the source cannot tell (a column missing from the answer is not checked).
   */
  default java.util.Map<String, ValueType> columnTypes(
      ConnectorConfig config, java.util.Set<String> columns) {
    return java.util.Map.of();
  }
}
