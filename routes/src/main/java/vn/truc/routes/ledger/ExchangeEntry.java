package vn.truc.routes.ledger;

import java.time.Instant;
import java.util.List;

/**
 * One batch-level fact for the exchange log: who moved how many records of which contract, with
 * which keys, and how it ended. One entry per batch, never per record.
 *
 * @param kind INGESTED, REJECTED, DELIVERED, RESUBMITTED or ADMINISTERED
 * @param actor the connector or subscription id; for an administrative action, the user
 * @param agency the agency on whose behalf the actor ran (source or receiver)
 * @param keys the record keys involved (personal ID numbers)
 * @param firstPosition source or Kafka position of the first record
 * @param lastPosition source or Kafka position of the last record
 * @param detail free text, e.g. the reasons for a rejection
 * @param purpose for a delivery, the purpose its grant was approved for; else null
 * @param legalBasis for a delivery, the legal basis its grant cites; else null
 */
public record ExchangeEntry(
    Kind kind,
    Instant at,
    String actor,
    String agency,
    String contract,
    int recordCount,
    List<String> keys,
    String firstPosition,
    String lastPosition,
    String detail,
    String purpose,
    String legalBasis) {

  /** An entry that is no delivery under a grant: no purpose, no legal basis. */
  public ExchangeEntry(
      Kind kind,
      Instant at,
      String actor,
      String agency,
      String contract,
      int recordCount,
      List<String> keys,
      String firstPosition,
      String lastPosition,
      String detail) {
    this(
        kind,
        at,
        actor,
        agency,
        contract,
        recordCount,
        keys,
        firstPosition,
        lastPosition,
        detail,
        null,
        null);
  }

  public enum Kind {
    INGESTED,
    REJECTED,
    DELIVERED,
    /** A dead-letter entry re-submitted by an operator and published; one entry per record. */
    RESUBMITTED,
    /**
     * An administrative action on a flow (registered, changed, paused, resumed, restarted, deleted,
     * offsets moved) or on a grant (requested, approved, rejected, revoked): the actor is the user,
     * the detail names the action and the flow or grant.
     */
    ADMINISTERED
  }
}
