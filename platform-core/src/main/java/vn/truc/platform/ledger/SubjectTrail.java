package vn.truc.platform.ledger;

import java.time.Instant;
import java.util.List;

/**
 * "Who received my data?": every delivery that carried one person's record, oldest first.
 *
 * @param total deliveries in all (the page holds at most {@code size})
 */
public record SubjectTrail(
    String personalId, int page, int size, long total, List<Delivery> deliveries) {

  /**
   * One delivery batch that carried the person's record.
   *
   * @param subscription the subscription that delivered it
   * @param agency the receiving agency
   * @param grant the grant the delivery was made under
   * @param purpose the purpose under the subscription's grant
   * @param legalBasis the legal basis under the grant
   * @param recordCount records in the whole batch
   */
  public record Delivery(
      long entryId,
      Long seq,
      Instant at,
      String subscription,
      String agency,
      String contract,
      Integer contractVersion,
      String grant,
      String purpose,
      String legalBasis,
      int recordCount) {}

  private static final java.util.regex.Pattern GRANT =
      java.util.regex.Pattern.compile("under grant ([^;\\s]+)");

  /** The grant a delivery entry names in its detail ("under grant bnv-national.1"), or null. */
  static String grantOf(String detail) {
    if (detail == null) {
      return null;
    }
    java.util.regex.Matcher m = GRANT.matcher(detail);
    return m.find() ? m.group(1) : null;
  }
}
