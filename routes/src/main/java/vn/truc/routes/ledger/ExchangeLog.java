package vn.truc.routes.ledger;

/** The exchange log as routes see it: append only. */
public interface ExchangeLog {
  void append(ExchangeEntry entry);
}
