package vn.truc.platform.ledger.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import vn.truc.platform.ledger.EntryView;
import vn.truc.platform.ledger.LedgerEntry;
import vn.truc.platform.ledger.StoredEntry;

/** Rows of {@code exchange_log} as ledger entries. */
public final class EntryRows {

  /** The columns {@link #stored} and {@link #view} read, for table alias {@code e}. */
  public static final String COLUMNS =
      "e.id, e.seq, e.prev_hash, e.entry_hash, e.kind, e.at, e.actor, e.agency, e.contract,"
          + " e.contract_version, e.record_count, e.record_keys, e.first_position,"
          + " e.last_position, e.detail, e.purpose, e.legal_basis, e.redacted_at";

  private EntryRows() {}

  /**
   * The entry in the current row; {@code indexedKeys} when the row has an {@code indexed_keys}
   * column.
   */
  public static StoredEntry stored(ResultSet rs, boolean indexedKeys) throws SQLException {
    LedgerEntry entry =
        new LedgerEntry(
            rs.getLong("seq"),
            // A chain column an attacker emptied still has to fail verification, not the reader.
            Objects.requireNonNullElse(rs.getString("prev_hash"), ""),
            rs.getString("kind"),
            rs.getObject("at", OffsetDateTime.class).toInstant(),
            rs.getString("actor"),
            rs.getString("agency"),
            rs.getString("contract"),
            (Integer) rs.getObject("contract_version"),
            rs.getInt("record_count"),
            list(rs.getArray("record_keys")),
            rs.getString("first_position"),
            rs.getString("last_position"),
            rs.getString("detail"),
            rs.getString("purpose"),
            rs.getString("legal_basis"));
    return new StoredEntry(
        rs.getLong("id"),
        entry,
        Objects.requireNonNullElse(rs.getString("entry_hash"), ""),
        indexedKeys ? list(rs.getArray("indexed_keys")) : null,
        rs.getObject("redacted_at") != null);
  }

  public static EntryView view(ResultSet rs) throws SQLException {
    long seq = rs.getLong("seq");
    boolean chained = !rs.wasNull();
    return new EntryView(
        rs.getLong("id"),
        chained ? seq : null,
        rs.getString("kind"),
        rs.getObject("at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("agency"),
        rs.getString("contract"),
        (Integer) rs.getObject("contract_version"),
        rs.getInt("record_count"),
        list(rs.getArray("record_keys")),
        rs.getString("first_position"),
        rs.getString("last_position"),
        rs.getString("detail"),
        rs.getString("purpose"),
        rs.getString("legal_basis"),
        rs.getString("prev_hash"),
        rs.getString("entry_hash"));
  }

  public static List<String> list(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    return Arrays.stream(values).map(v -> v == null ? null : v.toString()).toList();
  }
}
