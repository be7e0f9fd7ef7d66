package vn.truc.platform.it;

/**
 * The real engines an integration test runs against. Two implementations, one test code: the
 * embedded engines (always available) and Testcontainers (where Docker exists).
 */
public interface TestEngines extends AutoCloseable {

  String kafkaBootstrapServers();

  /** Creates the PostgreSQL database if needed and returns its JDBC URL. */
  String postgresDatabase(String name) throws Exception;

  String postgresUser();

  String postgresPassword();

  /** Creates the MariaDB database if needed and returns its JDBC URL. */
  String mariaDbDatabase(String name) throws Exception;

  String mariaDbUser();

  String mariaDbPassword();
}
