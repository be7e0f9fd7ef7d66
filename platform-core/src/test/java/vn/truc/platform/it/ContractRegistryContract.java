package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.truc.platform.demo.CivilServantGenerator;
import vn.truc.platform.security.Role;
import vn.truc.platform.security.TokenMinter;
import vn.truc.schemas.ContractCatalog;

/**
 * The contract registry as Confluent Schema Registry clients use it, and a standard client not
 * written for Trục (KafkaJS with @kafkajs/confluent-schema-registry) decoding Trục's topic.
 */
abstract class ContractRegistryContract extends EnginesContract {

  private static final String MEDIA = "application/vnd.schemaregistry.v1+json";
  private static final String SUBJECT = "truc.civilservant.v1-value";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int HIRES = 50;

  private TestPlatform platform;
  private ConfigurableApplicationContext app;
  private final HttpClient http = HttpClient.newHttpClient();
  private String adminToken;

  @BeforeAll
  void startPlatformWithRecordsFlowing() throws Exception {
    platform = TestPlatform.prepare(engines());
    platform.hire(new CivilServantGenerator(11), 1, HIRES);
    app = platform.start();
    adminToken = TestTokens.platformAdmin(app);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> count("SELECT COUNT(*) FROM civil_servant") == HIRES);
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void servesTheContractSchemaUnderItsSubjectAndId() throws Exception {
    assertThat(get("/subjects").get(200))
        .anySatisfy(s -> assertThat(s.asText()).isEqualTo(SUBJECT));
    var contract = ContractCatalog.standard().get("CivilServant");
    int published = contract.versions().size();
    assertThat(get("/subjects/" + SUBJECT + "/versions").get(200).toString())
        .as("every published version, in order")
        .isEqualTo(
            java.util.stream.IntStream.rangeClosed(1, published)
                .boxed()
                .toList()
                .toString()
                .replace(" ", ""));
    JsonNode latest = get("/subjects/" + SUBJECT + "/versions/latest").get(200);
    assertThat(latest.get("subject").asText()).isEqualTo(SUBJECT);
    assertThat(latest.get("version").asInt()).isEqualTo(published);
    JsonNode byId = get("/schemas/ids/" + latest.get("id").asInt()).get(200);
    assertThat(new org.apache.avro.Schema.Parser().parse(byId.get("schema").asText()))
        .isEqualTo(contract.schema());
    JsonNode first = get("/subjects/" + SUBJECT + "/versions/1").get(200);
    assertThat(new org.apache.avro.Schema.Parser().parse(first.get("schema").asText()))
        .isEqualTo(contract.versions().get(0));
    assertThat(get("/subjects").get(200).toString())
        .contains("truc.citizen.v1-value", "truc.administrativeunit.v1-value");
  }

  @Test
  void registersACompatibleVersionOnceAndRefusesABreakingOneNamingTheField() throws Exception {
    String subject = "registry-test-value";
    String v1 = record("{\"name\":\"personalId\",\"type\":\"string\"}");
    String v2 =
        record(
            "{\"name\":\"personalId\",\"type\":\"string\"},"
                + "{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}");
    String breaking =
        record(
            "{\"name\":\"personalId\",\"type\":\"string\"},{\"name\":\"phone\",\"type\":\"string\"}");

    int id1 = post("/subjects/" + subject + "/versions", v1).get(200).get("id").asInt();
    int id2 = post("/subjects/" + subject + "/versions", v2).get(200).get("id").asInt();
    assertThat(post("/subjects/" + subject + "/versions", v2).get(200).get("id").asInt())
        .as("registering the same schema again returns its id")
        .isEqualTo(id2);
    assertThat(id2).isNotEqualTo(id1);

    JsonNode refused = post("/subjects/" + subject + "/versions", breaking).get(409);
    assertThat(refused.get("error_code").asInt()).isEqualTo(409);
    assertThat(refused.get("message").asText()).contains("phone");

    JsonNode check =
        post("/compatibility/subjects/" + subject + "/versions/latest?verbose=true", breaking)
            .get(200);
    assertThat(check.get("is_compatible").asBoolean()).isFalse();
    assertThat(check.get("messages").toString()).contains("phone");
    assertThat(
            post("/compatibility/subjects/" + subject + "/versions/1", v2)
                .get(200)
                .get("is_compatible")
                .asBoolean())
        .isTrue();

    JsonNode found = post("/subjects/" + subject, v1).get(200);
    assertThat(found.get("version").asInt()).isEqualTo(1);
    assertThat(found.get("id").asInt()).isEqualTo(id1);
  }

