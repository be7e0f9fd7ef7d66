package vn.truc.connector.api;

import java.util.List;

/** A kind of sink (JDBC upsert, HTTP): its settings and how to make one. */
public interface SinkKind {

  String name();

  ConfigDef config();

  /**
   * @param columns the receiver's data columns the sink writes, besides key and version
   */
  SinkConnector create(ConnectorConfig config, List<TargetColumn> columns);

  /** Checks against the live target that the settings work and the columns exist. */
  default List<ConfigProblem> check(ConnectorConfig config, List<TargetColumn> columns) {
    return List.of();
  }
}
