package vn.truc.connector.cdc;

import java.net.URI;

/**
 * Host, port and database of a JDBC URL: Debezium asks for them separately, while every Trục JDBC
 * connector is configured with one URL.
 */
record Database(String host, int port, String name) {

  static Database of(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException("not a JDBC URL: " + jdbcUrl);
    }
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the JDBC URL names no host: " + jdbcUrl);
    }
    int port = uri.getPort();
    if (port < 0) {
      port = "postgresql".equals(uri.getScheme()) ? 5432 : 3306;
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String name = path.startsWith("/") ? path.substring(1) : path;
    return new Database(uri.getHost(), port, name);
  }
}
