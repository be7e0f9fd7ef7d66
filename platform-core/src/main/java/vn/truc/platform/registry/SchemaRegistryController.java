package vn.truc.platform.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.truc.schemas.Compatibility;

/**
 * The registry over HTTP, speaking the Confluent Schema Registry API as standard clients use it
 * (Java, JavaScript, Python serdes point their {@code schema.registry.url} at the platform).
 */
@RestController
class SchemaRegistryController {

  static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String JSON_V0 = "application/vnd.schemaregistry+json";
  private static final String JSON = "application/json";

  private final SchemaRegistry registry;

  SchemaRegistryController(SchemaRegistry registry) {
    this.registry = registry;
  }

  /** The body of registration, lookup and compatibility requests. */
  record SchemaRequest(String schema, String schemaType, List<Object> references) {
    String avro() {
      if (schemaType != null && !schemaType.equalsIgnoreCase("AVRO")) {
        throw RegistryException.invalidSchema(
            "schemaType " + schemaType + " is not supported: Trục contracts are Avro");
      }
      if (references != null && !references.isEmpty()) {
        throw RegistryException.invalidSchema(
            "schema references are not supported: register self-contained schemas");
      }
      return schema;
    }
  }

  @GetMapping(
      path = "/schemas/ids/{id}",
      produces = {MEDIA_TYPE, JSON_V0, JSON})
  Map<String, Object> schemaById(@PathVariable int id) {
    return Map.of("schema", registry.schemaText(id));
  }

  @GetMapping(
      path = "/subjects",
      produces = {MEDIA_TYPE, JSON_V0, JSON})
  List<String> subjects() {
    return registry.subjects();
  }

  @GetMapping(
      path = "/subjects/{subject}/versions",
      produces = {MEDIA_TYPE, JSON_V0, JSON})
  List<Integer> versions(@PathVariable String subject) {
    return registry.versions(subject);
  }

  @GetMapping(
      path = "/subjects/{subject}/versions/{version}",
      produces = {MEDIA_TYPE, JSON_V0, JSON})
  Map<String, Object> version(@PathVariable String subject, @PathVariable String version) {
    return body(registry.version(subject, version));
  }

  @GetMapping(
      path = "/subjects/{subject}/versions/{version}/schema",
      produces = {MEDIA_TYPE, JSON_V0, JSON})
  String rawSchema(@PathVariable String subject, @PathVariable String version) {
    return registry.version(subject, version).schema();
  }

  @PostMapping(
      path = "/subjects/{subject}/versions",
      produces = {MEDIA_TYPE, JSON_V0, JSON})
  Map<String, Object> register(@PathVariable String subject, @RequestBody SchemaRequest request) {
    return Map.of("id", registry.register(subject, request.avro()));
  }

  @PostMapping(
      path = "/subjects/{subject}",
      produces = {MEDIA_TYPE, JSON_V0, JSON})
  Map<String, Object> lookup(@PathVariable String subject, @RequestBody SchemaRequest request) {
    return body(registry.lookup(subject, request.avro()));
  }

  @PostMapping(
      path = "/compatibility/subjects/{subject}/versions/{version}",
      produces = {MEDIA_TYPE, JSON_V0, JSON})
  Map<String, Object> compatibility(
      @PathVariable String subject,
      @PathVariable String version,
      @RequestParam(defaultValue = "false") boolean verbose,
      @RequestBody SchemaRequest request) {
    List<String> problems = registry.compatibilityProblems(subject, version, request.avro());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("is_compatible", problems.isEmpty());
    if (verbose) {
      body.put("messages", problems);
    }
    return body;
  }

  @GetMapping(
      path = "/config",
      produces = {MEDIA_TYPE, JSON_V0, JSON})
  Map<String, Object> globalConfig() {
    return Map.of("compatibilityLevel", registry.globalCompatibility().name());
  }

  @PutMapping(
      path = "/config",
      produces = {MEDIA_TYPE, JSON_V0, JSON})
  Map<String, Object> setGlobalConfig(@RequestBody Map<String, String> body) {
    Compatibility.Level level = SchemaRegistry.level(body.get("compatibility"));
    registry.setCompatibility(null, level);
    return Map.of("compatibility", level.name());
  }

  @GetMapping(
      path = "/config/{subject}",
      produces = {MEDIA_TYPE, JSON_V0, JSON})
  Map<String, Object> subjectConfig(
      @PathVariable String subject, @RequestParam(defaultValue = "false") boolean defaultToGlobal) {
    Compatibility.Level level =
        registry
            .subjectCompatibility(subject)
            .or(
                () ->
                    defaultToGlobal
                        ? java.util.Optional.of(registry.globalCompatibility())
                        : java.util.Optional.empty())
            .orElseThrow(() -> RegistryException.noSubjectConfig(subject));
    return Map.of("compatibilityLevel", level.name());
  }

  @PutMapping(
      path = "/config/{subject}",
      produces = {MEDIA_TYPE, JSON_V0, JSON})
  Map<String, Object> setSubjectConfig(
      @PathVariable String subject, @RequestBody Map<String, String> body) {
    Compatibility.Level level = SchemaRegistry.level(body.get("compatibility"));
    registry.setCompatibility(subject, level);
    return Map.of("compatibility", level.name());
  }

  @ExceptionHandler(RegistryException.class)
  ResponseEntity<Map<String, Object>> error(RegistryException e) {
    return ResponseEntity.status(e.status())
        .contentType(org.springframework.http.MediaType.parseMediaType(MEDIA_TYPE))
        .body(Map.of("error_code", e.errorCode(), "message", e.getMessage()));
  }

  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(Exception e) {
    return ResponseEntity.status(422)
        .contentType(org.springframework.http.MediaType.parseMediaType(MEDIA_TYPE))
        .body(
            Map.of(
                "error_code",
                42201,
                "message",
                "Invalid schema request: the body is not the JSON {\"schema\": \"...\"}"));
  }

  private static Map<String, Object> body(RegisteredSchema s) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", s.subject());
    body.put("version", s.version());
    body.put("id", s.id());
    body.put("schema", s.schema());
    return body;
  }
}
