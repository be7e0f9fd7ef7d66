package vn.truc.platform.it;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.truc.platform.demo.CivilServantGenerator;

/**
 * Whether the ministry holds exactly the province's latest version of every civil servant: the
 * yardstick of the failure tests. Also the bulk loading those tests need.
 */
final class Convergence {

  private Convergence() {}

  /** What the ministry must hold for one person: the province's latest version. */
  record Person(String fullName, int salaryStep, BigDecimal coefficient, LocalDateTime changedAt) {}

  /** Province rows by personal ID, names in NFC as the platform delivers them. */
  static Map<String, Person> province(TestPlatform t) throws SQLException {
    Map<String, Person> rows = new HashMap<>();
    try (Connection c = t.provinceDb();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT SO_CCCD, HO_TEN, BAC_LUONG, HE_SO_LUONG, NGAY_CAP_NHAT FROM "
                        + CivilServantGenerator.TABLE)) {
      while (rs.next()) {
        rows.put(
            rs.getString(1),
            new Person(
                Normalizer.normalize(rs.getString(2), Normalizer.Form.NFC),
                rs.getInt(3),
                rs.getBigDecimal(4).setScale(2),
                rs.getObject(5, LocalDateTime.class)));
      }
    }
    return rows;
  }

  /** Ministry rows by personal ID. */
  static Map<String, Person> ministry(TestPlatform t) throws SQLException {
    Map<String, Person> rows = new HashMap<>();
    try (Connection c = t.ministryDb();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT personal_id, full_name, salary_step, salary_coefficient,"
                        + " source_changed_at FROM civil_servant")) {
      while (rs.next()) {
        rows.put(
            rs.getString(1),
            new Person(
                rs.getString(2),
                rs.getInt(3),
                rs.getBigDecimal(4).setScale(2),
                rs.getObject(5, LocalDateTime.class)));
      }
    }
    return rows;
  }

  /**
   * The differences between what the ministry holds and what it should, summed up with a few
   * examples; empty when they agree.
   */
  static String differences(Map<String, Person> expected, Map<String, Person> actual) {
    List<String> missing = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    for (Map.Entry<String, Person> e : expected.entrySet()) {
      Person found = actual.get(e.getKey());
      if (found == null) {
        missing.add(e.getKey());
      } else if (!found.equals(e.getValue())) {
        stale.add(e.getKey() + ": expected " + e.getValue() + " but was " + found);
      }
    }
    Set<String> extra = new HashSet<>(actual.keySet());
    extra.removeAll(expected.keySet());
    if (missing.isEmpty() && stale.isEmpty() && extra.isEmpty()) {
      return "";
    }
    return String.format(
        "ministry %,d rows, province %,d: %,d missing %s, %,d extra %s, %,d not the latest"
            + " version %s",
        actual.size(),
        expected.size(),
        missing.size(),
        sample(missing),
        extra.size(),
        sample(new ArrayList<>(extra)),
        stale.size(),
        sample(stale));
  }

  /** Keys of {@code required} not in {@code present}, summed up; empty when none. */
  static String notIn(Set<String> required, Set<String> present) {
    List<String> absent = required.stream().filter(k -> !present.contains(k)).toList();
    return absent.isEmpty()
        ? ""
        : String.format("%,d keys, e.g. %s", absent.size(), sample(absent));
  }

  private static String sample(List<String> items) {
    return items.isEmpty() ? "" : items.subList(0, Math.min(3, items.size())).toString();
  }

  /**
   * Inserts generated civil servants {@code from} to {@code from + count - 1} at the province in
   * batches, committing every 5,000 rows so the platform can read while it loads.
   */
  static void hire(TestPlatform t, CivilServantGenerator g, long from, int count)
      throws SQLException {
    t.hire(g, from, count);
  }

  /** Personal IDs of the province rows a WHERE clause selects. */
  static Set<String> provinceIds(TestPlatform t, String where) throws SQLException {
    Set<String> ids = new HashSet<>();
    try (Connection c = t.provinceDb();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT SO_CCCD FROM " + CivilServantGenerator.TABLE + " WHERE " + where)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  /** The personal IDs in DELIVERED entries of the exchange log after entry {@code afterId}. */
  static Set<String> deliveredAfter(TestPlatform t, long afterId) throws SQLException {
    Set<String> keys = new HashSet<>();
    try (Connection c = t.platformDb();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT DISTINCT unnest(record_keys) FROM exchange_log"
                    + " WHERE kind = 'DELIVERED' AND id > ?")) {
      s.setLong(1, afterId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getString(1));
        }
      }
    }
    return keys;
  }

  /** When the first DELIVERED entry after entry {@code afterId} was logged, null if none. */
  static Instant firstDeliveryAfter(TestPlatform t, long afterId) throws SQLException {
    try (Connection c = t.platformDb();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT MIN(at) FROM exchange_log WHERE kind = 'DELIVERED' AND id > ?")) {
      s.setLong(1, afterId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
      }
    }
  }

  /** The last exchange-log entry's id, 0 if none. */
  static long lastLogId(TestPlatform t) throws SQLException {
    return count(t.platformDb(), "SELECT COALESCE(MAX(id), 0) FROM exchange_log");
  }

  static long ministryCount(TestPlatform t) throws SQLException {
    return count(t.ministryDb(), "SELECT COUNT(*) FROM civil_servant");
  }

  /** Runs a single-number query on a connection it then closes. */
  static long count(Connection connection, String sql) throws SQLException {
    try (Connection c = connection;
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
