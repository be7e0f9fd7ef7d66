package vn.truc.connector.api;

import java.util.List;

/**
 * Reads changes from an agency's system in batches. The caller owns the position: it stores the
 * last position only after the batch is safely on Kafka, so a crash re-reads, never skips.
 */
public interface SourceConnector extends AutoCloseable {

  /**
   * Reads up to {@code maxRows} changes after {@code position}, oldest first.
   *
   * @param position where the previous batch ended, or {@code null} to start from the beginning
   */
  List<SourceRow> poll(String position, int maxRows) throws Exception;

  /**
   * How many changes the source holds after {@code position}, for the progress and ETA of an
   * initial load; empty when the source cannot tell cheaply. An estimate is fine.
   */
  default java.util.OptionalLong remaining(String position) throws Exception {
    return java.util.OptionalLong.empty();
  }

  /**
   * Called once when the connector is deleted (never when the platform merely stops), after {@link
   * #close}: releases what the connector made at the source, such as a replication slot that would
   * otherwise keep the source database from recycling its log.
   */
  default void release() throws Exception {}

  @Override
  default void close() throws Exception {}
}
