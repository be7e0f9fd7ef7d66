package vn.truc.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.platform.flow.ConnectorDefinition;
import vn.truc.platform.flow.FlowFactory;
import vn.truc.platform.flow.FlowRuntime;
import vn.truc.platform.flow.FlowService;
import vn.truc.platform.flow.FlowType;
import vn.truc.platform.flow.InvalidDefinitionException;
import vn.truc.platform.flow.SubscriptionDefinition;
import vn.truc.platform.security.FlowAccess;

/**
 * {@code /api/connectors} and {@code /api/subscriptions}: register a definition (JSON or YAML),
 * validate it without running it, list, inspect, pause, resume, restart, delete, and move a
 * connector's offsets. Secrets are never echoed.
 */
@RestController
class FlowController {

  // YAML is a superset of JSON: one parser takes both bodies.
  private static final ObjectMapper BODY =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private final FlowService service;
  private final FlowRuntime runtime;
  private final FlowFactory factory;
  private final FlowAccess access;

  FlowController(FlowService service, FlowRuntime runtime, FlowFactory factory, FlowAccess access) {
    this.service = service;
    this.runtime = runtime;
    this.factory = factory;
    this.access = access;
  }

  @PostMapping("/api/{types}")
  ResponseEntity<Map<String, Object>> create(@PathVariable String types, @RequestBody String body) {
    FlowType type = type(types);
    Object definition = parse(type, body);
    authorise(type, definition);
    boolean created = service.register(type, id(definition), definition);
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
        .body(view(runtime.get(id(definition))));
  }

  @PutMapping("/api/{types}/{id}")
  ResponseEntity<Map<String, Object>> put(
      @PathVariable String types, @PathVariable String id, @RequestBody String body) {
    FlowType type = type(types);
    Object definition = parse(type, body);
    if (!id.equals(id(definition))) {
      throw new InvalidDefinitionException(
          id,
          List.of(
              new ConfigProblem(
                  "id",
                  "the body's id '" + id(definition) + "' differs from the URL's '" + id + "'")));
    }
    authorise(type, definition);
    boolean created = service.register(type, id, definition);
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
        .body(view(runtime.get(id)));
  }

  @PostMapping("/api/{types}/validate")
  Map<String, Object> validate(@PathVariable String types, @RequestBody String body) {
    FlowType type = type(types);
    Object definition = parse(type, body);
    access.checkValidation(type, definition);
    List<ConfigProblem> problems = new java.util.ArrayList<>(access.agencyProblems(definition));
    problems.addAll(service.validate(definition));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("valid", problems.isEmpty());
    result.put("problems", problems);
    return result;
  }

  @GetMapping("/api/{types}")
  List<Map<String, Object>> list(@PathVariable String types) {
    FlowType type = type(types);
    return runtime.all().stream()
        .filter(r -> r.type() == type)
        .filter(r -> access.mayRead(type, r.definition()))
        .sorted(java.util.Comparator.comparing(FlowRuntime.Running::id))
        .map(r -> runtime.status(r.id()))
        .toList();
  }

  @GetMapping("/api/{types}/{id}")
  Map<String, Object> get(@PathVariable String types, @PathVariable String id) {
    return view(ofType(types, id));
  }

  @GetMapping("/api/{types}/{id}/status")
  Map<String, Object> status(@PathVariable String types, @PathVariable String id) {
    ofType(types, id);
    return runtime.status(id);
  }

  @DeleteMapping("/api/{types}/{id}")
  ResponseEntity<Void> delete(@PathVariable String types, @PathVariable String id) {
    ofType(types, id);
    service.delete(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/{types}/{id}/pause")
  Map<String, Object> pause(@PathVariable String types, @PathVariable String id) throws Exception {
    ofType(types, id);
    service.pause(id);
    return runtime.status(id);
  }

  @PostMapping("/api/{types}/{id}/resume")
  Map<String, Object> resume(@PathVariable String types, @PathVariable String id) throws Exception {
    ofType(types, id);
    service.resume(id);
    return runtime.status(id);
  }

  @PostMapping("/api/{types}/{id}/restart")
  Map<String, Object> restart(@PathVariable String types, @PathVariable String id) {
    ofType(types, id);
    service.restart(id);
    return runtime.status(id);
  }

  @GetMapping("/api/connectors/{id}/offsets")
  Map<String, Object> offsets(@PathVariable String id) {
    return service.offsets(id);
  }

  @PutMapping("/api/connectors/{id}/offsets")
  Map<String, Object> resetOffsets(@PathVariable String id, @RequestBody Map<String, String> body) {
    return service.resetOffsets(id, body);
  }

  /**
   * 403 unless the caller may change flows of the definition's agency (and of the flow it
   * replaces); 422 if no agency has its code, with the definition's other problems.
   */
  private void authorise(FlowType type, Object definition) {
    access.checkChange(type, definition);
    List<ConfigProblem> agency = access.agencyProblems(definition);
    if (!agency.isEmpty()) {
      List<ConfigProblem> all = new java.util.ArrayList<>(agency);
      all.addAll(service.validate(definition));
      throw new InvalidDefinitionException(id(definition), all);
    }
  }

  private FlowRuntime.Running ofType(String types, String id) {
    FlowRuntime.Running r = runtime.get(id);
    if (r.type() != type(types)) {
      throw new vn.truc.platform.flow.UnknownFlowException(id);
    }
    return r;
  }

  private Map<String, Object> view(FlowRuntime.Running r) {
    Map<String, Object> definition =
        new ObjectMapper()
            .convertValue(r.definition(), new com.fasterxml.jackson.core.type.TypeReference<>() {});
    @SuppressWarnings("unchecked")
    Map<String, Object> settings = (Map<String, Object>) definition.get("settings");
    definition.put("settings", factory.masked(r.type(), (String) definition.get("kind"), settings));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("definition", definition);
    view.put("status", runtime.status(r.id()));
    return view;
  }

  private static FlowType type(String types) {
    return switch (types) {
      case "connectors" -> FlowType.CONNECTOR;
      case "subscriptions" -> FlowType.SUBSCRIPTION;
      default ->
          throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);
    };
  }

  private static Object parse(FlowType type, String body) {
    try {
      Object d =
          BODY.readValue(
              body,
              (Class<?>)
                  (type == FlowType.CONNECTOR
                      ? ConnectorDefinition.class
                      : SubscriptionDefinition.class));
      if (d == null) {
        throw new BadRequestException("body", "the request has no definition");
      }
      return d;
    } catch (UnrecognizedPropertyException e) {
      throw new BadRequestException(
          e.getPropertyName(),
          "is not part of a "
              + type.name().toLowerCase()
              + " definition; known: "
              + e.getKnownPropertyIds());
    } catch (JsonProcessingException e) {
      String at =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new BadRequestException(
          "body", "is not valid JSON or YAML" + at + ": " + e.getOriginalMessage());
    }
  }

  private static String id(Object definition) {
    return definition instanceof ConnectorDefinition c
        ? c.id()
        : ((SubscriptionDefinition) definition).id();
  }
}
