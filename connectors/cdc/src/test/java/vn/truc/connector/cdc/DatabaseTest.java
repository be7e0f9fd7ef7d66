package vn.truc.connector.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseTest {

  @Test
  void splitsJdbcUrlsWithAndWithoutPortsAndParameters() {
    assertThat(Database.of("jdbc:postgresql://db.p37.gov.vn:5433/hr?sslmode=require"))
        .isEqualTo(new Database("db.p37.gov.vn", 5433, "hr"));
    assertThat(Database.of("jdbc:postgresql://localhost/hr"))
        .isEqualTo(new Database("localhost", 5432, "hr"));
    assertThat(Database.of("jdbc:mariadb://10.0.0.5/nhan_su"))
        .isEqualTo(new Database("10.0.0.5", 3306, "nhan_su"));
  }

  @Test
  void aUrlWithoutHostIsRefused() {
    assertThatThrownBy(() -> Database.of("jdbc:postgresql:hr")).hasMessageContaining("no host");
  }
}
