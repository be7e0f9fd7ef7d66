package vn.truc.platform.ledger;

/** A ledger API request that cannot be answered as asked (HTTP 400), naming the parameter. */
final class LedgerRequestException extends RuntimeException {

  final String field;

  LedgerRequestException(String field, String reason) {
    super(reason);
    this.field = field;
  }
}
