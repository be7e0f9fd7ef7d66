package vn.truc.connector.api;

import java.util.List;

/** Writes batches to a receiver's store, idempotently and in one transaction per batch. */
public interface SinkConnector extends AutoCloseable {

  /**
   * Writes the batch; returns only after it is durable. Replaying a batch changes nothing, and a
   * record older than the stored version of its key is ignored.
   *
   * @return how many records changed the store
   */
  int write(List<SinkRecord> records) throws Exception;

  @Override
  default void close() throws Exception {}
}
