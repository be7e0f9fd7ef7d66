package vn.truc.connector.api;

/** A kind of source (JDBC polling, CDC, file drop): its settings and how to make one. */
public interface SourceKind {

  /** The name used in definitions, e.g. {@code jdbc-polling}. */
  String name();

  ConfigDef config();

  SourceConnector create(ConnectorConfig config);
}
