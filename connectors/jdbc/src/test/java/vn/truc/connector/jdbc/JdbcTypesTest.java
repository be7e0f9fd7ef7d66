package vn.truc.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import org.junit.jupiter.api.Test;
import vn.truc.connector.api.ValueType;
import vn.truc.connector.jdbc.JdbcTypes.LiveColumn;

class JdbcTypesTest {

  // As the two drivers report them.
  private static final LiveColumn PG_TEXT = col(Types.VARCHAR, "text", Integer.MAX_VALUE);
  private static final LiveColumn PG_BOOL = col(Types.BIT, "bool", 1);
  private static final LiveColumn PG_INT4 = col(Types.INTEGER, "int4", 10);
  private static final LiveColumn PG_INT2 = col(Types.SMALLINT, "int2", 5);
  private static final LiveColumn PG_NUMERIC = col(Types.NUMERIC, "numeric", 5);
  private static final LiveColumn PG_FLOAT4 = col(Types.REAL, "float4", 8);
  private static final LiveColumn PG_TIMESTAMPTZ = col(Types.TIMESTAMP, "timestamptz", 35);
  private static final LiveColumn PG_BYTEA = col(Types.BINARY, "bytea", Integer.MAX_VALUE);
  private static final LiveColumn PG_UUID = col(Types.OTHER, "uuid", Integer.MAX_VALUE);
  private static final LiveColumn MARIA_VARCHAR = col(Types.VARCHAR, "VARCHAR", 9);
  private static final LiveColumn MARIA_TINYINT1 = col(Types.BIT, "TINYINT", 1);
  private static final LiveColumn MARIA_TINYINT = col(Types.TINYINT, "TINYINT", 3);
  private static final LiveColumn MARIA_BIT8 = col(Types.BIT, "BIT", 8);
  private static final LiveColumn MARIA_DATETIME = col(Types.TIMESTAMP, "DATETIME", 26);
  private static final LiveColumn MARIA_BIGINT = col(Types.BIGINT, "BIGINT", 19);
  private static final LiveColumn MARIA_DOUBLE = col(Types.DOUBLE, "DOUBLE", 22);
  private static final LiveColumn DATE = col(Types.DATE, "date", 10);
  private static final LiveColumn TIME = col(Types.TIME, "time", 8);

