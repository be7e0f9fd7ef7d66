package vn.truc.platform.flow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import vn.truc.connector.api.OffsetStore;
import vn.truc.platform.grant.GrantBook;
import vn.truc.platform.ops.ConsumerLag;
import vn.truc.platform.ops.ContractTopics;
import vn.truc.routes.TemplatedRoute;
import vn.truc.routes.TrucRouteTemplates;

/**
 * The flows that run in this platform instance: routes added to and removed from Camel while it
 * runs, paused and resumed, each with the resources (connection pools) closed with it.
 */
@Component
public class FlowRuntime implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(FlowRuntime.class);

  /** Where a definition came from: a file the operator manages, or the API. */
  public enum Origin {
    FILE,
    API
  }

  /** One flow as it runs. */
  public record Running(
      String id,
      FlowType type,
      Object definition,
      Origin origin,
      FlowFactory.Built built,
      java.time.Instant startedAt) {}

  private final FlowFactory factory;
  private final ContractTopics topics;
  private final ConsumerLag lag;
  private final RouteErrors errors;
  private final OffsetStore offsets;
  private final MeterRegistry meters;
  private final Map<String, Running> flows = new ConcurrentHashMap<>();

  /** Subscriptions stopped because no grant is in force (not paused by anyone). */
  private final java.util.Set<String> held = ConcurrentHashMap.newKeySet();

  private final GrantBook grants;
  private CamelContext camel;

  FlowRuntime(
      FlowFactory factory,
      ContractTopics topics,
      ConsumerLag lag,
      RouteErrors errors,
      OffsetStore offsets,
      MeterRegistry meters,
      GrantBook grants) {
    this.grants = grants;
    this.factory = factory;
    this.topics = topics;
    this.lag = lag;
    this.errors = errors;
    this.offsets = offsets;
    this.meters = meters;
  }

  /** Takes the Camel context the flows run in and adds the route templates they are made of. */
  void attach(CamelContext camel) {
    this.camel = camel;
    try {
      camel.addRoutes(new TrucRouteTemplates());
    } catch (Exception e) {
      throw new IllegalStateException("Cannot add the route templates: " + e.getMessage(), e);
    }
  }

  /** Builds and starts (or defines, paused) the flow; replaces a running one with the same id. */
  public synchronized Running start(Object definition, Origin origin, boolean paused) {
    boolean hold =
        !paused
            && definition instanceof SubscriptionDefinition s
            && !grantInForce(s.id(), java.time.Instant.now());
    FlowFactory.Built built =
        definition instanceof ConnectorDefinition c
            ? factory.build(c, paused)
            : factory.build((SubscriptionDefinition) definition, paused || hold);
    if (flows.containsKey(built.id())) {
      remove(built.id());
    }
    try {
      topics.ensure(built.topics());
      if (built.consumerGroup() != null) {
        lag.watch(built.id(), built.consumerGroup(), built.contractTopic());
      }
      for (TemplatedRoute route : built.routes()) {
        route.addTo(camel);
      }
    } catch (Exception e) {
      removeRoutes(built);
      close(built);
      throw new IllegalStateException("Cannot start " + built.id() + ": " + e.getMessage(), e);
    }
    Running running =
        new Running(built.id(), built.type(), definition, origin, built, java.time.Instant.now());
    flows.put(built.id(), running);
    if (hold) {
      held.add(built.id());
    } else {
      held.remove(built.id());
    }
    LOG.info(
        "{} {} {} ({})", built.type(), built.id(), paused ? "defined, paused" : "started", origin);
    return running;
  }

  /** Stops the flow's routes, removes them and closes its resources. */
  public synchronized void remove(String id) {
    held.remove(id);
    Running running = flows.remove(id);
    if (running == null) {
      return;
    }
    removeRoutes(running.built());
    close(running.built());
  }

  /** Removes the flow for good: its source also gives back what it made (a replication slot). */
  public synchronized void delete(String id) {
    Running running = flows.get(id);
    remove(id);
    if (running == null) {
      return;
    }
    for (AutoCloseable resource : running.built().resources()) {
      if (resource instanceof vn.truc.connector.api.SourceConnector source) {
        try {
          source.release();
        } catch (Exception e) {
          LOG.warn("{}: could not release what it made at the source: {}", id, e.getMessage());
        }
      }
    }
  }

  /**
   * Removes a flow's routes in the reverse order of their adding, callers before the routes they
   * call; also the definition of a route that was added but failed to start.
   */
  private void removeRoutes(FlowFactory.Built built) {
    List<TemplatedRoute> routes = built.routes();
    Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
    for (int i = routes.size() - 1; i >= 0; i--) {
      String routeId = routes.get(i).routeId();
      try {
        if (camel.getRoute(routeId) != null) {
          camel.getRouteController().stopRoute(routeId);
          camel.removeRoute(routeId);
        } else if (model != null && model.getRouteDefinition(routeId) != null) {
          model.removeRouteDefinition(model.getRouteDefinition(routeId));
        }
      } catch (Exception e) {
        LOG.warn("Removing route {} of {} failed: {}", routeId, built.id(), e.getMessage());
      }
    }
  }

  public synchronized void pause(String id) throws Exception {
    held.remove(id);
    camel.getRouteController().stopRoute(get(id).built().routeId());
  }

  /** Starts the flow's route; a subscription without a grant in force waits for one instead. */
  public synchronized void resume(String id) throws Exception {
    Running r = get(id);
    if (r.type() == FlowType.SUBSCRIPTION && !grantInForce(id, java.time.Instant.now())) {
      held.add(id);
      return;
    }
    camel.getRouteController().startRoute(r.built().routeId());
  }

  /** Stops a running subscription whose grant is no longer in force, until one is. */
  synchronized void hold(String id) throws Exception {
    Running r = flows.get(id);
    if (r == null || held.contains(id) || isPaused(id)) {
      return;
    }
    held.add(id);
    camel.getRouteController().stopRoute(r.built().routeId());
    LOG.info("subscription {} stopped: no grant in force", id);
  }

  /** Starts a held subscription again now that a grant is in force. */
  synchronized void release(String id) throws Exception {
    Running r = flows.get(id);
    if (r == null || !held.remove(id)) {
      return;
    }
    camel.getRouteController().startRoute(r.built().routeId());
    LOG.info("subscription {} started: grant {} in force", id, grants.get(id).id());
  }

  boolean isHeld(String id) {
    return held.contains(id);
  }

  boolean grantInForce(String subscription, java.time.Instant now) {
    vn.truc.routes.grant.Grant g = grants.get(subscription);
    return g != null && g.activeAt(now);
  }

  public Optional<Running> find(String id) {
    return Optional.ofNullable(flows.get(id));
  }

  public Running get(String id) {
    return find(id).orElseThrow(() -> new UnknownFlowException(id));
  }

  public Collection<Running> all() {
    return flows.values();
  }

  /** RUNNING, PAUSED or FAILED (the route stopped by itself), with counts and the last error. */
  public Map<String, Object> status(String id) {
    Running r = get(id);
    String routeId = r.built().routeId();
    ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", id);
    s.put("type", r.type());
    s.put("origin", r.origin());
    s.put(
        "state",
        status == null
            ? "FAILED"
            : held.contains(id) && !status.isStarted()
                ? "AWAITING_GRANT"
                : status.isStarted() ? "RUNNING" : status.isStopped() ? "PAUSED" : status.name());
    String route = r.type() == FlowType.CONNECTOR ? "ingest" : "deliver";
    s.put("recordsIn", count("truc.records.in", route, id));
    s.put("recordsOut", count("truc.records.out", route, id));
    s.put("recordsRejected", count("truc.records.rejected", route, id));
    if (r.type() == FlowType.CONNECTOR) {
      String position = offsets.load(id).orElse(null);
      s.put("position", position);
      progress(r, position, (long) s.get("recordsIn")).ifPresent(p -> s.put("progress", p));
    } else {
      var gauge = meters.find("truc.consumer.lag").tag("id", id).gauge();
      s.put("lag", gauge == null ? null : (long) gauge.value());
      s.put("recordsFiltered", count("truc.records.filtered", route, id));
      vn.truc.routes.grant.Grant g = grants.get(id);
      if (g != null) {
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("id", g.id());
        grant.put("inForce", g.activeAt(java.time.Instant.now()));
        grant.put("validUntil", g.validUntil() == null ? null : g.validUntil().toString());
        grant.put("revokedAt", g.revokedAt() == null ? null : g.revokedAt().toString());
        s.put("grant", grant);
      }
    }
    errors
        .last(routeId)
        .ifPresent(
            e -> {
              s.put("lastError", e.message());
              s.put("lastErrorAt", e.at().toString());
            });
    return s;
  }

  /** Percent done and time left, where the source can count what remains; else empty. */
  private Optional<Map<String, Object>> progress(Running r, String position, long read) {
    for (AutoCloseable resource : r.built().resources()) {
      if (resource instanceof vn.truc.connector.api.SourceConnector source) {
        try {
          var remaining = source.remaining(position);
          if (remaining.isPresent()) {
            return Optional.of(
                new LoadProgress(
                        read,
                        remaining.getAsLong(),
                        java.time.Duration.between(r.startedAt(), java.time.Instant.now()))
                    .asMap());
          }
        } catch (Exception e) {
          LOG.debug("{}: cannot count what remains: {}", r.id(), e.getMessage());
        }
      }
    }
    return Optional.empty();
  }

  public boolean isPaused(String id) {
    ServiceStatus status = camel.getRouteController().getRouteStatus(get(id).built().routeId());
    return status != null && status.isStopped();
  }

  private long count(String name, String route, String id) {
    Counter c = meters.find(name).tag("route", route).tag("id", id).counter();
    return c == null ? 0 : (long) c.count();
  }

  private static void close(FlowFactory.Built built) {
    for (AutoCloseable c : built.resources()) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("Closing a resource of {} failed: {}", built.id(), e.getMessage());
      }
    }
  }

  @Override
  public void destroy() {
    flows.values().forEach(r -> close(r.built()));
    flows.clear();
  }
}
