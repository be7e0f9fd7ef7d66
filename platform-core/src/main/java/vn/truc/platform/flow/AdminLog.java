package vn.truc.platform.flow;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.truc.platform.security.Caller;
import vn.truc.platform.security.Callers;
import vn.truc.routes.ledger.ExchangeEntry;
import vn.truc.routes.ledger.ExchangeLog;

/**
 * Puts every administrative action on a flow into the exchange ledger, next to the data it governs:
 * who (user and agency, from the token) registered, changed, paused, resumed, restarted or deleted
 * which connector or subscription, and who moved a connector's position from where to where.
 * Auditors then see in one chain both what moved and who made it move.
 */
@Component
class AdminLog {

  private final ExchangeLog log;

  AdminLog(ExchangeLog log) {
    this.log = log;
  }

  void record(
      String action,
      FlowType type,
      String id,
      Object definition,
      String positionBefore,
      String positionAfter) {
    Caller caller = Callers.current().orElse(null);
    String flowAgency = agency(definition);
    String user = caller == null ? "platform" : caller.subject();
    String agency = caller == null || caller.agency() == null ? flowAgency : caller.agency();
    log.append(
        new ExchangeEntry(
            ExchangeEntry.Kind.ADMINISTERED,
            Instant.now(),
            user,
            agency == null ? "" : agency,
            contract(definition),
            0,
            List.of(),
            positionBefore,
            positionAfter,
            type.name().toLowerCase()
                + " "
                + id
                + " "
                + action
                + (flowAgency == null ? "" : " (agency " + flowAgency + ")")));
  }

  private static String agency(Object definition) {
    if (definition instanceof ConnectorDefinition c) {
      return c.agency();
    }
    return definition instanceof SubscriptionDefinition s ? s.agency() : null;
  }

  private static String contract(Object definition) {
    String contract = null;
    if (definition instanceof ConnectorDefinition c) {
      contract = c.contract();
    } else if (definition instanceof SubscriptionDefinition s) {
      contract = s.contract();
    }
    return contract == null ? "" : contract;
  }
}
