package vn.truc.platform.flow;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.platform.TrucProperties;
import vn.truc.platform.grant.GrantService;
import vn.truc.routes.error.ErrorHandling;

/**
 * Starts the flows when Camel starts: those of the operator's definition files (a problem there
 * stops the start, naming every field) and those registered through the API (a problem there is
 * logged and the rest start: one province's broken password must not stop the others).
 */
@Component
class FlowRegistrar implements CamelContextConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(FlowRegistrar.class);

  private final TrucProperties properties;
  private final ResourceLoader resources;
  private final Environment environment;
  private final FlowRuntime runtime;
  private final FlowStore store;
  private final RouteErrors errors;
  private final GrantService grants;
  private final FlowFactory factory;
  private final vn.truc.platform.agency.AgencyRegistry agencies;

  FlowRegistrar(
      GrantService grants,
      TrucProperties properties,
      ResourceLoader resources,
      Environment environment,
      FlowRuntime runtime,
      FlowStore store,
      RouteErrors errors,
      FlowFactory factory,
      vn.truc.platform.agency.AgencyRegistry agencies) {
    this.factory = factory;
    this.agencies = agencies;
    this.properties = properties;
    this.resources = resources;
    this.environment = environment;
    this.runtime = runtime;
    this.store = store;
    this.errors = errors;
    this.grants = grants;
  }

  @Override
  public void beforeApplicationStart(CamelContext camel) {
    runtime.attach(camel);
    camel.getManagementStrategy().addEventNotifier(errors);
    TrucProperties.Retry retry = properties.retry();
    try {
      camel.addRoutes(
          new ErrorHandling(retry.maxRedeliveries(), retry.initialDelayMs(), retry.maxDelayMs()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    FlowDefinitions files =
        FlowDefinitions.read(
            properties.flows().stream().map(resources::getResource).toList(),
            environment::resolvePlaceholders);
    for (ConnectorDefinition d : files.connectors()) {
      knownAgency(d.id(), d.agency());
      runtime.start(d, FlowRuntime.Origin.FILE, false);
    }
    for (SubscriptionDefinition d : files.subscriptions()) {
      knownAgency(d.id(), d.agency());
      List<ConfigProblem> problems = factory.validate(d, false);
      if (!problems.isEmpty()) {
        throw new InvalidDefinitionException(d.id(), problems);
      }
      // The operator's file is the operator's decision: its grant is approved as written.
      grants.requested(d.id(), d.agency(), d.contract(), d.grant(), true);
      runtime.start(d, FlowRuntime.Origin.FILE, false);
    }
    for (FlowStore.Stored stored : store.all()) {
      try {
        runtime.start(stored.definition(), FlowRuntime.Origin.API, stored.paused());
      } catch (RuntimeException e) {
        LOG.error("Registered {} {} cannot start: {}", stored.type(), stored.id(), e.getMessage());
      }
    }
  }

  @Override
  public void afterApplicationStart(CamelContext camel) {}

  /** A file's flow must name an agency the platform knows, as one registered through the API. */
  private void knownAgency(String id, String agency) {
    List<ConfigProblem> problems = agencies.problems(agency);
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException(id, problems);
    }
  }
}
