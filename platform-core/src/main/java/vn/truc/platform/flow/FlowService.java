package vn.truc.platform.flow;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.connector.api.OffsetStore;
import vn.truc.platform.grant.GrantService;

/**
 * Registration and lifecycle of connectors and subscriptions: validate (with a live test of the
 * source or target), register (persist, then start), pause, resume, restart, delete, offsets.
 */
@Service
public class FlowService {

  private final FlowFactory factory;
  private final FlowRuntime runtime;
  private final FlowStore store;
  private final OffsetStore offsets;
  private final AdminLog admin;
  private final GrantService grants;

  FlowService(
      FlowFactory factory,
      FlowRuntime runtime,
      FlowStore store,
      OffsetStore offsets,
      AdminLog admin,
      GrantService grants) {
    this.grants = grants;
    this.factory = factory;
    this.runtime = runtime;
    this.store = store;
    this.offsets = offsets;
    this.admin = admin;
  }

  public List<ConfigProblem> validate(Object definition) {
    return definition instanceof ConnectorDefinition c
        ? factory.validate(c, true)
        : factory.validate((SubscriptionDefinition) definition, true);
  }

  /** Registers or replaces the definition; returns true when it was new. */
  public boolean register(FlowType type, String id, Object definition) {
    runtime
        .find(id)
        .filter(r -> r.origin() == FlowRuntime.Origin.FILE)
        .ifPresent(
            r -> {
              throw new FlowConflictException(id + " is defined in a flow file; change it there");
            });
    runtime
        .find(id)
        .filter(r -> r.type() != type)
        .ifPresent(
            r -> {
              throw new FlowConflictException(
                  "'" + id + "' is already the id of a " + r.type().name().toLowerCase());
            });
    List<ConfigProblem> problems = validate(definition);
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException(id, problems);
    }
    boolean created = runtime.find(id).isEmpty();
    store.save(type, id, definition, false);
    admin.record(created ? "registered" : "changed", type, id, definition, null, null);
    if (definition instanceof SubscriptionDefinition s) {
      grants.requested(s.id(), s.agency(), s.contract(), s.grant(), false);
    }
    runtime.start(definition, FlowRuntime.Origin.API, false);
    return created;
  }

  public void delete(String id) {
    apiOnly(id);
    FlowRuntime.Running running = runtime.get(id);
    runtime.delete(id);
    store.delete(id);
    admin.record("deleted", running.type(), id, running.definition(), null, null);
    if (running.type() == FlowType.SUBSCRIPTION) {
      grants.subscriptionDeleted(id);
    }
  }

  public void pause(String id) throws Exception {
    runtime.pause(id);
    FlowRuntime.Running r = runtime.get(id);
    if (r.origin() == FlowRuntime.Origin.API) {
      store.setPaused(id, true);
    }
    admin.record("paused", r.type(), id, r.definition(), null, null);
  }

  public void resume(String id) throws Exception {
    runtime.resume(id);
    FlowRuntime.Running r = runtime.get(id);
    if (r.origin() == FlowRuntime.Origin.API) {
      store.setPaused(id, false);
    }
    admin.record("resumed", r.type(), id, r.definition(), null, null);
  }

  /** Rebuilds the flow from its definition: new connections, secrets read again. */
  public void restart(String id) {
    FlowRuntime.Running r = runtime.get(id);
    runtime.start(r.definition(), r.origin(), false);
    admin.record("restarted", r.type(), id, r.definition(), null, null);
  }

  public Map<String, Object> offsets(String id) {
    connector(id);
    return java.util.Collections.singletonMap("position", offsets.load(id).orElse(null));
  }

  /**
   * Moves a paused connector's position: {@code {"to": "start"}}, {@code {"time":
   * "2026-11-01T00:00:00"}} (the source's local time) or {@code {"position": "..."}}.
   */
  public Map<String, Object> resetOffsets(String id, Map<String, String> request) {
    connector(id);
    if (!runtime.isPaused(id)) {
      throw new FlowConflictException("pause connector " + id + " before moving its offsets");
    }
    String before = offsets.load(id).orElse(null);
    if ("start".equals(request.get("to"))) {
      offsets.reset(id);
    } else if (request.get("time") != null) {
      if (!startsFromATime(runtime.get(id).definition())) {
        throw new InvalidDefinitionException(
            id,
            List.of(
                new ConfigProblem(
                    "time",
                    "only a jdbc-polling connector with a timestamp.column can start from a time;"
                        + " move this one to the start or to a position")));
      }
      try {
        offsets.save(id, LocalDateTime.parse(request.get("time")) + "|");
      } catch (DateTimeParseException e) {
        throw new InvalidDefinitionException(
            id,
            List.of(
                new ConfigProblem("time", "is not a local date-time like 2026-11-01T00:00:00")));
      }
    } else if (request.get("position") != null && !request.get("position").isBlank()) {
      String position = request.get("position");
      if (runtime.get(id).definition() instanceof ConnectorDefinition d) {
        factory
            .positionProblem(d, position)
            .ifPresent(
                reason -> {
                  throw new InvalidDefinitionException(
                      id, List.of(new ConfigProblem("position", reason)));
                });
      }
      offsets.save(id, position);
    } else {
      throw new InvalidDefinitionException(
          id,
          List.of(
              new ConfigProblem(
                  "body",
                  "give one of {\"to\": \"start\"}, {\"time\": \"...\"} or {\"position\": \"...\"}")));
    }
    FlowRuntime.Running r = runtime.get(id);
    admin.record(
        "offsets moved", r.type(), id, r.definition(), before, offsets.load(id).orElse(null));
    return offsets(id);
  }

  /** Only an update-timestamp watermark can be placed at a time of day. */
  private static boolean startsFromATime(Object definition) {
    return definition instanceof ConnectorDefinition d
        && "jdbc-polling".equals(d.kind())
        && d.settings() != null
        && d.settings().get("timestamp.column") != null;
  }

  private void connector(String id) {
    if (runtime.get(id).type() != FlowType.CONNECTOR) {
      throw new FlowConflictException(
          id + " is a subscription: its offsets are its consumer group's");
    }
  }

  private void apiOnly(String id) {
    if (runtime.get(id).origin() == FlowRuntime.Origin.FILE) {
      throw new FlowConflictException(id + " is defined in a flow file; remove it there");
    }
  }
}
