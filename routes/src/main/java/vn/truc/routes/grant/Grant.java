package vn.truc.routes.grant;

import java.time.Instant;
import java.util.Set;

/**
 * What one subscription may receive of a contract, and while: the fields, the rows, the period, and
 * whether sensitive fields (ethnicity, religion, health, Party membership: the contract marks them
 * {@code truc.sensitive}) are included. A grant is the outcome of an approval, recorded with its
 * purpose and legal basis.
 *
 * @param fields the contract's top-level fields granted; the header and the key always travel
 * @param sensitive whether the approver explicitly granted sensitive fields
 * @param validUntil the end of the grant, exclusive; null for none
 * @param revokedAt when the grant was revoked, or null
 */
public record Grant(
    String id,
    String subscription,
    String contract,
    Set<String> fields,
    RowFilter filter,
    boolean sensitive,
    Instant validFrom,
    Instant validUntil,
    Instant revokedAt,
    String purpose,
    String legalBasis) {

  public Grant {
    fields = Set.copyOf(fields);
    filter = filter == null ? RowFilter.ALL : filter;
  }

  /** Whether records may be delivered under this grant at {@code now}. */
  public boolean activeAt(Instant now) {
    return revokedAt == null
        && !now.isBefore(validFrom)
        && (validUntil == null || now.isBefore(validUntil));
  }

  /** The grant as revoked at {@code when}. */
  public Grant revoked(Instant when) {
    return new Grant(
        id,
        subscription,
        contract,
        fields,
        filter,
        sensitive,
        validFrom,
        validUntil,
        when,
        purpose,
        legalBasis);
  }
}
