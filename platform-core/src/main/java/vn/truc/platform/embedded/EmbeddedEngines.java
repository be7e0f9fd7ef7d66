package vn.truc.platform.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import vn.truc.platform.demo.CivilServantGenerator;

/**
 * Starts what the configuration does not point elsewhere: a PostgreSQL for the platform's state
 * unless {@code spring.datasource.url} is set, a Kafka broker unless {@code
 * spring.kafka.bootstrap-servers} is set, and with {@code truc.demo.enabled} the demo agency
 * databases. It runs before the application context exists, so every bean sees ordinary properties
 * and nothing in the code knows whether the engines are embedded.
 */
public class EmbeddedEngines implements EnvironmentPostProcessor, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngines.class);

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    if (!env.getProperty("truc.embedded.enabled", Boolean.class, true)) {
      return;
    }
    boolean demo = env.getProperty("truc.demo.enabled", Boolean.class, false);
    boolean needPostgres = !env.containsProperty("spring.datasource.url");
    boolean needKafka = !env.containsProperty("spring.kafka.bootstrap-servers");
    if (!needPostgres && !needKafka && !demo) {
      return;
    }
    Path dataDir = Path.of(env.getProperty("truc.data-dir", "./data")).toAbsolutePath().normalize();
    EmbeddedRuntime runtime = new EmbeddedRuntime(dataDir);
    try {
      EmbeddedPostgresServer postgres = null;
      if (needPostgres) {
        int port = env.getProperty("truc.embedded.postgres.port", Integer.class, 15432);
        postgres = runtime.started(EmbeddedPostgresServer.start(dataDir.resolve("postgres"), port));
        postgres.createDatabase("truc");
        runtime.set("spring.datasource.url", postgres.jdbcUrl("truc"));
        runtime.set("spring.datasource.username", EmbeddedPostgresServer.USER);
        runtime.set("spring.datasource.password", "");
        LOG.info("Embedded PostgreSQL on port {}, data in {}", port, dataDir.resolve("postgres"));
      }
      if (needKafka) {
        int port = env.getProperty("truc.embedded.kafka.port", Integer.class, 19092);
        int controller =
            env.getProperty("truc.embedded.kafka.controller-port", Integer.class, 19093);
        EmbeddedKafkaBroker kafka =
            runtime.started(new EmbeddedKafkaBroker(dataDir.resolve("kafka"), port, controller));
        kafka.start();
        runtime.set("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        LOG.info(
            "Embedded Kafka (KRaft) on {}, data in {}",
            kafka.bootstrapServers(),
            dataDir.resolve("kafka"));
      }
      if (demo) {
        startDemoDatabases(env, runtime, postgres, dataDir);
      }
    } catch (Exception e) {
      runtime.destroy();
      throw new IllegalStateException("Cannot start the embedded engines: " + e.getMessage(), e);
    }
    env.getPropertySources().addFirst(new MapPropertySource("truc-embedded", runtime.properties()));
    // Registered before any other bean, so destroyed after all of them (DataSource, Camel).
    app.addInitializers(
        ctx -> {
          ctx.getBeanFactory().registerSingleton("trucEmbeddedRuntime", runtime);
          ((DefaultSingletonBeanRegistry) ctx.getBeanFactory())
              .registerDisposableBean("trucEmbeddedRuntime", runtime);
        });
    app.addListeners(
        (ApplicationListener<ApplicationFailedEvent>)
            event -> {
              ConfigurableApplicationContext ctx = event.getApplicationContext();
              if (ctx == null || !ctx.isActive()) {
                runtime.destroy();
              }
            });
  }

  private static void startDemoDatabases(
      ConfigurableEnvironment env,
      EmbeddedRuntime runtime,
      EmbeddedPostgresServer postgres,
      Path dataDir)
      throws Exception {
    int port = env.getProperty("truc.demo.province.port", Integer.class, 13306);
    EmbeddedMariaDb province =
        runtime.started(
            EmbeddedMariaDb.start(
                dataDir.resolve("demo-province-mariadb"),
                port,
                env.getProperty("truc.demo.province.persistent", Boolean.class, true)));
    province.createDatabase("province_hr");
    String provinceUrl = province.jdbcUrl("province_hr");
    try (Connection c = DriverManager.getConnection(provinceUrl, EmbeddedMariaDb.USER, "");
        Statement s = c.createStatement()) {
      s.execute(CivilServantGenerator.provinceDdl());
    }
    runtime.set("truc.demo.province.jdbc-url", provinceUrl);
    if (postgres == null) {
      throw new IllegalStateException(
          "The demo needs the embedded PostgreSQL for the ministry database: unset"
              + " spring.datasource.url or disable truc.demo.enabled");
    }
    postgres.createDatabase("bnv");
    String ministryUrl = postgres.jdbcUrl("bnv");
    try (Connection c = DriverManager.getConnection(ministryUrl, EmbeddedPostgresServer.USER, "");
        Statement s = c.createStatement()) {
      s.execute(CivilServantGenerator.ministryDdl());
    }
    runtime.set("truc.demo.ministry.jdbc-url", ministryUrl);
    if (!env.containsProperty("truc.flows[0]")) {
      runtime.set("truc.flows[0]", "classpath:demo/flows.yaml");
    }
    LOG.info(
        "Demo province HR database (MariaDB) at {}; ministry database at {}",
        provinceUrl,
        ministryUrl);
  }
}
