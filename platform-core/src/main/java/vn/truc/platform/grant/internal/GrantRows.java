package vn.truc.platform.grant.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.truc.platform.grant.GrantRecord;
import vn.truc.platform.grant.GrantStatus;
import vn.truc.platform.grant.GrantTerms;

/** Grant requests and decisions in the platform database; terms are stored as JSON text. */
@Component
public class GrantRows {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, subscription, agency, owner, contract, requested, granted, status, requested_by,"
          + " requested_at, decided_by, decided_at, reason, revoked_by, revoked_at";

  private final JdbcTemplate jdbc;

  GrantRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The next request number of a subscription: 1 for its first. */
  public int nextSeq(String subscription) {
    Integer max =
        jdbc.queryForObject(
            "SELECT max(seq) FROM grant_request WHERE subscription = ?",
            Integer.class,
            subscription);
    return max == null ? 1 : max + 1;
  }

  public void insert(GrantRecord g, int seq) {
    jdbc.update(
        "INSERT INTO grant_request (id, seq, subscription, agency, owner, contract, requested,"
            + " status, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        g.id(),
        seq,
        g.subscription(),
        g.agency(),
        g.owner(),
        g.contract(),
        json(g.requested()),
        g.status().name(),
        g.requestedBy(),
        Timestamp.from(g.requestedAt()));
  }

  /** Records a decision; false if the grant was no longer in {@code expected} (a race lost). */
  public boolean decide(
      String id,
      GrantStatus expected,
      GrantStatus status,
      GrantTerms granted,
      String by,
      Instant at,
      String reason) {
    return jdbc.update(
            "UPDATE grant_request SET status = ?, granted = ?, decided_by = ?, decided_at = ?,"
                + " reason = ? WHERE id = ? AND status = ?",
            status.name(),
            granted == null ? null : json(granted),
            by,
            Timestamp.from(at),
            reason,
            id,
            expected.name())
        == 1;
  }

  public boolean revoke(String id, String by, Instant at, String reason) {
    return jdbc.update(
            "UPDATE grant_request SET status = 'REVOKED', revoked_by = ?, revoked_at = ?,"
                + " reason = ? WHERE id = ? AND status = 'APPROVED'",
            by,
            Timestamp.from(at),
            reason,
            id)
        == 1;
  }

  /** Marks every other request of the subscription in {@code from} as {@code to}. */
  public void retire(String subscription, String except, GrantStatus from, GrantStatus to) {
    jdbc.update(
        "UPDATE grant_request SET status = ? WHERE subscription = ? AND id <> ? AND status = ?",
        to.name(),
        subscription,
        except,
        from.name());
  }

  public Optional<GrantRecord> find(String id) {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM grant_request WHERE id = ?", this::row, id)
        .stream()
        .findFirst();
  }

  public List<GrantRecord> all() {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM grant_request ORDER BY subscription, seq", this::row);
  }

  /** The subscription's requests, oldest first. */
  public List<GrantRecord> of(String subscription) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM grant_request WHERE subscription = ? ORDER BY seq",
        this::row,
        subscription);
  }

  /** The subscription's latest request, whatever became of it. */
  public Optional<GrantRecord> latest(String subscription) {
    return jdbc
        .query(
            "SELECT "
                + COLUMNS
                + " FROM grant_request WHERE subscription = ? ORDER BY seq DESC LIMIT 1",
            this::row,
            subscription)
        .stream()
        .findFirst();
  }

  private GrantRecord row(ResultSet rs, int n) throws SQLException {
    return new GrantRecord(
        rs.getString("id"),
        rs.getString("subscription"),
        rs.getString("agency"),
        rs.getString("owner"),
        rs.getString("contract"),
        terms(rs.getString("requested")),
        terms(rs.getString("granted")),
        GrantStatus.valueOf(rs.getString("status")),
        rs.getString("requested_by"),
        instant(rs.getTimestamp("requested_at")),
        rs.getString("decided_by"),
        instant(rs.getTimestamp("decided_at")),
        rs.getString("reason"),
        rs.getString("revoked_by"),
        instant(rs.getTimestamp("revoked_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static String json(GrantTerms t) {
    try {
      return JSON.writeValueAsString(t);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GrantTerms terms(String json) {
    try {
      return json == null ? null : JSON.readValue(json, GrantTerms.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored grant cannot be read: " + e.getMessage(), e);
    }
  }
}
