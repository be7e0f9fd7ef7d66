package vn.truc.platform.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truc.platform.ledger.internal.ChainHead;
import vn.truc.platform.ledger.internal.CheckpointRows;
import vn.truc.platform.ledger.internal.EntryRows;

/**
 * The auditor's side of the ledger: verify a stretch, export it as a signed archive, search
 * entries, follow one person's deliveries, sign a checkpoint. Appending is {@code
 * JdbcExchangeLog}'s.
 */
@Service
public class LedgerService {

  public static final int MAX_PAGE_SIZE = 1000;
  private static final int FETCH = 500;

  private static final String WALK =
      "SELECT "
          + EntryRows.COLUMNS
          + ", %s c.seq AS c_seq, c.entry_hash AS c_entry_hash, c.signed_at AS c_signed_at,"
          + " c.algorithm AS c_algorithm, c.key_id AS c_key_id, c.signature AS c_signature"
          + " FROM exchange_log e LEFT JOIN ledger_checkpoint c ON c.seq = e.seq"
          + " WHERE e.seq BETWEEN ? AND ? ORDER BY e.seq";

  private final JdbcTemplate jdbc;
  private final LedgerKeys keys;
  private final TransactionTemplate write;
  private final TransactionTemplate snapshot;

  public LedgerService(JdbcTemplate jdbc, LedgerKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
    DataSourceTransactionManager tm = new DataSourceTransactionManager(jdbc.getDataSource());
    this.write = new TransactionTemplate(tm);
    // One consistent view of the ledger for a whole walk, however long, while appends go on.
    this.snapshot = new TransactionTemplate(tm);
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    snapshot.setReadOnly(true);
  }

  /** A stretch of the chain, resolved to sequence numbers. */
  public record Range(long fromSeq, long toSeq, long last, String previousHash) {
    public boolean isEmpty() {
      return fromSeq > toSeq;
    }
  }

  /** Checks entries {@code from} to {@code to} (both optional) and names the first fault. */
  public VerifyReport verify(LedgerBound from, LedgerBound to) {
    return snapshot.execute(
        s -> jdbc.execute((ConnectionCallback<VerifyReport>) c -> verify(c, from, to)));
  }

