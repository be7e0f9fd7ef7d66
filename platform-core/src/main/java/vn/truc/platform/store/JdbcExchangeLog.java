package vn.truc.platform.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truc.platform.ledger.Checkpoint;
import vn.truc.platform.ledger.LedgerEntry;
import vn.truc.platform.ledger.LedgerKeys;
import vn.truc.platform.ledger.LedgerProperties;
import vn.truc.platform.ledger.internal.ChainHead;
import vn.truc.platform.ledger.internal.CheckpointRows;
import vn.truc.routes.ledger.ExchangeEntry;
import vn.truc.routes.ledger.ExchangeLog;
import vn.truc.schemas.ContractCatalog;

/**
 * The exchange log in the platform database, as a hash-chained ledger (docs/ledger.md). One
 * transaction per batch: a delivery's keys into {@code ledger_key} (one statement), then, holding
 * the chain head, the entry with its place in the chain and its hash, and every {@code
 * truc.ledger.checkpoint-every} entries a signed checkpoint.
 */
@Component
public class JdbcExchangeLog implements ExchangeLog {

  private static final String RESERVE_AND_INDEX =
      "WITH entry AS (SELECT nextval(pg_get_serial_sequence('exchange_log', 'id')) AS id),"
          + " indexed AS (INSERT INTO ledger_key (entry_id, record_key)"
          + " SELECT DISTINCT entry.id, k FROM entry, unnest(?::text[]) AS k WHERE k IS NOT NULL)"
          + " SELECT id FROM entry";

  private static final String INSERT_ENTRY =
      "INSERT INTO exchange_log (id, seq, prev_hash, entry_hash, kind, at, actor, agency,"
          + " contract, contract_version, record_count, record_keys, first_position,"
          + " last_position, detail, purpose, legal_basis)"
          + " OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final LedgerKeys keys;
  private final int checkpointEvery;
  private final ContractCatalog contracts;

  @org.springframework.beans.factory.annotation.Autowired
  JdbcExchangeLog(
      JdbcTemplate jdbc,
      LedgerKeys keys,
      LedgerProperties properties,
      vn.truc.platform.registry.PublishedContracts published) {
    this(jdbc, keys, properties, published.catalog());
  }

  /**
   * @param contracts the contracts whose current version each entry records: routes always write
   *     with the current version, so the version at the time of the entry is the one that moved
   */
  public JdbcExchangeLog(
      JdbcTemplate jdbc, LedgerKeys keys, LedgerProperties properties, ContractCatalog contracts) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    this.keys = keys;
    this.checkpointEvery = Math.max(1, properties.checkpointEvery());
    this.contracts = contracts;
  }

  private Integer versionOf(String contract) {
    return contract == null || contract.isEmpty()
        ? null
        : contracts.find(contract).map(c -> c.versions().size()).orElse(null);
  }

  @Override
  public void append(ExchangeEntry e) {
    tx.executeWithoutResult(status -> jdbc.execute((ConnectionCallback<Void>) c -> append(c, e)));
  }

  private Void append(Connection c, ExchangeEntry e) throws SQLException {
    List<String> recordKeys = e.keys() == null ? List.of() : e.keys();
    Array keyArray = c.createArrayOf("text", recordKeys.toArray());
    Array indexed =
        LedgerEntry.keysIndexed(e.kind().name())
            ? keyArray
            : c.createArrayOf("text", new Object[0]);
    try {
      // The id and the key rows first, before the head is locked: the lock then covers one row.
      long id;
      try (PreparedStatement s = c.prepareStatement(RESERVE_AND_INDEX)) {
        s.setArray(1, indexed);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      ChainHead head = ChainHead.lock(c);
      LedgerEntry entry =
          new LedgerEntry(
              head.seq() + 1,
              head.hash(),
              e.kind().name(),
              e.at() == null ? Instant.now() : e.at(),
              e.actor(),
              e.agency(),
              e.contract(),
              versionOf(e.contract()),
              e.recordCount(),
              recordKeys,
              e.firstPosition(),
              e.lastPosition(),
              e.detail(),
              e.purpose(),
              e.legalBasis());
      String hash = entry.hash();
      try (PreparedStatement s = c.prepareStatement(INSERT_ENTRY)) {
        s.setLong(1, id);
        s.setLong(2, entry.seq());
        s.setString(3, entry.prev());
        s.setString(4, hash);
        s.setString(5, entry.kind());
        s.setObject(6, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
        s.setString(7, entry.actor());
        s.setString(8, entry.agency());
        s.setString(9, entry.contract());
        if (entry.contractVersion() == null) {
          s.setNull(10, Types.INTEGER);
        } else {
          s.setInt(10, entry.contractVersion());
        }
        s.setInt(11, entry.recordCount());
        s.setArray(12, keyArray);
        s.setString(13, entry.firstPosition());
        s.setString(14, entry.lastPosition());
        s.setString(15, entry.detail());
        s.setString(16, entry.purpose());
        s.setString(17, entry.legalBasis());
        s.executeUpdate();
      }
      ChainHead.advance(c, entry.seq(), hash, id);
      if (entry.seq() % checkpointEvery == 0) {
        CheckpointRows.insert(c, Checkpoint.sign(entry.seq(), hash, Instant.now(), keys.signing()));
      }
      return null;
    } finally {
      keyArray.free();
      if (indexed != keyArray) {
        indexed.free();
      }
    }
  }
}