  @Test
  void compatibilityConfigIsGlobalWithSubjectOverrides() throws Exception {
    assertThat(get("/config").get(200).get("compatibilityLevel").asText())
        .isEqualTo("BACKWARD_TRANSITIVE");
    JsonNode none = get("/config/" + SUBJECT).get(404);
    assertThat(none.get("error_code").asInt()).isEqualTo(40408);
    assertThat(
            get("/config/" + SUBJECT + "?defaultToGlobal=true")
                .get(200)
                .get("compatibilityLevel")
                .asText())
        .isEqualTo("BACKWARD_TRANSITIVE");

    assertThat(
            put("/config/other-value", "{\"compatibility\":\"FULL\"}")
                .get(200)
                .get("compatibility")
                .asText())
        .isEqualTo("FULL");
    assertThat(get("/config/other-value").get(200).get("compatibilityLevel").asText())
        .isEqualTo("FULL");
    assertThat(
            put("/config/other-value", "{\"compatibility\":\"SOMETIMES\"}")
                .get(422)
                .get("error_code")
                .asInt())
        .isEqualTo(42203);
  }

  @Test
  void errorsHaveConfluentCodesAndTheRegistryMediaType() throws Exception {
    Response missing = send(HttpRequest.newBuilder(uri("/subjects/nobody-value/versions")).GET());
    assertThat(missing.status).isEqualTo(404);
    assertThat(missing.contentType).startsWith(MEDIA);
    assertThat(missing.json.get("error_code").asInt()).isEqualTo(40401);

    assertThat(get("/schemas/ids/999999").get(404).get("error_code").asInt()).isEqualTo(40403);
    assertThat(get("/subjects/" + SUBJECT + "/versions/7").get(404).get("error_code").asInt())
        .isEqualTo(40402);
    assertThat(get("/subjects/" + SUBJECT + "/versions/zero").get(422).get("error_code").asInt())
        .isEqualTo(42202);
    JsonNode invalid = post("/subjects/x-value/versions", "{\"type\": \"recrd\"}").get(422);
    assertThat(invalid.get("error_code").asInt()).isEqualTo(42201);
  }

  @Test
  void readsNeedAnyTokenAndWritesAPlatformAdministratorsInConfluentsErrorShape() throws Exception {
    Response anonymous =
        send(HttpRequest.newBuilder(uri("/subjects")).header("Accept", MEDIA).GET(), null);
    assertThat(anonymous.status).isEqualTo(401);
    assertThat(anonymous.json.get("error_code").asInt()).isEqualTo(40101);
    assertThat(anonymous.json.get("message").asText()).contains("bearer token");

    var minter = TestTokens.minter(TestTokens.keyFile(app));
    String subscriber =
        minter.mint(
            TokenMinter.Claims.valid(
                "bnv-reader", "BNV", List.of(Role.SUBSCRIBER), Duration.ofMinutes(5)));
    assertThat(
            send(HttpRequest.newBuilder(uri("/subjects")).header("Accept", MEDIA).GET(), subscriber)
                .get(200))
        .anySatisfy(s -> assertThat(s.asText()).isEqualTo(SUBJECT));

    String agencyAdmin =
        minter.mint(
            TokenMinter.Claims.valid(
                "p37-it", "P37", List.of(Role.AGENCY_ADMIN), Duration.ofMinutes(5)));
    String body =
        JSON.writeValueAsString(
            Map.of("schema", record("{\"name\":\"personalId\",\"type\":\"string\"}")));
    Response refused =
        send(
            HttpRequest.newBuilder(uri("/subjects/not-mine-value/versions"))
                .header("Content-Type", MEDIA)
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            agencyAdmin);
    assertThat(refused.status).isEqualTo(403);
    assertThat(refused.json.get("error_code").asInt()).isEqualTo(40301);
    assertThat(get("/subjects/not-mine-value/versions").get(404).get("error_code").asInt())
        .as("nothing was registered")
        .isEqualTo(40401);
  }

