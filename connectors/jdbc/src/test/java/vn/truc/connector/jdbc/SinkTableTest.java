package vn.truc.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.truc.connector.api.TargetColumn;
import vn.truc.connector.api.ValueType;

class SinkTableTest {

  private static final SinkTable MINISTRY =
      new SinkTable(
          "civil_servant",
          "personal_id",
          "source_changed_at",
          List.of(
              new TargetColumn("full_name", ValueType.STRING, false),
              new TargetColumn("salary_step", ValueType.INT, true),
              new TargetColumn("salary_coefficient", ValueType.DECIMAL, true),
              new TargetColumn("recruitment_date", ValueType.DATE, true)),
          "delivered_at");

  @Test
  void postgresTableHasTheKeyAsPrimaryKeyAndContractTypes() {
    assertThat(MINISTRY.createStatement(SqlDialect.POSTGRESQL))
        .isEqualTo(
            "CREATE TABLE IF NOT EXISTS \"civil_servant\" ("
                + "\"personal_id\" TEXT NOT NULL, "
                + "\"full_name\" TEXT NOT NULL, "
                + "\"salary_step\" INTEGER, "
                + "\"salary_coefficient\" NUMERIC, "
                + "\"recruitment_date\" DATE, "
                + "\"source_changed_at\" TIMESTAMP(6) NOT NULL, "
                + "\"delivered_at\" TIMESTAMPTZ NOT NULL, "
                + "PRIMARY KEY (\"personal_id\"))");
  }

  @Test
  void mariadbTableIsUtf8mb4WithAnExactKeyAndDecimalsThatKeepFractions() {
    assertThat(MINISTRY.createStatement(SqlDialect.MARIADB))
        .isEqualTo(
            "CREATE TABLE IF NOT EXISTS `civil_servant` ("
                + "`personal_id` VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, "
                + "`full_name` TEXT NOT NULL, "
                + "`salary_step` INT, "
                + "`salary_coefficient` DECIMAL(38,10), "
                + "`recruitment_date` DATE, "
                + "`source_changed_at` DATETIME(6) NOT NULL, "
                + "`delivered_at` DATETIME(6) NOT NULL, "
                + "PRIMARY KEY (`personal_id`))"
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
  }

  @Test
  void everyValueTypeHasAColumnTypeInEveryDialect() {
    for (SqlDialect dialect : SqlDialect.values()) {
      for (ValueType type : ValueType.values()) {
        assertThat(dialect.columnType(type)).as("%s %s", dialect, type).isNotBlank();
      }
    }
    assertThat(SqlDialect.POSTGRESQL.columnType(ValueType.BYTES)).isEqualTo("BYTEA");
    assertThat(SqlDialect.MARIADB.columnType(ValueType.BYTES)).isEqualTo("LONGBLOB");
    assertThat(SqlDialect.POSTGRESQL.columnType(ValueType.BOOLEAN)).isEqualTo("BOOLEAN");
    assertThat(SqlDialect.MARIADB.columnType(ValueType.TIMESTAMP)).isEqualTo("DATETIME(6)");
    assertThat(SqlDialect.POSTGRESQL.columnType(ValueType.DOUBLE)).isEqualTo("DOUBLE PRECISION");
  }

  @Test
  void withoutDeliveredColumnNoneIsCreated() {
    SinkTable t =
        new SinkTable("t", "k", "v", List.of(new TargetColumn("a", ValueType.LONG, true)), null);

    assertThat(t.createStatement(SqlDialect.POSTGRESQL))
        .isEqualTo(
            "CREATE TABLE IF NOT EXISTS \"t\" (\"k\" TEXT NOT NULL, \"a\" BIGINT,"
                + " \"v\" TIMESTAMP(6) NOT NULL, PRIMARY KEY (\"k\"))");
  }

  @Test
  void dataColumnsNamedLikeTheKeyVersionOrDeliveredColumnAreTheSinksOwn() {
    SinkTable t =
        new SinkTable(
            "t",
            "K",
            "v",
            List.of(
                new TargetColumn("k", ValueType.STRING, false),
                new TargetColumn("a", ValueType.INT, true),
                new TargetColumn("V", ValueType.TIMESTAMP, false),
                new TargetColumn("d", ValueType.TIMESTAMP, false),
                new TargetColumn("A", ValueType.STRING, true)),
            "d");

    assertThat(t.columnNames()).containsExactly("a");
    String sql = t.createStatement(SqlDialect.POSTGRESQL);
    assertThat(sql.split("\"a\"", -1)).hasSize(2);
    assertThat(sql).doesNotContain("\"k\" ").doesNotContain("\"V\"");
  }

  @Test
  void identifiersAreQuotedInTheDdl() {
    SinkTable t =
        new SinkTable(
            "bảng \"x\"",
            "mã",
            "v",
            List.of(new TargetColumn("họ tên", ValueType.STRING, true)),
            null);

    assertThat(t.createStatement(SqlDialect.POSTGRESQL))
        .startsWith("CREATE TABLE IF NOT EXISTS \"bảng \"\"x\"\"\" (\"mã\" TEXT NOT NULL,")
        .contains("\"họ tên\" TEXT,");
  }

  @Test
  void addingAMissingColumnUsesItsContractTypeAndANullableColumn() {
    assertThat(MINISTRY.addColumnStatement(SqlDialect.POSTGRESQL, "salary_step"))
        .isEqualTo("ALTER TABLE \"civil_servant\" ADD COLUMN \"salary_step\" INTEGER");
    assertThat(MINISTRY.addColumnStatement(SqlDialect.MARIADB, "full_name"))
        .isEqualTo("ALTER TABLE `civil_servant` ADD COLUMN `full_name` TEXT");
    assertThat(MINISTRY.addColumnStatement(SqlDialect.POSTGRESQL, "delivered_at"))
        .isEqualTo("ALTER TABLE \"civil_servant\" ADD COLUMN \"delivered_at\" TIMESTAMPTZ");
  }

  @Test
  void anAddedVersionColumnGivesExistingRowsTheOldestVersion() {
    assertThat(MINISTRY.addColumnStatement(SqlDialect.MARIADB, "source_changed_at"))
        .isEqualTo(
            "ALTER TABLE `civil_servant` ADD COLUMN `source_changed_at` DATETIME(6)"
                + " NOT NULL DEFAULT '1970-01-01 00:00:00'");
  }

  @Test
  void addingAColumnTheSinkDoesNotWriteIsRefused() {
    assertThatThrownBy(() -> MINISTRY.addColumnStatement(SqlDialect.POSTGRESQL, "shoe_size"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shoe_size");
  }
}
