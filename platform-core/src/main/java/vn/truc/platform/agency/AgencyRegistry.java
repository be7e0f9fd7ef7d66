package vn.truc.platform.agency;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The agencies the platform knows, from its database (seeded by migration V20). */
@Repository
public class AgencyRegistry {

  private static final RowMapper<Agency> ROW =
      (rs, n) ->
          new Agency(
              rs.getString("code"),
              rs.getString("kind"),
              rs.getString("name"),
              rs.getString("name_en"),
              rs.getString("province_code"));

  private final JdbcTemplate jdbc;

  AgencyRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Central agencies first, then the provinces by their code. */
  public List<Agency> all() {
    return jdbc.query("SELECT * FROM agency ORDER BY kind = 'PROVINCE', province_code, code", ROW);
  }

  public Optional<Agency> find(String code) {
    return jdbc.query("SELECT * FROM agency WHERE code = ?", ROW, code).stream().findFirst();
  }

  public boolean exists(String code) {
    return code != null && find(code).isPresent();
  }

  /**
   * The problem with a definition's agency code if no agency has it; none when the code is blank
   * (the definition's own validation reports a missing agency).
   */
  public List<vn.truc.connector.api.ConfigProblem> problems(String code) {
    if (code == null || code.isBlank() || exists(code)) {
      return List.of();
    }
    return List.of(
        new vn.truc.connector.api.ConfigProblem(
            "agency",
            "no agency has the code '"
                + code
                + "'; use a ministry's code (BNV, BCA, ...) or a province's (P01 ... P96): GET"
                + " /api/agencies lists them"));
  }
}
