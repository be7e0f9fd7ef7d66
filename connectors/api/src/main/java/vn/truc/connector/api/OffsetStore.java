package vn.truc.connector.api;

import java.util.Optional;

/** Where each source connector's position is kept between runs (the platform's database). */
public interface OffsetStore {

  Optional<String> load(String connectorId);

  /** Saves durably; called only after the batch up to {@code position} is on Kafka. */
  void save(String connectorId, String position);

  /** Forgets the position: the connector starts again from the beginning of its source. */
  void reset(String connectorId);
}
