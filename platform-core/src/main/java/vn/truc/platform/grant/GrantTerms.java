package vn.truc.platform.grant;

import java.util.List;
import java.util.Map;

/**
 * What a receiving agency asks for when it subscribes, and what an approver grants (the same terms,
 * or narrower): the contract's fields, the rows, the purpose and its legal basis, and the period.
 *
 * @param fields top-level fields of the contract; the record header and key always travel
 * @param filter field path (e.g. {@code residence.provinceCode}) to the values let through; none or
 *     empty for every row
 * @param sensitive true to ask for sensitive fields (ethnicity, religion, Party membership), which
 *     Decree 356/2025 requires to be granted explicitly
 * @param purpose a purpose code, e.g. {@code CIVIL_SERVICE_MANAGEMENT}
 * @param legalBasis the legal basis in words
 * @param legalDocument the reference of the document that gives it, e.g. {@code 194/2025/NĐ-CP}
 * @param validFrom first day or instant of the grant (ISO-8601); none for "as soon as approved"
 * @param validUntil end of the grant: a day (valid through that day, Vietnam time) or an instant
 * @param startFrom {@code beginning} (default) to backfill the whole feed, {@code now} to receive
 *     only what is published after the approval
 */
public record GrantTerms(
    List<String> fields,
    Map<String, List<String>> filter,
    Boolean sensitive,
    String purpose,
    String legalBasis,
    String legalDocument,
    String validFrom,
    String validUntil,
    String startFrom) {

  public boolean sensitiveOrFalse() {
    return Boolean.TRUE.equals(sensitive);
  }

  public boolean fromNow() {
    return "now".equals(startFrom);
  }

  public Map<String, List<String>> filterOrEmpty() {
    return filter == null ? Map.of() : filter;
  }

  /** The legal basis as the ledger records it: the words and the document. */
  public String legalBasisWithDocument() {
    return legalBasis + " (" + legalDocument + ")";
  }
}
