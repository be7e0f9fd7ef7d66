package vn.truc.routes.ingest;

import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import vn.truc.connector.api.SourceRow;
import vn.truc.routes.TrucRouteTemplates;
import vn.truc.routes.ledger.ExchangeEntry;
import vn.truc.routes.ledger.ExchangeLog;
import vn.truc.routes.mapping.MappingResult;
import vn.truc.routes.serde.AvroWireSerde;

/**
 * The steps of one re-submission: map the row again with the connector's current mapping (as the
 * ingest route would, header included, but with the row's original position and change time), then,
 * once Kafka has the record, log it. A row still invalid is not published; the caller gets its
 * field errors.
 */
final class ReplayStep {

  static final String REQUEST = "truc.replay.request";
  static final String OUTCOME = "truc.replay.outcome";

  private final IngestFlow flow;
  private final IngestStep ingest;
  private final AvroWireSerde serde;
  private final ExchangeLog log;

  ReplayStep(IngestFlow flow, IngestStep ingest, AvroWireSerde serde, ExchangeLog log) {
    this.flow = flow;
    this.ingest = ingest;
    this.serde = serde;
    this.log = log;
  }

  void map(Exchange exchange) throws InvalidPayloadException {
    Message message = exchange.getMessage();
    Resubmission request = message.getMandatoryBody(Resubmission.class);
    MappingResult result =
        ingest.mapRow(
            new SourceRow(
                request.columns(), request.position(), request.changedAt(), request.deleted()));
    exchange.setProperty(REQUEST, request);
    if (result.isValid()) {
      String key = String.valueOf(result.record().get(flow.contract().keyField()));
      message.setHeader(KafkaConstants.KEY, key);
      message.setBody(serde.serialize(flow.contract().subject(), result.record()));
      exchange.setProperty(OUTCOME, ReplayOutcome.published(key));
    } else {
      exchange.setProperty(OUTCOME, ReplayOutcome.rejected(result.errors()));
    }
    exchange.setProperty(TrucRouteTemplates.REPLAY_PUBLISH, result.isValid());
  }

  /** Reached after Kafka acknowledged the record (or at once for a rejected one). */
  void commit(Exchange exchange) {
    Resubmission request = exchange.getProperty(REQUEST, Resubmission.class);
    ReplayOutcome outcome = exchange.getProperty(OUTCOME, ReplayOutcome.class);
    if (outcome.isPublished()) {
      log.append(
          new ExchangeEntry(
              ExchangeEntry.Kind.RESUBMITTED,
              Instant.now(),
              flow.connectorId(),
              flow.agency(),
              flow.contract().name(),
              1,
              List.of(outcome.key()),
              request.position(),
              request.position(),
              "re-submitted from "
                  + request.entry()
                  + (request.corrected().isEmpty()
                      ? ""
                      : " with corrected columns " + String.join(", ", request.corrected()))
                  + " to "
                  + flow.contract().topic()));
    }
    exchange.getMessage().removeHeaders("*");
    exchange.getMessage().setBody(outcome);
  }
}
