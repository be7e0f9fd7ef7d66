package vn.truc.platform.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.truc.platform.TrucApplication;
import vn.truc.platform.demo.CivilServantGenerator;

/**
 * The demo flow's databases on a set of test engines, and the platform started against them through
 * the standard properties only: what an operator does with an external Kafka and PostgreSQL.
 */
record TestPlatform(
    TestEngines engines, String platformUrl, String provinceUrl, String ministryUrl) {

  static TestPlatform prepare(TestEngines engines) throws Exception {
    TestPlatform t =
        new TestPlatform(
            engines,
            engines.postgresDatabase("truc"),
            engines.mariaDbDatabase("province_hr"),
            engines.postgresDatabase("bnv"));
    try (Connection p = t.provinceDb();
        Connection m = t.ministryDb();
        Statement ps = p.createStatement();
        Statement ms = m.createStatement()) {
      ps.execute(CivilServantGenerator.provinceDdl());
      ms.execute(CivilServantGenerator.ministryDdl());
    }
    return t;
  }

  ConfigurableApplicationContext start() {
    return start(new String[0]);
  }

  /**
   * The platform on these engines with no flow defined: a test registers its own through the API.
   */
  ConfigurableApplicationContext startWithoutFlows(String... moreArguments) {
    String[] base = {
      "--spring.datasource.url=" + platformUrl,
      "--spring.datasource.username=" + engines.postgresUser(),
      "--spring.datasource.password=" + engines.postgresPassword(),
      "--spring.kafka.bootstrap-servers=" + engines.kafkaBootstrapServers(),
      "--server.port=0"
    };
    String[] all = Arrays.copyOf(base, base.length + moreArguments.length);
    System.arraycopy(moreArguments, 0, all, base.length, moreArguments.length);
    return new SpringApplicationBuilder(TrucApplication.class).run(all);
  }

  /** Starts the platform with more settings, given as {@code --name=value} arguments. */
  ConfigurableApplicationContext start(String... moreArguments) {
    String[] base = arguments();
    String[] all = Arrays.copyOf(base, base.length + moreArguments.length);
    System.arraycopy(moreArguments, 0, all, base.length, moreArguments.length);
    // As command-line arguments: they outrank application.yml, as an operator's flags do.
    return new SpringApplicationBuilder(TrucApplication.class).run(all);
  }

  /**
   * The platform's command line against these databases, the same for the platform in this JVM and
   * for the platform jar run as a process.
   */
  String[] arguments() {
    return properties().entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }

  private Map<String, Object> properties() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("spring.datasource.url", platformUrl);
    props.put("spring.datasource.username", engines.postgresUser());
    props.put("spring.datasource.password", engines.postgresPassword());
    props.put("spring.kafka.bootstrap-servers", engines.kafkaBootstrapServers());
    props.put("truc.flows[0]", "classpath:demo/flows.yaml");
    props.put("truc.demo.province.jdbc-url", provinceUrl);
    props.put("truc.demo.province.user", engines.mariaDbUser());
    props.put("truc.demo.province.password", engines.mariaDbPassword());
    props.put("truc.demo.ministry.jdbc-url", ministryUrl);
    props.put("truc.demo.ministry.user", engines.postgresUser());
    props.put("truc.demo.ministry.password", engines.postgresPassword());
    props.put("server.port", "0");
    return props;
  }

  static String baseUrl(ConfigurableApplicationContext app) {
    return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }

  /** Inserts generated civil servants number {@code from} to {@code from + count - 1}. */
  void hire(CivilServantGenerator g, long from, int count) throws SQLException {
    try (Connection c = provinceDb()) {
      g.insert(c, from, count);
    }
  }

  Connection provinceDb() throws SQLException {
    return DriverManager.getConnection(
        provinceUrl, engines.mariaDbUser(), engines.mariaDbPassword());
  }

  Connection ministryDb() throws SQLException {
    return DriverManager.getConnection(
        ministryUrl, engines.postgresUser(), engines.postgresPassword());
  }

  Connection platformDb() throws SQLException {
    return DriverManager.getConnection(
        platformUrl, engines.postgresUser(), engines.postgresPassword());
  }
}
