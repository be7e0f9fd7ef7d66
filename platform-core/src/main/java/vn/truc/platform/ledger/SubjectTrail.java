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
   * @param purpose the purpose under the subscription's grant; null until grants exist
   * @param legalBasis the legal basis under the grant; null until grants exist
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
      String purpose,
      String legalBasis,
      int recordCount) {}
}