  @Test
  void sourceColumnsGiveTheValuesTheirDriversHandOver() {
    assertThat(JdbcTypes.valueType(PG_TEXT)).contains(ValueType.STRING);
    assertThat(JdbcTypes.valueType(col(Types.LONGVARCHAR, "TEXT", 65535)))
        .contains(ValueType.STRING);
    assertThat(JdbcTypes.valueType(col(Types.CHAR, "CHAR", 12))).contains(ValueType.STRING);
    assertThat(JdbcTypes.valueType(PG_BOOL)).contains(ValueType.BOOLEAN);
    assertThat(JdbcTypes.valueType(MARIA_TINYINT1)).contains(ValueType.BOOLEAN);
    assertThat(JdbcTypes.valueType(col(Types.BOOLEAN, "boolean", 1))).contains(ValueType.BOOLEAN);
    assertThat(JdbcTypes.valueType(MARIA_TINYINT)).contains(ValueType.INT);
    assertThat(JdbcTypes.valueType(PG_INT2)).contains(ValueType.INT);
    assertThat(JdbcTypes.valueType(PG_INT4)).contains(ValueType.INT);
    assertThat(JdbcTypes.valueType(MARIA_BIGINT)).contains(ValueType.LONG);
    assertThat(JdbcTypes.valueType(PG_FLOAT4)).contains(ValueType.DOUBLE);
    assertThat(JdbcTypes.valueType(MARIA_DOUBLE)).contains(ValueType.DOUBLE);
    assertThat(JdbcTypes.valueType(PG_NUMERIC)).contains(ValueType.DECIMAL);
    assertThat(JdbcTypes.valueType(col(Types.DECIMAL, "DECIMAL", 4))).contains(ValueType.DECIMAL);
    assertThat(JdbcTypes.valueType(DATE)).contains(ValueType.DATE);
    assertThat(JdbcTypes.valueType(MARIA_DATETIME)).contains(ValueType.TIMESTAMP);
    assertThat(JdbcTypes.valueType(col(Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz", 35)))
        .contains(ValueType.TIMESTAMP);
    assertThat(JdbcTypes.valueType(PG_BYTEA)).contains(ValueType.BYTES);
    assertThat(JdbcTypes.valueType(col(Types.LONGVARBINARY, "LONGBLOB", 0)))
        .contains(ValueType.BYTES);
  }

  @Test
  void typesTrucDoesNotReasonAboutAreLeftOut() {
    assertThat(JdbcTypes.valueType(PG_UUID)).isEmpty();
    assertThat(JdbcTypes.valueType(TIME)).isEmpty();
    assertThat(JdbcTypes.valueType(MARIA_BIT8)).isEmpty();
    assertThat(JdbcTypes.valueType(col(Types.ARRAY, "_text", 0))).isEmpty();
  }

  @Test
  void textColumnsHoldEverythingButBytes() {
    for (ValueType type : ValueType.values()) {
      if (type != ValueType.BYTES) {
        assertThat(JdbcTypes.cannotHold(type, PG_TEXT)).as("%s", type).isEmpty();
        assertThat(JdbcTypes.cannotHold(type, MARIA_VARCHAR)).as("%s", type).isEmpty();
      }
    }
    assertThat(JdbcTypes.cannotHold(ValueType.BYTES, PG_TEXT)).isPresent();
  }

  @Test
  void textCannotGoIntoNumberDateOrBooleanColumns() {
    for (LiveColumn c : new LiveColumn[] {PG_INT4, PG_NUMERIC, DATE, PG_BOOL, MARIA_DATETIME}) {
      assertThat(JdbcTypes.cannotHold(ValueType.STRING, c))
          .as("%s", c)
          .hasValueSatisfying(r -> assertThat(r).contains("text column"));
    }
  }

  @Test
  void anIntegerColumnCannotHoldADate() {
    assertThat(JdbcTypes.cannotHold(ValueType.DATE, PG_INT4))
        .hasValueSatisfying(r -> assertThat(r).contains("DATE or TIMESTAMP"));
    assertThat(JdbcTypes.cannotHold(ValueType.DATE, DATE)).isEmpty();
    assertThat(JdbcTypes.cannotHold(ValueType.DATE, PG_TIMESTAMPTZ)).isEmpty();
    assertThat(JdbcTypes.cannotHold(ValueType.DATE, TIME)).isPresent();
  }

  @Test
  void numbersNeedColumnsWideAndExactEnough() {
    assertThat(JdbcTypes.cannotHold(ValueType.INT, PG_INT4)).isEmpty();
    assertThat(JdbcTypes.cannotHold(ValueType.INT, MARIA_BIGINT)).isEmpty();
    assertThat(JdbcTypes.cannotHold(ValueType.INT, PG_NUMERIC)).isEmpty();
    assertThat(JdbcTypes.cannotHold(ValueType.INT, PG_INT2)).isPresent();
    assertThat(JdbcTypes.cannotHold(ValueType.LONG, PG_INT4)).isPresent();
    assertThat(JdbcTypes.cannotHold(ValueType.LONG, MARIA_BIGINT)).isEmpty();
    assertThat(JdbcTypes.cannotHold(ValueType.DECIMAL, PG_NUMERIC)).isEmpty();
    assertThat(JdbcTypes.cannotHold(ValueType.DECIMAL, MARIA_DOUBLE))
        .hasValueSatisfying(r -> assertThat(r).contains("exact"));
    assertThat(JdbcTypes.cannotHold(ValueType.DECIMAL, PG_INT4)).isPresent();
    assertThat(JdbcTypes.cannotHold(ValueType.DOUBLE, MARIA_DOUBLE)).isEmpty();
    assertThat(JdbcTypes.cannotHold(ValueType.DOUBLE, PG_FLOAT4)).isPresent();
  }

  @Test
  void booleansGoIntoBooleanColumnsOfEitherDatabase() {
    assertThat(JdbcTypes.cannotHold(ValueType.BOOLEAN, PG_BOOL)).isEmpty();
    assertThat(JdbcTypes.cannotHold(ValueType.BOOLEAN, MARIA_TINYINT1)).isEmpty();
    assertThat(JdbcTypes.cannotHold(ValueType.BOOLEAN, MARIA_TINYINT)).isEmpty();
    assertThat(JdbcTypes.cannotHold(ValueType.BOOLEAN, MARIA_BIT8)).isPresent();
    assertThat(JdbcTypes.cannotHold(ValueType.BOOLEAN, DATE)).isPresent();
  }

  @Test
  void timestampsNeedATimestampColumnNotADate() {
    assertThat(JdbcTypes.cannotHold(ValueType.TIMESTAMP, MARIA_DATETIME)).isEmpty();
    assertThat(JdbcTypes.cannotHold(ValueType.TIMESTAMP, PG_TIMESTAMPTZ)).isEmpty();
    assertThat(JdbcTypes.cannotHold(ValueType.TIMESTAMP, DATE)).isPresent();
  }

  @Test
  void bytesNeedABinaryColumn() {
    assertThat(JdbcTypes.cannotHold(ValueType.BYTES, PG_BYTEA)).isEmpty();
    assertThat(JdbcTypes.cannotHold(ValueType.BYTES, PG_INT4)).isPresent();
  }

  @Test
  void typesTrucDoesNotKnowAreGivenTheBenefitOfTheDoubt() {
    for (ValueType type : ValueType.values()) {
      assertThat(JdbcTypes.cannotHold(type, PG_UUID)).as("%s", type).isEmpty();
    }
  }

  @Test
  void columnsAreDescribedAsADbaWritesThem() {
    assertThat(MARIA_VARCHAR.describe()).isEqualTo("VARCHAR(9)");
    assertThat(PG_TEXT.describe()).isEqualTo("TEXT");
    assertThat(PG_INT4.describe()).isEqualTo("INT4");
    assertThat(col(Types.CHAR, "bpchar", 12).describe()).isEqualTo("BPCHAR(12)");
  }

  private static LiveColumn col(int type, String name, int size) {
    return new LiveColumn("c", type, name, size);
  }
}
