package vn.truc.routes.ingest;

import java.time.Duration;
import vn.truc.connector.api.OffsetStore;
import vn.truc.connector.api.SourceConnector;
import vn.truc.routes.mapping.RowMapper;
import vn.truc.schemas.Contract;

/**
 * What one ingest route needs: a source connector of an agency, the mapping of its rows to a
 * contract, and where its position is kept.
 *
 * @param connectorId unique id of the connector, e.g. {@code p37-hr}
 * @param agency code of the source agency
 * @param batchSize rows read, mapped and published together
 * @param pollInterval pause between polls when the source has nothing more
 */
public record IngestFlow(
    String connectorId,
    String agency,
    Contract contract,
    SourceConnector source,
    RowMapper mapper,
    OffsetStore offsets,
    int batchSize,
    Duration pollInterval) {

  /** The dead-letter topic of the connector. */
  public String deadLetterTopic() {
    return "truc.dlq.ingest." + connectorId;
  }
}
