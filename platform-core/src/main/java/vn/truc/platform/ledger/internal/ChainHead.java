package vn.truc.platform.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The chain's serialization point: the single row of {@code ledger_head}. Whoever appends locks it
 * first, so two routes (or two platform instances) can never give two entries the same place in the
 * chain; the lock lasts one short transaction.
 */
public record ChainHead(long seq, String hash) {

  /** Locks the head until the caller's transaction ends. */
  public static ChainHead lock(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("SELECT seq, entry_hash FROM ledger_head WHERE id = 1 FOR UPDATE");
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException(
            "ledger_head has no row: the ledger's chain head was removed from the database");
      }
      return new ChainHead(rs.getLong(1), rs.getString(2));
    }
  }

  /** Moves the locked head to the entry just written. */
  public static void advance(Connection c, long seq, String hash, long entryId)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE ledger_head SET seq = ?, entry_hash = ?, entry_id = ? WHERE id = 1")) {
      s.setLong(1, seq);
      s.setString(2, hash);
      s.setLong(3, entryId);
      s.executeUpdate();
    }
  }
}
