package vn.truc.connector.jdbc;

import java.sql.Types;
import java.util.Locale;
import java.util.Optional;
import vn.truc.connector.api.ValueType;

/**
 * What the JDBC types a database reports mean for moving records: the value a source column gives
 * the mapper, and whether a receiver column can hold a contract field. Pure, so both answers are
 * tested without a database.
 */
final class JdbcTypes {

  /**
   * A column as the database's metadata describes it.
   *
   * @param jdbcType a {@link java.sql.Types} constant
   * @param typeName the database's own name for the type (int4, VARCHAR, timestamptz)
   * @param size the length of text, the precision of numbers, the bits of a BIT
   */
  record LiveColumn(String name, int jdbcType, String typeName, int size) {

    /** The type as a DBA writes it: VARCHAR(9), NUMERIC(5), DATE. */
    String describe() {
      String type = typeName == null ? "type " + jdbcType : typeName.toUpperCase(Locale.ROOT);
      boolean sized =
          switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR ->
                size > 0 && size < 65_536;
            default -> false;
          };
      return sized && !type.contains("(") ? type + "(" + size + ")" : type;
    }
  }

  private JdbcTypes() {}

  /**
   * The kind of value the JDBC driver hands the mapper for a source column; empty for types whose
   * values Trục does not reason about (TIME, arrays, JSON, UUID, a multi-bit BIT), which are then
   * left to the per-row checks.
   */
  static Optional<ValueType> valueType(LiveColumn column) {
    return Optional.ofNullable(
        switch (column.jdbcType()) {
          case Types.CHAR,
              Types.VARCHAR,
              Types.LONGVARCHAR,
              Types.NCHAR,
              Types.NVARCHAR,
              Types.LONGNVARCHAR,
              Types.CLOB,
              Types.NCLOB ->
              ValueType.STRING;
          case Types.BIT, Types.BOOLEAN -> isBoolean(column) ? ValueType.BOOLEAN : null;
          case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> ValueType.INT;
          case Types.BIGINT -> ValueType.LONG;
          case Types.REAL, Types.FLOAT, Types.DOUBLE -> ValueType.DOUBLE;
          case Types.NUMERIC, Types.DECIMAL -> ValueType.DECIMAL;
          case Types.DATE -> ValueType.DATE;
          case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ValueType.TIMESTAMP;
          case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ValueType.BYTES;
          default -> null;
        });
  }

  /**
   * Why a receiver column cannot hold values of {@code type}, or empty when it can. A text column
   * holds anything but bytes (both databases convert on assignment). Types Trục does not know
   * (JSON, UUID, arrays, user-defined) are given the benefit of the doubt.
   */
  static Optional<String> cannotHold(ValueType type, LiveColumn column) {
    int t = column.jdbcType();
    if (isText(t)) {
      return type == ValueType.BYTES
          ? Optional.of("a text column cannot hold bytes; use a binary column")
          : Optional.empty();
    }
    if (!isKnown(t)) {
      return Optional.empty();
    }
    boolean holds =
        switch (type) {
          case STRING -> false;
          case INT ->
              t == Types.INTEGER
                  || t == Types.BIGINT
                  || isExactNumber(t)
                  || t == Types.DOUBLE
                  || t == Types.FLOAT;
          case LONG -> t == Types.BIGINT || isExactNumber(t);
          case DOUBLE -> t == Types.DOUBLE || t == Types.FLOAT || isExactNumber(t);
          case DECIMAL -> isExactNumber(t);
          case BOOLEAN -> isBoolean(column) || t == Types.TINYINT;
          case DATE -> t == Types.DATE || isTimestamp(t);
          case TIMESTAMP -> isTimestamp(t);
          case BYTES ->
              t == Types.BINARY
                  || t == Types.VARBINARY
                  || t == Types.LONGVARBINARY
                  || t == Types.BLOB;
        };
    return holds ? Optional.empty() : Optional.of(needs(type));
  }

  /** Whether the column can hold a sink's version or delivered time: a timestamp, not text. */
  static boolean isTimestamp(int jdbcType) {
    return jdbcType == Types.TIMESTAMP || jdbcType == Types.TIMESTAMP_WITH_TIMEZONE;
  }

  static boolean isText(int jdbcType) {
    return switch (jdbcType) {
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.CLOB,
          Types.NCLOB ->
          true;
      default -> false;
    };
  }

  private static String needs(ValueType type) {
    return switch (type) {
      case STRING -> "it needs a text column (VARCHAR, TEXT)";
      case INT -> "it needs an INTEGER, BIGINT or NUMERIC column, or text";
      case LONG -> "it needs a BIGINT or NUMERIC column, or text";
      case DOUBLE -> "it needs a DOUBLE or NUMERIC column, or text";
      case DECIMAL -> "it needs a NUMERIC/DECIMAL column (exact), or text";
      case BOOLEAN -> "it needs a BOOLEAN column, or text";
      case DATE -> "it needs a DATE or TIMESTAMP column, or text";
      case TIMESTAMP -> "it needs a TIMESTAMP (DATETIME) column, or text";
      case BYTES -> "it needs a binary column (BYTEA, BLOB)";
    };
  }

  private static boolean isExactNumber(int t) {
    return t == Types.NUMERIC || t == Types.DECIMAL;
  }

  /**
   * BIT is how both drivers report a boolean (PostgreSQL bool, MariaDB TINYINT(1)); a real BIT
   * column wider than one bit is a bit string.
   */
  private static boolean isBoolean(LiveColumn c) {
    return c.jdbcType() == Types.BOOLEAN
        || (c.jdbcType() == Types.BIT && (c.size() <= 1 || !"bit".equalsIgnoreCase(c.typeName())));
  }

  /** Types whose values we can reason about; the others are not judged. */
  private static boolean isKnown(int t) {
    return switch (t) {
      case Types.BIT,
          Types.BOOLEAN,
          Types.TINYINT,
          Types.SMALLINT,
          Types.INTEGER,
          Types.BIGINT,
          Types.REAL,
          Types.FLOAT,
          Types.DOUBLE,
          Types.NUMERIC,
          Types.DECIMAL,
          Types.DATE,
          Types.TIME,
          Types.TIME_WITH_TIMEZONE,
          Types.TIMESTAMP,
          Types.TIMESTAMP_WITH_TIMEZONE,
          Types.BINARY,
          Types.VARBINARY,
          Types.LONGVARBINARY,
          Types.BLOB ->
          true;
      default -> false;
    };
  }
}
