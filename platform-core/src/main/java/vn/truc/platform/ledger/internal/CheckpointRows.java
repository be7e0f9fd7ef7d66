package vn.truc.platform.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import vn.truc.platform.ledger.Checkpoint;

/** Checkpoints in the {@code ledger_checkpoint} table. */
public final class CheckpointRows {

  private CheckpointRows() {}

  public static void insert(Connection c, Checkpoint cp) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO ledger_checkpoint (seq, entry_hash, signed_at, algorithm, key_id,"
                + " signature) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING")) {
      s.setLong(1, cp.seq());
      s.setString(2, cp.hash());
      s.setObject(3, OffsetDateTime.ofInstant(cp.signedAt(), ZoneOffset.UTC));
      s.setString(4, cp.algorithm());
      s.setString(5, cp.keyId());
      s.setString(6, cp.signature());
      s.executeUpdate();
    }
  }

  /** The checkpoint in the current row, from columns named with {@code prefix}; null if none. */
  public static Checkpoint read(ResultSet rs, String prefix) throws SQLException {
    long seq = rs.getLong(prefix + "seq");
    if (rs.wasNull()) {
      return null;
    }
    return new Checkpoint(
        seq,
        rs.getString(prefix + "entry_hash"),
        rs.getObject(prefix + "signed_at", OffsetDateTime.class).toInstant(),
        rs.getString(prefix + "algorithm"),
        rs.getString(prefix + "key_id"),
        rs.getString(prefix + "signature"));
  }
}
