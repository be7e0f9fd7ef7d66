package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import vn.truc.platform.TrucApplication;
import vn.truc.platform.security.LocalIssuerKey;
import vn.truc.platform.security.Role;
import vn.truc.platform.security.TokenMinter;

/**
 * Every endpoint of the running platform, as its Spring MVC handler mappings list them, called by
 * each role for a resource of the caller's own agency and of another agency, and without a token:
 * each call must be allowed, or answered 401 or 403, exactly as the roles table of docs/security.md
 * says. The table below is written out independently of the code that enforces it; an endpoint
 * without a row fails the test, so a new endpoint cannot ship unreviewed.
 */
abstract class AuthorizationMatrixContract extends EnginesContract {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every caller is of this agency; "other" resources belong to OTHER. */
  private static final String OWN = "P37";

  private static final String OTHER = "P01";
  private static final String SUBJECT = "truc.civilservant.v1-value";
  private static final String PROBE_SUBJECT = "authz-probe-value";

  /** Who calls: one token per role, plus one with no role the platform knows. */
  enum Who {
    PLATFORM_ADMIN(Role.PLATFORM_ADMIN),
    AGENCY_ADMIN(Role.AGENCY_ADMIN),
    SUBSCRIBER(Role.SUBSCRIBER),
    APPROVER(Role.APPROVER),
    AUDITOR(Role.AUDITOR),
    NO_ROLE(null);

    final Role role;

    Who(Role role) {
      this.role = role;
    }
  }

  enum Side {
    OWN,
    OTHER
  }

  /**
   * Who may make a call: per caller, "AA" = allowed on its own and the other agency's resource,
   * "A-" = its own only, absent = neither; {@code open} = also without a token.
   */
  record Profile(String name, boolean open, Map<Who, String> reach) {
    boolean allowed(Who who, Side side) {
      String r = reach.getOrDefault(who, "--");
      return r.charAt(side == Side.OWN ? 0 : 1) == 'A';
    }
  }

  private static Profile profile(String name, boolean open, Object... whoAndReach) {
    Map<Who, String> reach = new EnumMap<>(Who.class);
    for (int i = 0; i < whoAndReach.length; i += 2) {
      reach.put((Who) whoAndReach[i], (String) whoAndReach[i + 1]);
    }
    return new Profile(name, open, reach);
  }

  private static final Profile OPEN =
      profile(
          "open",
          true,
          Who.PLATFORM_ADMIN,
          "AA",
          Who.AGENCY_ADMIN,
          "AA",
          Who.SUBSCRIBER,
          "AA",
          Who.APPROVER,
          "AA",
          Who.AUDITOR,
          "AA",
          Who.NO_ROLE,
          "AA");
  private static final Profile ANY_TOKEN = new Profile("any token", false, OPEN.reach());
  private static final Profile ADMIN_ONLY =
      profile("platform admin", false, Who.PLATFORM_ADMIN, "AA");
  private static final Profile ADMIN_AUDITOR =
      profile("platform admin, auditor", false, Who.PLATFORM_ADMIN, "AA", Who.AUDITOR, "AA");
  private static final Profile CONNECTORS_READ =
      profile(
          "read connectors",
          false,
          Who.PLATFORM_ADMIN,
          "AA",
          Who.AUDITOR,
          "AA",
          Who.AGENCY_ADMIN,
          "A-",
          Who.APPROVER,
          "A-");
  private static final Profile CONNECTORS_LIST =
      profile(
          "list connectors (filtered)",
          false,
          Who.PLATFORM_ADMIN,
          "AA",
          Who.AUDITOR,
          "AA",
          Who.AGENCY_ADMIN,
          "AA",
          Who.APPROVER,
          "AA");
  private static final Profile CONNECTORS_WRITE =
      profile("change connectors", false, Who.PLATFORM_ADMIN, "AA", Who.AGENCY_ADMIN, "A-");
  private static final Profile CONNECTOR_DEAD_LETTERS =
      profile(
          "read connector dead letters",
          false,
          Who.PLATFORM_ADMIN,
          "AA",
          Who.AUDITOR,
          "AA",
          Who.AGENCY_ADMIN,
          "A-");
  private static final Profile SUBSCRIPTIONS_READ =
      profile(
          "read subscriptions",
          false,
          Who.PLATFORM_ADMIN,
          "AA",
          Who.AUDITOR,
          "AA",
          Who.AGENCY_ADMIN,
          "A-",
          Who.SUBSCRIBER,
          "A-",
          Who.APPROVER,
          "A-");
  private static final Profile SUBSCRIPTIONS_LIST =
      profile(
          "list subscriptions (filtered)",
          false,
          Who.PLATFORM_ADMIN,
          "AA",
          Who.AUDITOR,
          "AA",
          Who.AGENCY_ADMIN,
          "AA",
          Who.SUBSCRIBER,
          "AA",
          Who.APPROVER,
          "AA");
  private static final Profile SUBSCRIPTIONS_WRITE =
      profile("change subscriptions", false, Who.PLATFORM_ADMIN, "AA", Who.AGENCY_ADMIN, "A-");
  private static final Profile SUBSCRIPTION_DEAD_LETTERS =
      profile(
          "read subscription dead letters",
          false,
          Who.PLATFORM_ADMIN,
          "AA",
          Who.AUDITOR,
          "AA",
          Who.AGENCY_ADMIN,
          "A-",
          Who.SUBSCRIBER,
          "A-");

