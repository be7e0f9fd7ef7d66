package vn.truc.platform.it;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The outage contract on containers, the ministry on a PostgreSQL container of its own; skipped
 * without Docker. The container is stopped and started again (not removed), on a fixed host port so
 * that the platform's JDBC URL stays valid.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerSinkOutageIT extends SinkOutageContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new ContainerTestEngines();
  }

  @Override
  protected MinistryServer startMinistryServer(TestEngines engines) throws Exception {
    return new Server(engines.postgresUser(), engines.postgresPassword());
  }

  private static final class Server implements MinistryServer {

    private static final int POSTGRES_PORT = 5432;

    private final int hostPort;
    private final PostgreSQLContainer postgres;

    Server(String user, String password) throws Exception {
      int port = PlatformProcess.freePort();
      hostPort = port;
      postgres =
          new PostgreSQLContainer("postgres:17")
              .withUsername(user)
              .withPassword(password)
              .withCreateContainerCmdModifier(
                  cmd ->
                      cmd.getHostConfig()
                          .withPortBindings(
                              new PortBinding(
                                  Ports.Binding.bindPort(port), new ExposedPort(POSTGRES_PORT))));
      postgres.start();
    }

    private String url(String database) {
      return "jdbc:postgresql://" + postgres.getHost() + ":" + hostPort + "/" + database;
    }

    @Override
    public String database(String name) throws Exception {
      try (Connection c =
              DriverManager.getConnection(
                  url("postgres"), postgres.getUsername(), postgres.getPassword());
          Statement s = c.createStatement()) {
        if (!s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next()) {
          s.execute("CREATE DATABASE \"" + name + "\"");
        }
      }
      return url(name);
    }

    @Override
    public void stop() {
      // The image stops PostgreSQL with SIGINT (fast shutdown): clients are disconnected.
      postgres.getDockerClient().stopContainerCmd(postgres.getContainerId()).exec();
    }

    @Override
    public void start() {
      postgres.getDockerClient().startContainerCmd(postgres.getContainerId()).exec();
      await("ministry container accepting connections")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(
              () -> {
                try (Connection c =
                    DriverManager.getConnection(
                        url("postgres"), postgres.getUsername(), postgres.getPassword())) {
                  return c.isValid(2);
                }
              });
    }

    @Override
    public void close() {
      postgres.stop();
    }
  }
}
