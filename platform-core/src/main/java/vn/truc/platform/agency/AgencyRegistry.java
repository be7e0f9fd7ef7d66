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
}