  // Grants are read as subscriptions are: by either of the grant's two agencies (receiver, owner).
  private static final Profile GRANTS_LIST =
      new Profile("list grants (filtered)", false, SUBSCRIPTIONS_LIST.reach());
  private static final Profile GRANTS_READ =
      new Profile("read grants", false, SUBSCRIPTIONS_READ.reach());
  private static final Profile GRANTS_DECIDE =
      profile("decide on grants", false, Who.PLATFORM_ADMIN, "AA", Who.APPROVER, "A-");
  private static final Profile GRANTS_REVOKE =
      profile(
          "revoke grants",
          false,
          Who.PLATFORM_ADMIN,
          "AA",
          Who.APPROVER,
          "A-",
          Who.AGENCY_ADMIN,
          "A-");

  /** One concrete call. */
  record Call(String method, String path, String body, String contentType) {}

  /** A row of the matrix: an endpoint, one way to call it per side, and who may. */
  record Row(String endpoint, String label, Profile profile, Function<Side, Call> call) {}

  private TestPlatform platform;
  private ConfigurableApplicationContext app;
  private PlatformHttp admin;
  private final Map<Who, String> tokens = new EnumMap<>(Who.class);
  private TokenMinter minter;

  @BeforeAll
  void start() throws Exception {
    platform = TestPlatform.prepare(engines());
    List<String> args = new ArrayList<>();
    // The demo's endpoint is part of the API; its flows file is not needed here.
    Arrays.stream(platform.arguments())
        .filter(a -> !a.startsWith("--truc.flows"))
        .forEach(args::add);
    args.add("--truc.data-dir=" + Path.of("target", "authz-it", Long.toString(System.nanoTime())));
    args.add("--truc.embedded.enabled=false");
    args.add("--truc.demo.enabled=true");
    args.add("--truc.demo.activity=false");
    // The callers' own agency decides on CivilServant grants here, so that an approver has an own
    // side; the other side's grant is on Citizen, which the BCA decides on.
    args.add("--truc.grants.owners.CivilServant=" + OWN);
    app = new SpringApplicationBuilder(TrucApplication.class).run(args.toArray(String[]::new));
    minter = TestTokens.minter(TestTokens.keyFile(app));
    for (Who who : Who.values()) {
      tokens.put(
          who,
          minter.mint(
              TokenMinter.Claims.valid(
                  "it-" + who.name().toLowerCase(),
                  OWN,
                  who.role == null ? List.of() : List.of(who.role),
                  Duration.ofHours(1))));
    }
    admin = PlatformHttp.asPlatformAdmin(app);
    ensureFixtures();
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void everyEndpointAnswersEachRoleForItsOwnAndAnotherAgencyAsTheRolesTableSays() throws Exception {
    Set<String> endpoints = endpoints();
    List<Row> rows = rows(endpoints);

    Set<String> withoutRow = new TreeSet<>(endpoints);
    rows.forEach(r -> withoutRow.remove(r.endpoint()));
    assertThat(withoutRow)
        .as(
            "endpoints without a row in the authorisation matrix: add one (and a rule in"
                + " RequestRules, and a line in docs/security.md)")
        .isEmpty();
    Set<String> stale = new TreeSet<>();
    rows.forEach(r -> stale.add(r.endpoint()));
    stale.removeAll(endpoints);
    assertThat(stale).as("matrix rows for endpoints that no longer exist").isEmpty();

    List<String> wrong = new ArrayList<>();
    int calls = 0;
    for (Row row : rows) {
      Call anonymous = row.call().apply(Side.OWN);
      PlatformHttp.Reply reply = send(null, anonymous);
      calls++;
      check(wrong, row, "no token", anonymous, reply, row.profile().open());
      for (Who who : Who.values()) {
        for (Side side : Side.values()) {
          Call call = row.call().apply(side);
          reply = send(tokens.get(who), call);
          calls++;
          check(wrong, row, who + "/" + side, call, reply, row.profile().allowed(who, side));
          if (!call.method().equals("GET") && reply.status() < 300) {
            ensureFixtures();
          }
        }
      }
    }
    assertThat(wrong).as("cells of %d calls that answered otherwise", calls).isEmpty();
    assertThat(calls).isGreaterThan(rows.size() * 12);
  }

  @Test
  void missingExpiredNotYetValidWronglySignedAndForeignTokensAre401() throws Exception {
    Instant now = Instant.now();
    TokenMinter.Claims claims =
        TokenMinter.Claims.valid("it", OWN, List.of(Role.PLATFORM_ADMIN), Duration.ofMinutes(5));
    String valid = minter.mint(claims);
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put(
        "expired",
        minter.mint(
            claims.validBetween(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)))));
    refused.put(
        "not yet valid",
        minter.mint(
            claims.validBetween(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)))));
    refused.put("signed by another key", new TokenMinter(LocalIssuerKey.generate()).mint(claims));
    refused.put("from another issuer", minter.mint(claims.withIssuer("https://idp.example")));
    refused.put("for another audience", minter.mint(claims.withAudience("another-service")));
    refused.put("tampered", valid.substring(0, valid.length() - 6) + "AAAAAA");
    refused.put("not a JWT", "not-a-token");

    for (String path : List.of("/api/agencies", "/api/connectors", "/subjects")) {
      PlatformHttp.Reply missing = send(null, new Call("GET", path, null, null));
      assertThat(missing.status()).as("no token on %s", path).isEqualTo(401);
      assertThat(missing.wwwAuthenticate()).isEqualTo("Bearer realm=\"truc\"");
      assertThat(missing.body().get("error").asText()).contains("bearer token");
      assertThat(missing.body().at("/problems/0/field").asText()).isEqualTo("Authorization");
      for (var e : refused.entrySet()) {
        PlatformHttp.Reply r = send(e.getValue(), new Call("GET", path, null, null));
        assertThat(r.status())
            .as("%s token on %s; body %s", e.getKey(), path, r.body())
            .isEqualTo(401);
        assertThat(r.wwwAuthenticate()).as(e.getKey()).contains("error=\"invalid_token\"");
        assertThat(r.body().get("error").asText()).startsWith("The bearer token was refused");
      }
      assertThat(send(valid, new Call("GET", path, null, null)).status()).isEqualTo(200);
    }
  }

  @Test
  void listsShowEachCallerOnlyWhatItMayRead() throws Exception {
    assertThat(ids(Who.AGENCY_ADMIN, "/api/connectors")).containsExactly("own-hr");
    assertThat(ids(Who.APPROVER, "/api/connectors")).containsExactly("own-hr");
    assertThat(ids(Who.SUBSCRIBER, "/api/subscriptions")).containsExactly("own-feed");
    assertThat(ids(Who.AUDITOR, "/api/subscriptions"))
        .containsExactly("other-citizen", "other-feed", "own-feed");
    // Grants concerning the caller's agency, as receiver or (here, for CivilServant) as owner.
    assertThat(ids(Who.SUBSCRIBER, "/api/grants"))
        .anyMatch(id -> id.startsWith("own-feed."))
        .noneMatch(id -> id.startsWith("other-citizen."));
    assertThat(ids(Who.AUDITOR, "/api/grants"))
        .anyMatch(id -> id.startsWith("other-citizen."))
        .anyMatch(id -> id.startsWith("own-feed."));
    assertThat(ids(Who.PLATFORM_ADMIN, "/api/connectors")).containsExactly("other-hr", "own-hr");
    assertThat(ids(Who.NO_ROLE, "/api/agencies")).hasSize(17 + 34).contains(OWN, OTHER, "BNV");
  }

  @Test
  void anAgencyAdminCannotTakeOverOrHandAwayAFlow() throws Exception {
    // A POST with another agency's id would replace that agency's connector.
    PlatformHttp.Reply takeOver =
        send(
            tokens.get(Who.AGENCY_ADMIN),
            new Call(
                "POST", "/api/connectors", connectorYaml("other-hr", OWN), "application/yaml"));
    assertThat(takeOver.status()).isEqualTo(403);
    assertThat(takeOver.body().get("error").asText()).contains(OTHER);
    PlatformHttp.Reply handAway =
        send(
            tokens.get(Who.AGENCY_ADMIN),
            new Call(
                "PUT",
                "/api/subscriptions/own-feed",
                subscriptionJson("own-feed", OTHER),
                "application/json"));
    assertThat(handAway.status()).isEqualTo(403);
    assertThat(
            admin
                .call("GET", "/api/connectors/other-hr", null, null)
                .expect(200)
                .at("/definition/agency")
                .asText())
        .isEqualTo(OTHER);
    assertThat(
            admin
                .call("GET", "/api/subscriptions/own-feed", null, null)
                .expect(200)
                .at("/definition/agency")
                .asText())
        .isEqualTo(OWN);
  }

  @Test
  void anUnknownAgencyIsRefusedNamingTheField() throws Exception {
    JsonNode refused =
        admin
            .call("POST", "/api/connectors", connectorYaml("nowhere-hr", "P99"), "application/yaml")
            .expect(422);
    assertThat(refused.at("/problems/0/field").asText()).isEqualTo("agency");
    assertThat(refused.at("/problems/0/reason").asText()).contains("'P99'");
    JsonNode checked =
        admin
            .call(
                "POST",
                "/api/subscriptions/validate",
                subscriptionJson("nowhere-feed", "XYZ"),
                "application/json")
            .expect(200);
    assertThat(checked.get("valid").asBoolean()).isFalse();
    assertThat(checked.at("/problems/0/field").asText()).isEqualTo("agency");
    admin.call("GET", "/api/connectors/nowhere-hr", null, null).expect(404);
  }

  @Test
  void theApiDescriptionAsksForABearerToken() throws Exception {
    JsonNode api = send(null, get("/v3/api-docs")).expect(200);
    assertThat(api.at("/components/securitySchemes/bearer-jwt/scheme").asText())
        .isEqualTo("bearer");
    assertThat(api.at("/security/0").has("bearer-jwt")).isTrue();
    assertThat(api.get("paths").has("/api/agencies")).isTrue();
  }

  // --- the matrix ------------------------------------------------------------------------------

  /** "METHOD /pattern" of every handler method, over all handler mappings (actuator included). */
  private Set<String> endpoints() {
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingInfoHandlerMapping mapping :
        app.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
          if (methods.isEmpty()) {
            endpoints.add("ANY " + pattern);
          }
          methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
        }
      }
    }
    return endpoints;
  }

  private List<Row> rows(Set<String> endpoints) throws Exception {
    List<Row> rows = new ArrayList<>();
    // Open.
    rows.add(fixed("GET /actuator/health", OPEN, "/actuator/health"));
    rows.add(fixed("GET /actuator/health/**", OPEN, "/actuator/health/db"));
    rows.add(fixed("GET /actuator/prometheus", OPEN, "/actuator/prometheus"));
    rows.add(fixed("GET /v3/api-docs", OPEN, "/v3/api-docs"));
    rows.add(fixed("GET /v3/api-docs.yaml", OPEN, "/v3/api-docs.yaml"));
    rows.add(fixed("GET /oauth2/jwks", OPEN, "/oauth2/jwks"));
    // Operations.
    rows.add(fixed("GET /actuator", ADMIN_AUDITOR, "/actuator"));
    rows.add(fixed("GET /actuator/info", ADMIN_AUDITOR, "/actuator/info"));
    rows.add(fixed("GET /actuator/metrics", ADMIN_AUDITOR, "/actuator/metrics"));
    rows.add(
        fixed(
            "GET /actuator/metrics/{requiredMetricName}",
            ADMIN_AUDITOR,
            "/actuator/metrics/jvm.memory.used"));
    rows.add(fixed("GET /api/demo", ADMIN_AUDITOR, "/api/demo"));
    rows.add(fixed("GET /api/operations", ADMIN_AUDITOR, "/api/operations?size=5"));
    // Framework's error page, reached directly: nobody's business but the operator's.
    rows.add(fixed("ANY /error", ADMIN_ONLY, "/error"));
    // Agencies.
    rows.add(fixed("GET /api/agencies", ANY_TOKEN, "/api/agencies"));
    rows.add(
        new Row(
            "GET /api/agencies/{code}",
            "",
            ANY_TOKEN,
            s -> get("/api/agencies/" + (s == Side.OWN ? OWN : OTHER))));

    // Connectors and subscriptions.
    for (String types : List.of("connectors", "subscriptions")) {
      boolean c = types.equals("connectors");
      Profile read = c ? CONNECTORS_READ : SUBSCRIPTIONS_READ;
      Profile write = c ? CONNECTORS_WRITE : SUBSCRIPTIONS_WRITE;
      Function<Side, String> id = s -> fixture(c, s);
      Function<Side, Call> body =
          s ->
              c
                  ? new Call("", "", connectorYaml(id.apply(s), agency(s)), "application/yaml")
                  : new Call("", "", subscriptionJson(id.apply(s), agency(s)), "application/json");
      String base = "/api/" + types;
      rows.add(
          new Row(
              "GET /api/{types}", types, c ? CONNECTORS_LIST : SUBSCRIPTIONS_LIST, s -> get(base)));
      rows.add(
          new Row("POST /api/{types}", types, write, s -> withBody("POST", base, body.apply(s))));
      rows.add(
          new Row(
              "POST /api/{types}/validate",
              types,
              write,
              s -> withBody("POST", base + "/validate", body.apply(s))));
      rows.add(new Row("GET /api/{types}/{id}", types, read, s -> get(base + "/" + id.apply(s))));
      rows.add(
          new Row(
              "GET /api/{types}/{id}/status",
              types,
              read,
              s -> get(base + "/" + id.apply(s) + "/status")));
      rows.add(
          new Row(
              "PUT /api/{types}/{id}",
              types,
              write,
              s -> withBody("PUT", base + "/" + id.apply(s), body.apply(s))));
      for (String op : List.of("pause", "resume", "restart")) {
        rows.add(
            new Row(
                "POST /api/{types}/{id}/" + op,
                types,
                write,
                s -> new Call("POST", base + "/" + id.apply(s) + "/" + op, null, null)));
      }
      rows.add(
          new Row(
              "DELETE /api/{types}/{id}",
              types,
              write,
              s -> new Call("DELETE", base + "/" + id.apply(s), null, null)));
      Profile deadLetters = c ? CONNECTOR_DEAD_LETTERS : SUBSCRIPTION_DEAD_LETTERS;
      rows.add(
          new Row(
              "GET /api/{types}/{id}/dead-letters",
              types,
              deadLetters,
              s -> get(base + "/" + id.apply(s) + "/dead-letters?limit=5")));
      rows.add(
          new Row(
              "GET /api/{types}/{id}/dead-letters/{entry}",
              types,
              deadLetters,
              s -> get(base + "/" + id.apply(s) + "/dead-letters/0-0")));
    }
    Function<Side, String> connector = s -> "/api/connectors/" + fixture(true, s);
    rows.add(
        new Row(
            "GET /api/connectors/{id}/offsets",
            "",
            CONNECTORS_READ,
            s -> get(connector.apply(s) + "/offsets")));
    rows.add(
        new Row(
            "PUT /api/connectors/{id}/offsets",
            "",
            CONNECTORS_WRITE,
            s ->
                new Call(
                    "PUT",
                    connector.apply(s) + "/offsets",
                    "{\"to\":\"start\"}",
                    "application/json")));
    rows.add(
        new Row(
            "POST /api/connectors/{id}/dead-letters/{entry}/resubmit",
            "",
            CONNECTORS_WRITE,
            s -> new Call("POST", connector.apply(s) + "/dead-letters/0-0/resubmit", null, null)));
    rows.add(
        new Row(
            "POST /api/connectors/{id}/dead-letters/resubmit",
            "",
            CONNECTORS_WRITE,
            s -> new Call("POST", connector.apply(s) + "/dead-letters/resubmit", null, null)));

    // Grants: own = of the callers' agency (which also decides on CivilServant here); other = a
    // Citizen feed of another agency, decided by the BCA.
    rows.add(new Row("GET /api/grants", "", GRANTS_LIST, s -> get("/api/grants")));
    rows.add(
        new Row(
            "GET /api/grants/{id}",
            "",
            GRANTS_READ,
            s -> get("/api/grants/" + grant(s, "APPROVED"))));
    for (String op : List.of("approve", "reject")) {
      rows.add(
          new Row(
              "POST /api/grants/{id}/" + op,
              "",
              GRANTS_DECIDE,
              s ->
                  new Call(
                      "POST",
                      "/api/grants/" + grant(s, "PENDING") + "/" + op,
                      "{\"reason\":\"authorisation matrix\"}",
                      "application/json")));
    }
    rows.add(
        new Row(
            "POST /api/grants/{id}/revoke",
            "",
            GRANTS_REVOKE,
            s ->
                new Call(
                    "POST",
                    "/api/grants/" + grant(s, "APPROVED") + "/revoke",
                    "{\"reason\":\"authorisation matrix\"}",
                    "application/json")));

    // The contract registry (Confluent API): reads for every token, writes for the operator.
    String probe =
        JSON.writeValueAsString(
            Map.of(
                "schema",
                "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"vn.truc.test\","
                    + "\"fields\":[{\"name\":\"personalId\",\"type\":\"string\"}]}"));
    String registryJson = "application/vnd.schemaregistry.v1+json";
    rows.add(fixed("GET /subjects", ANY_TOKEN, "/subjects"));
    rows.add(
        fixed("GET /subjects/{subject}/versions", ANY_TOKEN, "/subjects/" + SUBJECT + "/versions"));
    rows.add(
        fixed(
            "GET /subjects/{subject}/versions/{version}",
            ANY_TOKEN,
            "/subjects/" + SUBJECT + "/versions/latest"));
    rows.add(
        fixed(
            "GET /subjects/{subject}/versions/{version}/schema",
            ANY_TOKEN,
            "/subjects/" + SUBJECT + "/versions/1/schema"));
    rows.add(fixed("GET /schemas/ids/{id}", ANY_TOKEN, "/schemas/ids/1"));
    rows.add(
        new Row(
            "POST /subjects/{subject}",
            "lookup",
            ANY_TOKEN,
            s -> new Call("POST", "/subjects/" + SUBJECT, probe, registryJson)));
    rows.add(
        new Row(
            "POST /compatibility/subjects/{subject}/versions/{version}",
            "check",
            ANY_TOKEN,
            s ->
                new Call(
                    "POST",
                    "/compatibility/subjects/" + SUBJECT + "/versions/latest",
                    probe,
                    registryJson)));
    rows.add(
        new Row(
            "POST /subjects/{subject}/versions",
            "register",
            ADMIN_ONLY,
            s ->
                new Call("POST", "/subjects/" + PROBE_SUBJECT + "/versions", probe, registryJson)));
    rows.add(fixed("GET /config", ANY_TOKEN, "/config"));
    rows.add(
        fixed("GET /config/{subject}", ANY_TOKEN, "/config/" + SUBJECT + "?defaultToGlobal=true"));
    String level = "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}";
    rows.add(
        new Row(
            "PUT /config", "", ADMIN_ONLY, s -> new Call("PUT", "/config", level, registryJson)));
    rows.add(
        new Row(
            "PUT /config/{subject}",
            "",
            ADMIN_ONLY,
            s -> new Call("PUT", "/config/" + PROBE_SUBJECT, level, registryJson)));

    // The exchange ledger, whatever endpoints it has: read by auditors, changed by the operator.
    for (String endpoint : endpoints) {
      String[] methodAndPattern = endpoint.split(" ", 2);
      if (methodAndPattern[1].startsWith("/api/ledger")) {
        boolean read = methodAndPattern[0].equals("GET");
        String path = methodAndPattern[1].replaceAll("\\{[^}]*}", "037100000001");
        rows.add(
            new Row(
                endpoint,
                "ledger",
                read ? ADMIN_AUDITOR : ADMIN_ONLY,
                s -> new Call(read ? "GET" : methodAndPattern[0], path, null, null)));
      }
    }
    return rows;
  }

  private static Row fixed(String endpoint, Profile profile, String path) {
    String method = endpoint.startsWith("ANY ") ? "GET" : endpoint.split(" ")[0];
    return new Row(endpoint, "", profile, s -> new Call(method, path, null, null));
  }

  private static Call get(String path) {
    return new Call("GET", path, null, null);
  }

  private static Call withBody(String method, String path, Call body) {
    return new Call(method, path, body.body(), body.contentType());
  }

  private void check(
      List<String> wrong,
      Row row,
      String who,
      Call call,
      PlatformHttp.Reply reply,
      boolean allowed) {
    int status = reply.status();
    String cell =
        row.endpoint()
            + " "
            + row.label()
            + " as "
            + who
            + ": "
            + call.method()
            + " "
            + call.path();
    if (allowed) {
      if (status == 401 || status == 403) {
        wrong.add(
            cell
                + " should be allowed ("
                + row.profile().name()
                + "), got "
                + status
                + " "
                + reply.body());
      }
    } else if (who.equals("no token")) {
      if (status != 401) {
        wrong.add(cell + " should be 401, got " + status);
      } else if (reply.wwwAuthenticate() == null || !reply.wwwAuthenticate().startsWith("Bearer")) {
        wrong.add(cell + ": 401 without a Bearer challenge");
      }
    } else if (status != 403) {
      wrong.add(cell + " should be 403 (" + row.profile().name() + "), got " + status);
    } else if (reply.body() == null
        || !reply.body().path("error").asText().startsWith("Forbidden")) {
      wrong.add(cell + ": 403 without the API's error body: " + reply.body());
    }
  }

  private PlatformHttp.Reply send(String token, Call call) throws Exception {
    return new PlatformHttp(TestPlatform.baseUrl(app), token)
        .call(call.method(), call.path(), call.body(), call.contentType());
  }

  private List<String> ids(Who who, String path) throws Exception {
    JsonNode list = send(tokens.get(who), get(path)).expect(200);
    List<String> ids = new ArrayList<>();
    list.forEach(n -> ids.add(n.has("id") ? n.get("id").asText() : n.get("code").asText()));
    return ids;
  }

  // --- fixtures: a connector and a subscription of the callers' agency and of another ---------

  private static String fixture(boolean connector, Side side) {
    return (side == Side.OWN ? "own-" : "other-") + (connector ? "hr" : "feed");
  }

  private static String agency(Side side) {
    return side == Side.OWN ? OWN : OTHER;
  }

  private int requests;

  /**
   * A grant of the side's feed in {@code status} (PENDING or APPROVED), asked for (and approved)
   * anew when an earlier call decided or revoked the last one.
   */
  private String grant(Side side, String status) {
    String subscription = side == Side.OWN ? "own-feed" : "other-citizen";
    try {
      JsonNode found =
          admin
              .call(
                  "GET",
                  "/api/grants?subscription=" + subscription + "&status=" + status,
                  null,
                  null)
              .expect(200);
      if (!found.isEmpty()) {
        return found.get(0).get("id").asText();
      }
      // Terms that differ from the last request's make a new request.
      String until = java.time.LocalDate.now().plusDays(100 + ++requests).toString();
      String body =
          side == Side.OWN
              ? subscriptionJson(subscription, OWN, until)
              : citizenFeedJson(subscription, OTHER, until);
      admin.call("PUT", "/api/subscriptions/" + subscription, body, "application/json").expect(200);
      return status.equals("PENDING")
          ? grant(side, status)
          : Grants.approve(admin, subscription).get("id").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Puts back any fixture an allowed call deleted, so that the next calls meet all five. */
  private void ensureFixtures() throws Exception {
    if (admin.call("GET", "/api/subscriptions/other-citizen", null, null).status() == 404) {
      admin
          .call(
              "POST",
              "/api/subscriptions",
              citizenFeedJson("other-citizen", OTHER, null),
              "application/json")
          .expect(201);
    }
    for (Side side : Side.values()) {
      if (admin.call("GET", "/api/connectors/" + fixture(true, side), null, null).status() == 404) {
        admin
            .call(
                "POST",
                "/api/connectors",
                connectorYaml(fixture(true, side), agency(side)),
                "application/yaml")
            .expect(201);
      }
      if (admin.call("GET", "/api/subscriptions/" + fixture(false, side), null, null).status()
          == 404) {
        admin
            .call(
                "POST",
                "/api/subscriptions",
                subscriptionJson(fixture(false, side), agency(side)),
                "application/json")
            .expect(201);
      }
    }
  }

  private String connectorYaml(String id, String agency) {
    return """
        id: %s
        agency: %s
        contract: CivilServant
        kind: jdbc-polling
        pollIntervalMs: 1000
        settings:
          jdbc.url: "%s"
          jdbc.user: %s
          jdbc.password: "%s"
          table: CB_CONG_CHUC
          key.column: MA_CB
          timestamp.column: NGAY_CAP_NHAT
          timestamp.zone: UTC
        mapping:
          personalId: SO_CCCD
          fullName: HO_TEN
          dateOfBirth: NGAY_SINH
          gender: GIOI_TINH
          residence.provinceCode: MA_TINH
          residence.communeCode: MA_XA
        constants:
          residence.structure: LEGACY_3_TIER
        """
        .formatted(
            id,
            agency,
            platform.provinceUrl(),
            engines().mariaDbUser(),
            engines().mariaDbPassword());
  }

  private String subscriptionJson(String id, String agency) {
    return subscriptionJson(id, agency, null);
  }

  private String subscriptionJson(String id, String agency, String until) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("jdbc.url", platform.ministryUrl());
    settings.put("jdbc.user", engines().postgresUser());
    settings.put("jdbc.password", engines().postgresPassword());
    settings.put("table", "civil_servant");
    settings.put("key.column", "personal_id");
    settings.put("version.column", "source_changed_at");
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("agency", agency);
    d.put("contract", "CivilServant");
    d.put("kind", "jdbc-upsert");
    d.put("settings", settings);
    d.put("columns", Map.of("full_name", "fullName", "date_of_birth", "dateOfBirth"));
    d.put("grant", terms(until, "fullName", "dateOfBirth"));
    return json(d);
  }

  /** A feed of Citizen records to the subscription's own topic: no database needed. */
  private static String citizenFeedJson(String id, String agency, String until) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("agency", agency);
    d.put("contract", "Citizen");
    d.put("kind", "kafka-topic");
    d.put("grant", terms(until, "fullName", "dateOfBirth"));
    return json(d);
  }

  private static Map<String, Object> terms(String until, String... fields) {
    Map<String, Object> terms = Grants.terms(fields);
    if (until != null) {
      terms.put("validUntil", until);
    }
    return terms;
  }

  private static String json(Map<String, Object> d) {
    try {
      return JSON.writeValueAsString(d);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
