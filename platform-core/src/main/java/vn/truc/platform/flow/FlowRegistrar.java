package vn.truc.platform.flow;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import vn.truc.connector.api.OffsetStore;
import vn.truc.connector.api.SinkConnector;
import vn.truc.connector.api.SinkKind;
import vn.truc.connector.api.SourceConnector;
import vn.truc.connector.api.SourceKind;
import vn.truc.platform.TrucProperties;
import vn.truc.platform.ops.ConsumerLag;
import vn.truc.platform.ops.ContractTopics;
import vn.truc.platform.registry.PublishedContracts;
import vn.truc.routes.RouteMetrics;
import vn.truc.routes.delivery.DeliveryFlow;
import vn.truc.routes.delivery.DeliveryRoute;
import vn.truc.routes.error.ErrorHandling;
import vn.truc.routes.ingest.IngestFlow;
import vn.truc.routes.ingest.IngestRoute;
import vn.truc.routes.ledger.ExchangeLog;
import vn.truc.routes.mapping.CodeMaps;
import vn.truc.routes.mapping.FieldRule;
import vn.truc.routes.mapping.RecordFlattener;
import vn.truc.routes.mapping.RowMapper;
import vn.truc.routes.mapping.SinkColumn;
import vn.truc.routes.serde.AvroWireSerde;
import vn.truc.routes.serde.SchemaLookup;
import vn.truc.routes.translate.StandardSteps;
import vn.truc.schemas.Contract;
import vn.truc.schemas.ContractCatalog;

/**
 * Turns flow definitions into running routes when Camel starts: one ingest route per connector, one
 * delivery route per subscription, all under the one error-handling configuration. A definition
 * with problems stops the start with every problem named.
 */
@Component
public class FlowRegistrar implements CamelContextConfiguration, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(FlowRegistrar.class);

  private final TrucProperties properties;
  private final ResourceLoader resources;
  private final Environment environment;
  private final OffsetStore offsets;
  private final ExchangeLog log;
  private final SchemaLookup registry;
  private final ContractTopics topics;
  private final MeterRegistry meters;
  private final ConsumerLag lag;
  private final ContractCatalog catalog;
  private final CodeMaps codes = new CodeMaps();
  private final List<AutoCloseable> opened = new ArrayList<>();

  FlowRegistrar(
      TrucProperties properties,
      ResourceLoader resources,
      Environment environment,
      OffsetStore offsets,
      ExchangeLog log,
      SchemaLookup registry,
      ContractTopics topics,
      MeterRegistry meters,
      ConsumerLag lag,
      PublishedContracts contracts) {
    this.catalog = contracts.catalog();
    this.properties = properties;
    this.resources = resources;
    this.environment = environment;
    this.offsets = offsets;
    this.log = log;
    this.registry = registry;
    this.topics = topics;
    this.meters = meters;
    this.lag = lag;
  }

  @Override
  public void beforeApplicationStart(CamelContext camel) {
    TrucProperties.Retry retry = properties.retry();
    FlowDefinitions definitions =
        FlowDefinitions.read(
            properties.flows().stream().map(resources::getResource).toList(),
            environment::resolveRequiredPlaceholders);
    AvroWireSerde serde = new AvroWireSerde(registry);
    Map<String, SourceKind> sourceKinds = kinds(SourceKind.class);
    Map<String, SinkKind> sinkKinds = kinds(SinkKind.class);
    List<String> neededTopics = new ArrayList<>();
    try {
      camel.addRoutes(
          new ErrorHandling(retry.maxRedeliveries(), retry.initialDelayMs(), retry.maxDelayMs()));
      for (ConnectorDefinition d : definitions.connectors()) {
        Contract contract = catalog.get(d.contract());
        registry.idFor(contract.subject(), contract.schema());
        SourceKind kind = kind(sourceKinds, d.kind(), "connector " + d.id());
        SourceConnector source = kind.create(kind.config().parse(d.settings()));
        opened.add(source);
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
        neededTopics.add(contract.topic());
        neededTopics.add(flow.deadLetterTopic());
        camel.addRoutes(
            new IngestRoute(flow, serde, log, new RouteMetrics(meters, "ingest", d.id())));
        LOG.info(
            "Connector {} of {} feeds {} from {}",
            d.id(),
            d.agency(),
            contract.topic(),
            kind.name());
      }
      for (SubscriptionDefinition d : definitions.subscriptions()) {
        Contract contract = catalog.get(d.contract());
        SinkKind kind = kind(sinkKinds, d.kind(), "subscription " + d.id());
        List<SinkColumn> columns =
            d.columns().entrySet().stream()
                .map(e -> new SinkColumn(e.getKey(), e.getValue()))
                .toList();
        SinkConnector sink =
            kind.create(
                kind.config().parse(d.settings()),
                columns.stream().map(SinkColumn::column).toList());
        opened.add(sink);
        DeliveryFlow flow =
            new DeliveryFlow(
                d.id(),
                d.agency(),
                contract,
                sink,
                new RecordFlattener(columns),
                d.batchSizeOrDefault());
        neededTopics.add(contract.topic());
        neededTopics.add(flow.deadLetterTopic());
        lag.watch(d.id(), flow.consumerGroup(), contract.topic());
        camel.addRoutes(
            new DeliveryRoute(flow, serde, log, new RouteMetrics(meters, "deliver", d.id())));
        LOG.info(
            "Subscription {} delivers {} to {} via {}",
            d.id(),
            contract.topic(),
            d.agency(),
            kind.name());
      }
      topics.ensure(neededTopics);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start flows: " + e.getMessage(), e);
    }
  }

  @Override
  public void afterApplicationStart(CamelContext camel) {}

  @Override
  public void destroy() {
    for (AutoCloseable c : opened) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("Closing {} failed: {}", c, e.getMessage());
      }
    }
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

  private static <K> Map<String, K> kinds(Class<K> type) {
    Map<String, K> byName = new HashMap<>();
    for (K kind : ServiceLoader.load(type)) {
      String name = kind instanceof SourceKind s ? s.name() : ((SinkKind) kind).name();
      byName.put(name, kind);
    }
    return byName;
  }

  private static <K> K kind(Map<String, K> kinds, String name, String what) {
    K kind = kinds.get(name);
    if (kind == null) {
      throw new IllegalArgumentException(
          what + ": unknown kind '" + name + "'; available: " + kinds.keySet());
    }
    return kind;
  }
}
