package vn.truc.platform.flow;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.springframework.stereotype.Component;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.ConnectorConfig;
import vn.truc.connector.api.OffsetStore;
import vn.truc.connector.api.SinkConnector;
import vn.truc.connector.api.SinkKind;
import vn.truc.connector.api.SourceConnector;
import vn.truc.connector.api.SourceKind;
import vn.truc.connector.api.TargetColumn;
import vn.truc.platform.grant.GrantBook;
import vn.truc.platform.grant.GrantTermsCheck;
import vn.truc.platform.registry.PublishedContracts;
import vn.truc.platform.registry.SchemaRegistry;
import vn.truc.routes.RouteMetrics;
import vn.truc.routes.TemplatedRoute;
import vn.truc.routes.delivery.DeliveryFlow;
import vn.truc.routes.delivery.DeliveryRoute;
import vn.truc.routes.grant.GrantGate;
import vn.truc.routes.ingest.IngestFlow;
import vn.truc.routes.ingest.IngestRoute;
import vn.truc.routes.ledger.ExchangeLog;
import vn.truc.routes.mapping.CodeMaps;
import vn.truc.routes.mapping.Convertibility;
import vn.truc.routes.mapping.FieldRule;
import vn.truc.routes.mapping.FieldTypes;
import vn.truc.routes.mapping.RecordFlattener;
import vn.truc.routes.mapping.RowMapper;
import vn.truc.routes.mapping.SinkColumn;
import vn.truc.routes.ops.OperationsLog;
import vn.truc.routes.serde.AvroWireSerde;
import vn.truc.routes.serde.SchemaLookup;
import vn.truc.routes.translate.StandardSteps;
import vn.truc.schemas.Contract;
import vn.truc.schemas.ContractCatalog;

/**
 * Checks definitions and turns them into routes. Validation reports every problem at once, each
 * named by its field ({@code settings.jdbc.url}, {@code mapping.fullName}), and can test the live
 * source or target before anything runs.
 */
@Component
public class FlowFactory {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

  private final ContractCatalog catalog;
  private final OffsetStore offsets;
  private final ExchangeLog log;
  private final SchemaLookup registry;
  private final MeterRegistry meters;
  private final CodeMaps codes = new CodeMaps();
  private final Map<String, SourceKind> sourceKinds = new HashMap<>();
  private final Map<String, SinkKind> sinkKinds = new HashMap<>();
  private final SecretReferences secrets = SecretReferences.system();
  private final GrantBook grants;
  private final SchemaRegistry subjects;
  private final OperationsLog operations;

  FlowFactory(
      PublishedContracts contracts,
      OffsetStore offsets,
      ExchangeLog log,
      SchemaLookup registry,
      MeterRegistry meters,
      GrantBook grants,
      SchemaRegistry subjects,
      OperationsLog operations) {
    this.operations = operations;
    this.grants = grants;
    this.subjects = subjects;
    this.catalog = contracts.catalog();
    this.offsets = offsets;
    this.log = log;
    this.registry = registry;
    this.meters = meters;
    ServiceLoader.load(SourceKind.class).forEach(k -> sourceKinds.put(k.name(), k));
    ServiceLoader.load(SinkKind.class).forEach(k -> sinkKinds.put(k.name(), k));
  }

  /**
   * What a built flow consists of: its routes (template instances, in the order to add them; {@code
   * routeId} is the one that reads and is paused and resumed), and what must be closed with it.
   */
  public record Built(
      String id,
      FlowType type,
      String routeId,
      List<TemplatedRoute> routes,
      List<AutoCloseable> resources,
      List<String> topics,
      String consumerGroup,
      String contractTopic,
      String deadLetterTopic) {}

  // --- connectors ---

  public List<ConfigProblem> validate(ConnectorDefinition d, boolean live) {
    List<ConfigProblem> problems = new ArrayList<>();
    common(d.id(), d.agency(), problems);
    Contract contract = contract(d.contract(), problems);
    SourceKind kind = sourceKinds.get(d.kind());
    if (kind == null) {
      problems.add(
          new ConfigProblem(
              "kind",
              "unknown source kind '" + d.kind() + "'; available: " + sourceKinds.keySet()));
    }
    if (d.batchSize() != null && (d.batchSize() < 1 || d.batchSize() > 50_000)) {
      problems.add(new ConfigProblem("batchSize", "must be between 1 and 50000"));
    }
    if (d.pollIntervalMs() != null && d.pollIntervalMs() < 50) {
      problems.add(new ConfigProblem("pollIntervalMs", "must be at least 50"));
    }
    if (contract != null) {
      mappingProblems(contract.schema(), d, problems);
    }
    if (kind != null) {
      Map<String, Object> settings = settings(d.settings(), problems);
      List<ConfigProblem> settingProblems = kind.config().validate(settings);
      settingProblems.forEach(
          p -> problems.add(new ConfigProblem("settings." + p.field(), p.reason())));
      if (live
          && settingProblems.isEmpty()
          && problems.stream().noneMatch(p -> p.field().startsWith("settings."))) {
        Set<String> columns = new LinkedHashSet<>();
        if (d.mapping() != null) {
          columns.addAll(d.mapping().values());
        }
        ConnectorConfig config = kind.config().parse(settings);
        List<ConfigProblem> found = kind.check(config, columns);
        found.forEach(p -> problems.add(new ConfigProblem("source." + p.field(), p.reason())));
        if (contract != null && d.mapping() != null && readable(kind, found)) {
          convertibilityProblems(
              contract.schema(), d.mapping(), kind.columnTypes(config, columns), problems);
        }
      }
    }
    return problems;
  }