  @Test
  void aStandardClientNotWrittenForTrucDecodesTheTopic() throws Exception {
    Path node = onPath("node");
    Path npm = onPath("npm");
    assumeThat(node).as("Node.js is needed for this test (.ci/run installs it)").isNotNull();
    Path dir = Path.of("target", "interop");
    Files.createDirectories(dir);
    for (String f : List.of("package.json", "package-lock.json", "decode.mjs")) {
      Files.copy(
          Path.of("src", "test", "interop", f),
          dir.resolve(f),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    run(dir, 300, npm.toString(), "ci", "--no-audit", "--no-fund", "--ignore-scripts");
    String out =
        run(
            dir,
            90,
            Map.of("TRUC_TOKEN", adminToken),
            node.toString(),
            "decode.mjs",
            engines().kafkaBootstrapServers(),
            TestPlatform.baseUrl(app),
            "truc.civilservant.v1",
            String.valueOf(HIRES));

    Map<String, String> decoded = new HashMap<>();
    for (String line : out.lines().filter(l -> l.startsWith("{")).toList()) {
      JsonNode r = JSON.readTree(line);
      assertThat(r.get("key").asText()).isEqualTo(r.get("personalId").asText());
      decoded.put(r.get("personalId").asText(), r.get("fullName").asText());
    }
    Map<String, String> atProvince = new HashMap<>();
    try (var c = platform.provinceDb();
        ResultSet rs =
            c.createStatement().executeQuery("SELECT SO_CCCD, HO_TEN FROM CB_CONG_CHUC")) {
      while (rs.next()) {
        atProvince.put(rs.getString(1), rs.getString(2));
      }
    }
    assertThat(decoded).hasSize(HIRES).isEqualTo(atProvince);
  }

  // --- HTTP helpers ---

  private record Response(int status, String contentType, JsonNode json) {
    JsonNode get(int expected) {
      assertThat(status).as("HTTP status, body %s", json).isEqualTo(expected);
      return json;
    }
  }

  private Response get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", MEDIA).GET());
  }

  private Response post(String path, String schema) throws Exception {
    String body = JSON.writeValueAsString(Map.of("schema", schema));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", MEDIA)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Response put(String path, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", MEDIA)
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Response send(HttpRequest.Builder request) throws Exception {
    return send(request, adminToken);
  }

  /** With {@code token} as the bearer token, or none if null. */
  private Response send(HttpRequest.Builder request, String token) throws Exception {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(
        r.statusCode(),
        r.headers().firstValue("Content-Type").orElse(""),
        r.body().isEmpty() ? null : JSON.readTree(r.body()));
  }

  private URI uri(String path) {
    return URI.create(TestPlatform.baseUrl(app) + path);
  }

  private static String record(String fields) {
    return "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"vn.truc.test\",\"fields\":["
        + fields
        + "]}";
  }

  private long count(String sql) throws Exception {
    try (var c = platform.ministryDb();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Path onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, program);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  private static String run(Path dir, int seconds, String... command)
      throws IOException, InterruptedException, java.util.concurrent.ExecutionException {
    return run(dir, seconds, Map.of(), command);
  }

  private static String run(Path dir, int seconds, Map<String, String> env, String... command)
      throws IOException, InterruptedException, java.util.concurrent.ExecutionException {
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().putAll(env);
    Process p = pb.start();
    // Read on another thread, so that the time limit holds even if the process never closes
    // its output.
    var output =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return e.toString();
              }
            });
    boolean finished = p.waitFor(seconds, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly();
    }
    String out = output.get();
    assertThat(finished)
        .as("%s finished within %d s; output:%n%s", List.of(command), seconds, out)
        .isTrue();
    assertThat(p.exitValue()).as("%s exit code; output:%n%s", List.of(command), out).isZero();
    return out;
  }
}
