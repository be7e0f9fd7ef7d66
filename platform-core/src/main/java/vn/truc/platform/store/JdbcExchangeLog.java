package vn.truc.platform.store;

import java.sql.Array;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.truc.routes.ledger.ExchangeEntry;
import vn.truc.routes.ledger.ExchangeLog;

/** The exchange log in the platform database: one insert per batch, keys as an array. */
@Component
public class JdbcExchangeLog implements ExchangeLog {

  private final JdbcTemplate jdbc;

  public JdbcExchangeLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void append(ExchangeEntry e) {
    jdbc.execute(
        (java.sql.Connection c) -> {
          try (var s =
              c.prepareStatement(
                  "INSERT INTO exchange_log (kind, at, actor, agency, contract, record_count,"
                      + " record_keys, first_position, last_position, detail)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Array keys = c.createArrayOf("text", e.keys().toArray());
            s.setString(1, e.kind().name());
            s.setTimestamp(2, Timestamp.from(e.at()));
            s.setString(3, e.actor());
            s.setString(4, e.agency());
            s.setString(5, e.contract());
            s.setInt(6, e.recordCount());
            s.setArray(7, keys);
            s.setString(8, e.firstPosition());
            s.setString(9, e.lastPosition());
            s.setString(10, e.detail());
            s.executeUpdate();
            keys.free();
          }
          return null;
        });
  }
}
