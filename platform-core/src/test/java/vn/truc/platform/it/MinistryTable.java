package vn.truc.platform.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ministry's {@code civil_servant} table as the integration tests use it: the jdbc-upsert
 * subscription that fills it, and the names it holds. One definition, so that every test delivers
 * the same way and a change to the table's shape is made once.
 */
final class MinistryTable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MinistryTable() {}

  /** A subscription of the BNV to CivilServant into the table at {@code url}. */
  static String subscriptionJson(String id, String url, TestEngines engines) throws Exception {
    Map<String, Object> settings = new HashMap<>();
    settings.put("jdbc.url", url);
    settings.put("jdbc.user", engines.postgresUser());
    settings.put("jdbc.password", engines.postgresPassword());
    settings.put("table", "civil_servant");
    settings.put("key.column", "personal_id");
    settings.put("version.column", "source_changed_at");
    Map<String, Object> d = new HashMap<>();
    d.put("id", id);
    d.put("agency", "BNV");
    d.put("contract", "CivilServant");
    d.put("kind", "jdbc-upsert");
    d.put("settings", settings);
    d.put(
        "columns",
        Map.of(
            "full_name", "fullName",
            "date_of_birth", "dateOfBirth",
            "source_agency", "header.sourceAgency",
            "source_position", "header.sourcePosition",
            "trace_id", "header.traceId"));
    d.put("grant", Grants.terms("fullName", "dateOfBirth"));
    return JSON.writeValueAsString(d);
  }

  /** Personal ID number to full name, ordered by ID number. */
  static Map<String, String> names(String url, TestEngines engines) throws Exception {
    Map<String, String> names = new TreeMap<>();
    try (Connection c =
            DriverManager.getConnection(url, engines.postgresUser(), engines.postgresPassword());
        ResultSet rs =
            c.createStatement().executeQuery("SELECT personal_id, full_name FROM civil_servant")) {
      while (rs.next()) {
        names.put(rs.getString(1), rs.getString(2));
      }
    }
    return names;
  }
}