  private VerifyReport verify(Connection c, LedgerBound from, LedgerBound to) throws SQLException {
    Range range = range(c, from, to);
    ChainVerifier chain =
        new ChainVerifier(
            range.fromSeq(), range.previousHash(), keys.trusted(), hash -> whereIs(c, hash));
    if (!range.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement(
              String.format(
                  WALK,
                  "ARRAY(SELECT k.record_key FROM ledger_key k WHERE k.entry_id = e.id)"
                      + " AS indexed_keys,"))) {
        s.setFetchSize(FETCH);
        s.setLong(1, range.fromSeq());
        s.setLong(2, range.toSeq());
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            if (!chain.entry(EntryRows.stored(rs, true))) {
              break;
            }
            Checkpoint cp = CheckpointRows.read(rs, "c_");
            if (cp != null && !chain.checkpoint(cp)) {
              break;
            }
          }
        }
      }
      chain.end(range.toSeq());
    }
    return new VerifyReport(
        chain.problem().isEmpty(),
        range.fromSeq(),
        range.toSeq(),
        chain.entries(),
        chain.checkpoints(),
        single(c, "SELECT COALESCE(MAX(seq), 0) FROM ledger_checkpoint"),
        range.last(),
        single(c, "SELECT COUNT(*) FROM exchange_log WHERE seq IS NULL"),
        chain.redacted(),
        chain.problem().orElse(null));
  }

  /**
   * Writes entries {@code from} to {@code to} as a signed archive ({@link ArchiveWriter}); returns
   * the range written.
   */
  public Range export(
      LedgerBound from, LedgerBound to, Map<String, String> selection, OutputStream out) {
    return snapshot.execute(
        s ->
            jdbc.execute(
                (ConnectionCallback<Range>)
                    c -> {
                      try {
                        return export(c, from, to, selection, out);
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    }));
  }

  private Range export(
      Connection c,
      LedgerBound from,
      LedgerBound to,
      Map<String, String> selection,
      OutputStream out)
      throws SQLException, IOException {
    Range range = range(c, from, to);
    ArchiveWriter archive = new ArchiveWriter(out, keys.signing());
    String previous = range.previousHash() == null ? "" : range.previousHash();
    archive.header(
        range.fromSeq(), range.toSeq(), previous, Instant.now(), keys.trusted(), selection);
    if (!range.isEmpty()) {
      try (PreparedStatement s = c.prepareStatement(String.format(WALK, ""))) {
        s.setFetchSize(FETCH);
        s.setLong(1, range.fromSeq());
        s.setLong(2, range.toSeq());
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            archive.entry(EntryRows.stored(rs, false));
            Checkpoint cp = CheckpointRows.read(rs, "c_");
            if (cp != null) {
              archive.checkpoint(cp);
            }
          }
        }
      }
    }
    archive.finish();
    return range;
  }

  /** Records that entries {@code range} were exported whole to a signed archive by {@code by}. */
  public void archived(Range range, String by) {
    if (range.isEmpty()) {
      return;
    }
    write.executeWithoutResult(
        s ->
            jdbc.update(
                "INSERT INTO ledger_archive (from_seq, to_seq, last_hash, exported_at,"
                    + " exported_by) SELECT ?, ?, entry_hash, now(), ? FROM exchange_log"
                    + " WHERE seq = ?",
                range.fromSeq(),
                range.toSeq(),
                by,
                range.toSeq()));
  }

  /**
   * Retention: removes the keys of {@code contract}'s entries written before {@code before} that an
   * archive covers, from the entries and from the subject index. They keep their place, hash and
   * every other member; their archive holds them whole.
   *
   * @return the number of entries redacted
   */
  public int redact(String contract, Instant before) {
    return write.execute(
        s -> {
          List<Long> ids =
              jdbc.queryForList(
                  "UPDATE exchange_log e SET record_keys = '{}', redacted_at = now()"
                      + " WHERE e.contract = ? AND e.at < ? AND e.redacted_at IS NULL"
                      + " AND e.seq IS NOT NULL AND EXISTS (SELECT 1 FROM ledger_archive a"
                      + " WHERE e.seq BETWEEN a.from_seq AND a.to_seq) RETURNING e.id",
                  Long.class,
                  contract,
                  java.sql.Timestamp.from(before));
          if (!ids.isEmpty()) {
            jdbc.execute(
                (ConnectionCallback<Integer>)
                    c -> {
                      try (PreparedStatement d =
                          c.prepareStatement("DELETE FROM ledger_key WHERE entry_id = ANY(?)")) {
                        d.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                        return d.executeUpdate();
                      }
                    });
          }
          return ids.size();
        });
  }

  /** Entries matching {@code filter}, in chain order, one page. */
  public EntryView.Page search(EntryFilter filter, int page, int size) {
    EntryFilter.Where w = filter.where();
    List<Object> args = new ArrayList<>(w.args());
    long total =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM exchange_log e WHERE " + w.sql(), Long.class, args.toArray());
    args.add(size);
    args.add((long) page * size);
    List<EntryView> entries =
        jdbc.query(
            "SELECT "
                + EntryRows.COLUMNS
                + " FROM exchange_log e WHERE "
                + w.sql()
                + " ORDER BY e.seq NULLS FIRST, e.id LIMIT ? OFFSET ?",
            (rs, n) -> EntryRows.view(rs),
            args.toArray());
    return new EntryView.Page(page, size, total, entries);
  }

  /** Every delivery that carried the record of {@code personalId}, oldest first, one page. */
  public SubjectTrail subject(String personalId, int page, int size) {
    String from =
        " FROM ledger_key k JOIN exchange_log e ON e.id = k.entry_id"
            + " WHERE k.record_key = ? AND e.kind = 'DELIVERED'";
    long total = jdbc.queryForObject("SELECT COUNT(*)" + from, Long.class, personalId);
    List<SubjectTrail.Delivery> deliveries =
        jdbc.query(
            "SELECT e.id, e.seq, e.at, e.actor, e.agency, e.contract, e.contract_version,"
                + " e.purpose, e.legal_basis, e.record_count, e.detail"
                + from
                + " ORDER BY e.seq NULLS FIRST, e.id LIMIT ? OFFSET ?",
            (rs, n) -> {
              long seq = rs.getLong("seq");
              Long chained = rs.wasNull() ? null : seq;
              return new SubjectTrail.Delivery(
                  rs.getLong("id"),
                  chained,
                  rs.getObject("at", OffsetDateTime.class).toInstant(),
                  rs.getString("actor"),
                  rs.getString("agency"),
                  rs.getString("contract"),
                  (Integer) rs.getObject("contract_version"),
                  SubjectTrail.grantOf(rs.getString("detail")),
                  rs.getString("purpose"),
                  rs.getString("legal_basis"),
                  rs.getInt("record_count"));
            },
            personalId,
            size,
            (long) page * size);
    return new SubjectTrail(personalId, page, size, total, deliveries);
  }

  /**
   * Signs the newest entry unless it already has a checkpoint; returns the newest checkpoint, null
   * while the ledger is empty.
   */
  public Checkpoint checkpoint() {
    return write.execute(
        s ->
            jdbc.execute(
                (ConnectionCallback<Checkpoint>)
                    c -> {
                      ChainHead head = ChainHead.lock(c);
                      if (head.seq() == 0) {
                        return null;
                      }
                      Checkpoint latest = latestCheckpoint(c);
                      if (latest != null && latest.seq() >= head.seq()) {
                        return latest;
                      }
                      Checkpoint cp =
                          Checkpoint.sign(head.seq(), head.hash(), Instant.now(), keys.signing());
                      CheckpointRows.insert(c, cp);
                      return cp;
                    }));
  }

  /**
   * Chains entries written before the ledger existed, oldest first, a thousand per transaction;
   * returns how many.
   */
  public long chainUnchained() {
    long total = 0;
    int done;
    do {
      done = write.execute(s -> jdbc.execute((ConnectionCallback<Integer>) this::chainSome));
      total += done;
    } while (done > 0);
    return total;
  }

  private int chainSome(Connection c) throws SQLException {
    ChainHead head = ChainHead.lock(c);
    List<StoredEntry> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + EntryRows.COLUMNS
                + " FROM exchange_log e WHERE e.seq IS NULL ORDER BY e.id LIMIT 1000")) {
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(EntryRows.stored(rs, false));
        }
      }
    }
    if (rows.isEmpty()) {
      return 0;
    }
    long seq = head.seq();
    String prev = head.hash();
    long lastId = 0;
    try (PreparedStatement u =
        c.prepareStatement(
            "UPDATE exchange_log SET seq = ?, prev_hash = ?, entry_hash = ?"
                + " WHERE id = ? AND seq IS NULL")) {
      for (StoredEntry row : rows) {
        LedgerEntry e = row.entry();
        LedgerEntry chained = e.rechained(++seq, prev);
        String hash = chained.hash();
        u.setLong(1, seq);
        u.setString(2, prev);
        u.setString(3, hash);
        u.setLong(4, row.id());
        u.addBatch();
        prev = hash;
        lastId = row.id();
      }
      u.executeBatch();
    }
    ChainHead.advance(c, seq, prev, lastId);
    CheckpointRows.insert(c, Checkpoint.sign(seq, prev, Instant.now(), keys.signing()));
    return rows.size();
  }

  private Range range(Connection c, LedgerBound from, LedgerBound to) throws SQLException {
    long last =
        single(
            c,
            "SELECT GREATEST((SELECT seq FROM ledger_head WHERE id = 1),"
                + " (SELECT COALESCE(MAX(seq), 0) FROM ledger_checkpoint),"
                + " (SELECT COALESCE(MAX(seq), 0) FROM exchange_log))");
    long fromSeq;
    if (from instanceof LedgerBound.Seq s) {
      fromSeq = Math.max(1, s.value());
    } else if (from instanceof LedgerBound.Time t) {
      OptionalLong first = seqAt(c, "SELECT MIN(seq) FROM exchange_log WHERE at >= ?", t);
      fromSeq = first.orElse(last + 1);
    } else {
      fromSeq = 1;
    }
    long toSeq;
    if (to instanceof LedgerBound.Seq s) {
      toSeq = Math.min(s.value(), last);
    } else if (to instanceof LedgerBound.Time t) {
      toSeq = seqAt(c, "SELECT MAX(seq) FROM exchange_log WHERE at < ?", t).orElse(0);
    } else {
      toSeq = last;
    }
    String previous = LedgerHash.GENESIS;
    if (fromSeq > 1) {
      try (PreparedStatement s =
          c.prepareStatement("SELECT entry_hash FROM exchange_log WHERE seq = ?")) {
        s.setLong(1, fromSeq - 1);
        try (ResultSet rs = s.executeQuery()) {
          previous = rs.next() ? rs.getString(1) : null;
        }
      }
    }
    return new Range(fromSeq, toSeq, last, previous);
  }

  private static OptionalLong seqAt(Connection c, String sql, LedgerBound.Time t)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, OffsetDateTime.ofInstant(t.value(), ZoneOffset.UTC));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        long v = rs.getLong(1);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
      }
    }
  }

  private static OptionalLong whereIs(Connection c, String hash) {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT seq FROM exchange_log WHERE entry_hash = ? AND seq IS NOT NULL"
                + " ORDER BY seq LIMIT 1")) {
      s.setString(1, hash);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("looking up an entry by its hash failed", e);
    }
  }

  private static Checkpoint latestCheckpoint(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT seq AS c_seq, entry_hash AS c_entry_hash, signed_at AS c_signed_at,"
                    + " algorithm AS c_algorithm, key_id AS c_key_id, signature AS c_signature"
                    + " FROM ledger_checkpoint ORDER BY seq DESC LIMIT 1");
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? CheckpointRows.read(rs, "c_") : null;
    }
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
