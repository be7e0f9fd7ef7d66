package vn.truc.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlDialectTest {

  private static final List<String> COLUMNS =
      List.of("personal_id", "full_name", "gender", "source_changed_at");

  @Test
  void postgresUpdatesOnlyWhenTheIncomingVersionIsNewer() {
    String sql =
        SqlDialect.POSTGRESQL.upsert(
            "civil_servant", "personal_id", "source_changed_at", COLUMNS, null);

    assertThat(sql)
        .isEqualTo(
            "INSERT INTO \"civil_servant\" (\"personal_id\", \"full_name\", \"gender\","
                + " \"source_changed_at\") VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (\"personal_id\") DO UPDATE SET"
                + " \"full_name\" = EXCLUDED.\"full_name\","
                + " \"gender\" = EXCLUDED.\"gender\","
                + " \"source_changed_at\" = EXCLUDED.\"source_changed_at\""
                + " WHERE \"civil_servant\".\"source_changed_at\""
                + " < EXCLUDED.\"source_changed_at\"");
  }

  @Test
  void postgresNeverUpdatesTheKey() {
    String sql =
        SqlDialect.POSTGRESQL.upsert(
            "civil_servant", "personal_id", "source_changed_at", COLUMNS, null);

    assertThat(sql).doesNotContain("\"personal_id\" = ");
    assertThat(sql).contains("ON CONFLICT (\"personal_id\")");
  }

  @Test
  void mariadbGuardsEveryColumnAndAssignsTheVersionLast() {
    String sql =
        SqlDialect.MARIADB.upsert(
            "civil_servant", "personal_id", "source_changed_at", COLUMNS, null);

    String newer = "VALUES(`source_changed_at`) > `source_changed_at`";
    assertThat(sql)
        .isEqualTo(
            "INSERT INTO `civil_servant` (`personal_id`, `full_name`, `gender`,"
                + " `source_changed_at`) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE"
                + " `full_name` = IF("
                + newer
                + ", VALUES(`full_name`), `full_name`),"
                + " `gender` = IF("
                + newer
                + ", VALUES(`gender`), `gender`),"
                + " `source_changed_at` = IF("
                + newer
                + ", VALUES(`source_changed_at`), `source_changed_at`)");
  }

  @Test
  void mariadbVersionComesLastWhereverItIsInTheColumnList() {
    List<String> versionFirst = List.of("v", "k", "a", "b");

    String sql = SqlDialect.MARIADB.upsert("t", "k", "v", versionFirst, null);
    String updates = sql.substring(sql.indexOf("ON DUPLICATE KEY UPDATE"));

    assertThat(updates).endsWith("`v` = IF(VALUES(`v`) > `v`, VALUES(`v`), `v`)");
    assertThat(updates.split("`v` = ", -1)).hasSize(2);
    assertThat(updates).doesNotContain("`k` = ");
    assertThat(updates)
        .contains("`a` = IF(VALUES(`v`) > `v`, VALUES(`a`), `a`)")
        .contains("`b` = IF(VALUES(`v`) > `v`, VALUES(`b`), `b`)");
  }

  @Test
  void mariadbWithOnlyKeyAndVersionHasNoDanglingComma() {
    String sql = SqlDialect.MARIADB.upsert("t", "k", "v", List.of("k", "v"), null);

    assertThat(sql)
        .endsWith("ON DUPLICATE KEY UPDATE `v` = IF(VALUES(`v`) > `v`, VALUES(`v`), `v`)");
  }

  @Test
  void onePlaceholderPerColumn() {
    for (SqlDialect dialect : SqlDialect.values()) {
      String sql = dialect.insertPrefix("t", COLUMNS, null);
      assertThat(sql).endsWith("VALUES (?, ?, ?, ?)");
      assertThat(sql.chars().filter(c -> c == '?').count()).isEqualTo(COLUMNS.size());
    }
  }

  @Test
  void deliveredColumnIsStampedByTheDatabaseNotBound() {
    for (SqlDialect dialect : SqlDialect.values()) {
      String sql = dialect.insertPrefix("t", List.of("k", "a", "v"), "delivered_at");
      assertThat(sql)
          .endsWith(
              dialect.quote("v")
                  + ", "
                  + dialect.quote("delivered_at")
                  + ") VALUES (?, ?, ?, CURRENT_TIMESTAMP)");
    }
  }

  @Test
  void postgresRestampsTheDeliveredColumnOnlyUnderTheVersionGuard() {
    String sql = SqlDialect.POSTGRESQL.upsert("t", "k", "v", List.of("k", "a", "v"), "d");

    assertThat(sql)
        .contains(
            "DO UPDATE SET \"a\" = EXCLUDED.\"a\", \"v\" = EXCLUDED.\"v\", \"d\" = EXCLUDED.\"d\"")
        .endsWith(" WHERE \"t\".\"v\" < EXCLUDED.\"v\"");
  }

  @Test
  void quotesInIdentifiersAreEscaped() {
    assertThat(SqlDialect.POSTGRESQL.quote("HỌ \"TÊN\"")).isEqualTo("\"HỌ \"\"TÊN\"\"\"");
    assertThat(SqlDialect.MARIADB.quote("HỌ `TÊN`")).isEqualTo("`HỌ ``TÊN```");
    assertThat(SqlDialect.POSTGRESQL.quote("a`b")).isEqualTo("\"a`b\"");
    assertThat(SqlDialect.MARIADB.quote("a\"b")).isEqualTo("`a\"b`");
  }

  @Test
  void escapedIdentifiersReachEveryPartOfTheUpsert() {
    String pg =
        SqlDialect.POSTGRESQL.upsert(
            "my\"table", "id", "ver\"sion", List.of("id", "ver\"sion"), null);
    String maria =
        SqlDialect.MARIADB.upsert("my`table", "id", "ver`sion", List.of("id", "ver`sion"), null);

    assertThat(pg)
        .startsWith("INSERT INTO \"my\"\"table\" (\"id\", \"ver\"\"sion\")")
        .endsWith("WHERE \"my\"\"table\".\"ver\"\"sion\" < EXCLUDED.\"ver\"\"sion\"");
    assertThat(maria)
        .startsWith("INSERT INTO `my``table` (`id`, `ver``sion`)")
        .endsWith(
            "`ver``sion` = IF(VALUES(`ver``sion`) > `ver``sion`, VALUES(`ver``sion`), `ver``sion`)");
  }

  @Test
  void dialectFollowsTheDatabaseProduct() throws SQLException {
    assertThat(SqlDialect.of(connectionTo("PostgreSQL"))).isEqualTo(SqlDialect.POSTGRESQL);
    assertThat(SqlDialect.of(connectionTo("MariaDB"))).isEqualTo(SqlDialect.MARIADB);
    assertThat(SqlDialect.of(connectionTo("MySQL"))).isEqualTo(SqlDialect.MARIADB);
  }

  @Test
  void otherDatabasesAreRefusedByName() {
    assertThatThrownBy(() -> SqlDialect.of(connectionTo("Oracle")))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("'oracle'")
        .hasMessageContaining("PostgreSQL and MariaDB/MySQL");
  }

  /** A connection that answers only the product name; nothing else is needed here. */
  private static Connection connectionTo(String product) {
    DatabaseMetaData meta =
        (DatabaseMetaData)
            Proxy.newProxyInstance(
                SqlDialectTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getDatabaseProductName")) {
                    return product;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    return (Connection)
        Proxy.newProxyInstance(
            SqlDialectTest.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getMetaData")) {
                return meta;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
