package vn.truc.connector.api;

import java.time.Instant;
import java.util.Map;

/**
 * One changed row as a source read it, before mapping to a contract.
 *
 * @param columns column name to JDBC value, as the source holds it
 * @param position the source position just after this row; resuming from it skips the row
 * @param changedAt when the source changed the row
 * @param deleted true when the source deleted the row
 */
public record SourceRow(
    Map<String, Object> columns, String position, Instant changedAt, boolean deleted) {

  /**
   * A column a source sets when it could not read a row properly (a CSV line with too many fields,
   * an unreadable cell): the reason, with the line. Such a row is never published; it goes to the
   * dead-letter topic with that reason, and the rest of the batch flows on.
   */
  public static final String ERROR_COLUMN = "__error";
}
