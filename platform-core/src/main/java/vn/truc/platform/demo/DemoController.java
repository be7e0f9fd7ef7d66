package vn.truc.platform.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/demo}: row counts on both sides and the records that arrived last. */
@RestController
@ConditionalOnProperty(name = "truc.demo.enabled", havingValue = "true")
class DemoController {

  private final String provinceUrl;
  private final String ministryUrl;

  DemoController(
      @Value("${truc.demo.province.jdbc-url}") String provinceUrl,
      @Value("${truc.demo.ministry.jdbc-url}") String ministryUrl) {
    this.provinceUrl = provinceUrl;
    this.ministryUrl = ministryUrl;
  }

  @GetMapping("/api/demo")
  Map<String, Object> status(@RequestParam(defaultValue = "5") int latest) throws SQLException {
    Map<String, Object> status = new LinkedHashMap<>();
    try (Connection p = DriverManager.getConnection(provinceUrl, "root", "");
        Connection m = DriverManager.getConnection(ministryUrl, "postgres", "")) {
      status.put("provinceRows", scalar(p, "SELECT COUNT(*) FROM CB_CONG_CHUC"));
      status.put("ministryRows", scalar(m, "SELECT COUNT(*) FROM civil_servant"));
      status.put(
          "latestAtMinistry",
          rows(
              m,
              "SELECT personal_id, full_name, date_of_birth, rank_code, salary_step,"
                  + " salary_coefficient, residence_commune, source_changed_at, delivered_at"
                  + " FROM civil_servant ORDER BY source_changed_at DESC LIMIT "
                  + Math.min(Math.max(latest, 1), 100)));
    }
    return status;
  }

  private static long scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Map<String, Object>> rows(Connection c, String sql) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          row.put(rs.getMetaData().getColumnLabel(i), v == null ? null : v.toString());
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