  public Built build(ConnectorDefinition d, boolean paused) {
    List<ConfigProblem> problems = validate(d, false);
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException(d.id(), problems);
    }
    Contract contract = catalog.get(d.contract());
    SourceKind kind = sourceKinds.get(d.kind());
    ConnectorConfig config = kind.config().parse(settings(d.settings(), new ArrayList<>()));
    registry.idFor(contract.subject(), contract.schema());
    SourceConnector source = kind.create(config);
    IngestFlow flow =
        new IngestFlow(
            d.id(),
            d.agency(),
            contract,
            source,
            new RowMapper(
                contract.schema(), rules(d), codes, StandardSteps.forSchema(contract.schema())),
            offsets,
            d.batchSizeOrDefault(),
            Duration.ofMillis(d.pollIntervalOrDefault()));
    return new Built(
        d.id(),
        FlowType.CONNECTOR,
        IngestRoute.routeId(d.id()),
        IngestRoute.routes(
            flow,
            new AvroWireSerde(registry),
            log,
            new RouteMetrics(meters, "ingest", d.id(), operations),
            paused),
        List.of(source),
        List.of(contract.topic(), flow.deadLetterTopic()),
        null,
        contract.topic(),
        flow.deadLetterTopic());
  }

  // --- subscriptions ---

  public List<ConfigProblem> validate(SubscriptionDefinition d, boolean live) {
    List<ConfigProblem> problems = new ArrayList<>();
    common(d.id(), d.agency(), problems);
    Contract contract = contract(d.contract(), problems);
    if (contract != null) {
      // An expiry is judged when the terms are asked for; a flow built again after its grant
      // expired (a restart) still starts, and waits for a new grant.
      problems.addAll(
          GrantTermsCheck.problems(contract.schema(), d.grant(), live ? Instant.now() : null));
    }
    if (d.batchSize() != null && (d.batchSize() < 1 || d.batchSize() > 50_000)) {
      problems.add(new ConfigProblem("batchSize", "must be between 1 and 50000"));
    }
    if (SubscriptionDefinition.KAFKA_TOPIC.equals(d.kind())) {
      if (d.columns() != null && !d.columns().isEmpty()) {
        problems.add(
            new ConfigProblem(
                "columns",
                "a kafka-topic subscription receives whole projected records; it names no"
                    + " columns"));
      }
      if (d.settings() != null && !d.settings().isEmpty()) {
        problems.add(
            new ConfigProblem(
                "settings",
                "a kafka-topic subscription has no settings: its topic is truc.sub." + d.id()));
      }
      return problems;
    }
    SinkKind kind = sinkKinds.get(d.kind());
    if (kind == null) {
      List<String> kinds = new ArrayList<>(sinkKinds.keySet());
      kinds.add(SubscriptionDefinition.KAFKA_TOPIC);
      problems.add(
          new ConfigProblem("kind", "unknown sink kind '" + d.kind() + "'; available: " + kinds));
    }
    if (d.columns() == null || d.columns().isEmpty()) {
      problems.add(
          new ConfigProblem(
              "columns", "name at least one receiver column and the contract field it holds"));
    } else if (contract != null) {
      d.columns()
          .forEach(
              (column, field) -> {
                if (field == null || !hasPath(contract.schema(), field)) {
                  problems.add(
                      new ConfigProblem(
                          "columns." + column, contract.name() + " has no field '" + field + "'"));
                } else {
                  try {
                    FieldTypes.of(contract.schema(), field);
                  } catch (IllegalArgumentException e) {
                    problems.add(new ConfigProblem("columns." + column, e.getMessage()));
                  }
                }
              });
    }
    if (kind != null) {
      Map<String, Object> settings = settings(d.settings(), problems);
      List<ConfigProblem> settingProblems = kind.config().validate(settings);
      settingProblems.forEach(
          p -> problems.add(new ConfigProblem("settings." + p.field(), p.reason())));
      if (live && settingProblems.isEmpty() && d.columns() != null) {
        kind.check(kind.config().parse(settings), targetColumns(contract, d))
            .forEach(p -> problems.add(new ConfigProblem("target." + p.field(), p.reason())));
      }
    }
    return problems;
  }

  public Built build(SubscriptionDefinition d, boolean paused) {
    List<ConfigProblem> problems = validate(d, false);
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException(d.id(), problems);
    }
    Contract contract = catalog.get(d.contract());
    GrantGate gate = new GrantGate(d.id(), contract.schema(), grants.of(d.id()));
    DeliveryFlow flow;
    List<AutoCloseable> resources;
    if (SubscriptionDefinition.KAFKA_TOPIC.equals(d.kind())) {
      String topic = DeliveryFlow.topicOf(d.id());
      flow =
          new DeliveryFlow(
              d.id(), d.agency(), contract, gate, null, null, topic, d.batchSizeOrDefault());
      // The grant decides the shape of these records: a narrower or wider grant is a new version
      // whatever the compatibility rules, and each record names the version it was written with.
      subjects.setCompatibility(flow.targetSubject(), vn.truc.schemas.Compatibility.Level.NONE);
      resources = List.of();
    } else {
      SinkKind kind = sinkKinds.get(d.kind());
      List<SinkColumn> columns =
          d.columns().entrySet().stream()
              .map(e -> new SinkColumn(e.getKey(), e.getValue()))
              .toList();
      SinkConnector sink =
          kind.create(
              kind.config().parse(settings(d.settings(), new ArrayList<>())),
              targetColumns(contract, d));
      flow =
          new DeliveryFlow(
              d.id(),
              d.agency(),
              contract,
              gate,
              sink,
              new RecordFlattener(columns),
              null,
              d.batchSizeOrDefault());
      resources = List.of(sink);
    }
    List<String> topics = new ArrayList<>(List.of(contract.topic(), flow.deadLetterTopic()));
    if (flow.targetTopic() != null) {
      topics.add(flow.targetTopic());
    }
    return new Built(
        d.id(),
        FlowType.SUBSCRIPTION,
        DeliveryRoute.routeId(d.id()),
        DeliveryRoute.routes(
            flow,
            new AvroWireSerde(registry),
            log,
            new RouteMetrics(meters, "deliver", d.id(), operations),
            paused),
        resources,
        topics,
        flow.consumerGroup(),
        contract.topic(),
        flow.deadLetterTopic());
  }

  /** Why a connector cannot resume at {@code position}, as its kind judges it; else empty. */
  public java.util.Optional<String> positionProblem(ConnectorDefinition d, String position) {
    SourceKind kind = sourceKinds.get(d.kind());
    if (kind == null) {
      return java.util.Optional.empty();
    }
    return kind.positionProblem(
        kind.config().parse(settings(d.settings(), new ArrayList<>())), position);
  }

  /** The settings' secret values are shown as a mask; references are shown as written. */
  public Map<String, Object> masked(FlowType type, String kindName, Map<String, Object> settings) {
    var def =
        type == FlowType.CONNECTOR
            ? (sourceKinds.containsKey(kindName) ? sourceKinds.get(kindName).config() : null)
            : (sinkKinds.containsKey(kindName) ? sinkKinds.get(kindName).config() : null);
    Map<String, Object> shown = new java.util.LinkedHashMap<>();
    if (settings == null) {
      return shown;
    }
    settings.forEach(
        (name, value) -> {
          boolean secret =
              def != null
                  && def.settings().stream()
                      .anyMatch(
                          s ->
                              s.name().equals(name)
                                  && s.type() == vn.truc.connector.api.SettingType.PASSWORD);
          shown.put(
              name,
              secret
                      && !SecretReferences.isReference(value)
                      && value != null
                      && !String.valueOf(value).isEmpty()
                  ? "******"
                  : value);
        });
    return shown;
  }

  // --- shared checks ---

  private static void common(String id, String agency, List<ConfigProblem> problems) {
    if (id == null || !ID.matcher(id).matches()) {
      problems.add(
          new ConfigProblem(
              "id",
              "must be 2-63 lower-case letters, digits or '-', starting with a letter or digit"));
    }
    if (agency == null || agency.isBlank()) {
      problems.add(
          new ConfigProblem("agency", "is required: the code of the agency, e.g. P37 or BNV"));
    }
  }

  private Contract contract(String name, List<ConfigProblem> problems) {
    if (name == null) {
      problems.add(new ConfigProblem("contract", "is required; known: " + names()));
      return null;
    }
    return catalog
        .find(name)
        .orElseGet(
            () -> {
              problems.add(
                  new ConfigProblem(
                      "contract", "unknown contract '" + name + "'; known: " + names()));
              return null;
            });
  }

  private List<String> names() {
    return catalog.all().stream().map(Contract::name).toList();
  }

  private Map<String, Object> settings(Map<String, Object> raw, List<ConfigProblem> problems) {
    List<ConfigProblem> found = new ArrayList<>();
    Map<String, Object> resolved = secrets.resolve(raw == null ? Map.of() : raw, found);
    found.forEach(p -> problems.add(new ConfigProblem("settings." + p.field(), p.reason())));
    return resolved;
  }

  private static void mappingProblems(
      Schema schema, ConnectorDefinition d, List<ConfigProblem> problems) {
    Set<String> covered = new LinkedHashSet<>();
    if (d.mapping() != null) {
      d.mapping()
          .forEach(
              (field, column) -> {
                if (!hasPath(schema, field)) {
                  problems.add(
                      new ConfigProblem(
                          "mapping." + field, schema.getName() + " has no field '" + field + "'"));
                }
                if (column == null || column.isBlank()) {
                  problems.add(new ConfigProblem("mapping." + field, "names no source column"));
                }
                covered.add(field.split("\\.")[0]);
              });
    }
    if (d.constants() != null) {
      d.constants()
          .keySet()
          .forEach(
              field -> {
                if (!hasPath(schema, field)) {
                  problems.add(
                      new ConfigProblem(
                          "constants." + field,
                          schema.getName() + " has no field '" + field + "'"));
                }
                covered.add(field.split("\\.")[0]);
              });
    }
    for (Schema.Field f : schema.getFields()) {
      if (f.name().equals("header") || f.hasDefaultValue() || nullable(f.schema())) {
        continue;
      }
      if (!covered.contains(f.name())) {
        problems.add(
            new ConfigProblem(
                "mapping." + f.name(),
                "is required by " + schema.getName() + ": map a source column to it"));
      }
    }
  }

  private static boolean hasPath(Schema schema, String path) {
    Schema current = schema;
    for (String part : path.split("\\.")) {
      Schema record = nonNull(current);
      if (record.getType() != Schema.Type.RECORD || record.getField(part) == null) {
        return false;
      }
      current = record.getField(part).schema();
    }
    return true;
  }

  private static Schema nonNull(Schema s) {
    if (s.getType() != Schema.Type.UNION) {
      return s;
    }
    return s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElse(s);
  }

  private static boolean nullable(Schema s) {
    return s.getType() == Schema.Type.UNION
        && s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
  }

  /**
   * The receiver's columns with the types of the contract fields they hold. A column whose field
   * the contract lacks or a column cannot hold is left out: validation reports it, and a live check
   * of the others still runs.
   */
  private static List<TargetColumn> targetColumns(Contract contract, SubscriptionDefinition d) {
    List<TargetColumn> columns = new ArrayList<>();
    if (contract == null || d.columns() == null) {
      return columns;
    }
    d.columns()
        .forEach(
            (column, field) -> {
              if (field != null && hasPath(contract.schema(), field)) {
                try {
                  FieldTypes.Typed typed = FieldTypes.of(contract.schema(), field);
                  columns.add(new TargetColumn(column, typed.type(), typed.nullable()));
                } catch (IllegalArgumentException e) {
                  // reported by validate
                }
              }
            });
    return columns;
  }

  /**
   * Whether a source's live check left it readable: a problem with one of the kind's settings (the
   * URL, the table) means no column types can be had; one with a column does not.
   */
  private static boolean readable(SourceKind kind, List<ConfigProblem> found) {
    Set<String> settings = new java.util.HashSet<>();
    kind.config().settings().forEach(s -> settings.add(s.name()));
    return found.stream().noneMatch(p -> settings.contains(p.field()));
  }

  /**
   * A problem for each mapped field whose source column's type can never become the field's. Code
   * lists and translations need no exception: the mapper converts the column's value to the field's
   * type first, and that conversion is what is judged.
   */
  private static void convertibilityProblems(
      Schema schema,
      Map<String, String> mapping,
      Map<String, vn.truc.connector.api.ValueType> types,
      List<ConfigProblem> problems) {
    mapping.forEach(
        (field, column) -> {
          vn.truc.connector.api.ValueType type = column == null ? null : types.get(column);
          if (type != null) {
            FieldTypes.schemaAt(schema, field)
                .flatMap(s -> Convertibility.problem(column, type, s))
                .ifPresent(reason -> problems.add(new ConfigProblem("mapping." + field, reason)));
          }
        });
  }

  private static List<FieldRule> rules(ConnectorDefinition d) {
    List<FieldRule> rules = new ArrayList<>();
    if (d.mapping() != null) {
      d.mapping().forEach((field, column) -> rules.add(FieldRule.column(field, column)));
    }
    if (d.constants() != null) {
      d.constants().forEach((field, value) -> rules.add(FieldRule.constant(field, value)));
    }
    return rules;
  }
}
