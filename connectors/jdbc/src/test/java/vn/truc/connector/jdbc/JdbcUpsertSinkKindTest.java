package vn.truc.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.truc.connector.api.ConfigProblem;

class JdbcUpsertSinkKindTest {

  private final JdbcUpsertSinkKind kind = new JdbcUpsertSinkKind();

  @Test
  void tablesAreNotCreatedUnlessAsked() {
    assertThat(kind.config().parse(settings()).bool(JdbcUpsertSinkKind.AUTO_CREATE)).isFalse();

    Map<String, Object> asked = settings();
    asked.put("table.auto.create", "true");
    assertThat(kind.config().parse(asked).bool(JdbcUpsertSinkKind.AUTO_CREATE)).isTrue();
  }

  @Test
  void autoCreateIsABoolean() {
    Map<String, Object> settings = settings();
    settings.put("table.auto.create", "yes");

    assertThat(kind.config().validate(settings))
        .extracting(ConfigProblem::field)
        .containsExactly("table.auto.create");
  }

  private static Map<String, Object> settings() {
    Map<String, Object> s = new HashMap<>();
    s.put("jdbc.url", "jdbc:postgresql://localhost/bnv");
    s.put("jdbc.user", "truc_writer");
    s.put("table", "civil_servant");
    s.put("key.column", "personal_id");
    return s;
  }
}
