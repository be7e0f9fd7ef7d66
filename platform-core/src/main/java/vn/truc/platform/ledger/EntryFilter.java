package vn.truc.platform.ledger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What an auditor searches the ledger for; every condition given must hold. A connector's entries
 * are its ingests, re-submissions and rejections, a subscription's its deliveries and rejections.
 *
 * @param outcome the entry's kind: INGESTED, REJECTED, DELIVERED, RESUBMITTED, ...
 */
public record EntryFilter(
    LedgerBound from,
    LedgerBound to,
    String agency,
    String contract,
    String subscription,
    String connector,
    String outcome) {

  /** The SQL condition on {@code exchange_log} and its arguments, in order. */
  public record Where(String sql, List<Object> args) {}

  public Where where() {
    List<String> conditions = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (from instanceof LedgerBound.Seq s) {
      conditions.add("seq >= ?");
      args.add(s.value());
    } else if (from instanceof LedgerBound.Time t) {
      conditions.add("at >= ?");
      args.add(OffsetDateTime.ofInstant(t.value(), ZoneOffset.UTC));
    }
    if (to instanceof LedgerBound.Seq s) {
      conditions.add("seq <= ?");
      args.add(s.value());
    } else if (to instanceof LedgerBound.Time t) {
      conditions.add("at < ?");
      args.add(OffsetDateTime.ofInstant(t.value(), ZoneOffset.UTC));
    }
    equal(conditions, args, "agency", agency);
    equal(conditions, args, "contract", contract);
    if (connector != null) {
      conditions.add("actor = ? AND kind <> 'DELIVERED'");
      args.add(connector);
    }
    if (subscription != null) {
      conditions.add("actor = ? AND kind NOT IN ('INGESTED', 'RESUBMITTED')");
      args.add(subscription);
    }
    equal(conditions, args, "kind", outcome);
    return new Where(
        conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions), List.copyOf(args));
  }

  private static void equal(List<String> conditions, List<Object> args, String column, String v) {
    if (v != null) {
      conditions.add(column + " = ?");
      args.add(v);
    }
  }
}
