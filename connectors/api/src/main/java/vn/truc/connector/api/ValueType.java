package vn.truc.connector.api;

/**
 * The kind of value a column or field holds, as far as moving records between stores needs to know:
 * enough to check that a mapping is convertible and to create a receiver's table.
 */
public enum ValueType {
  STRING,
  INT,
  LONG,
  DOUBLE,
  DECIMAL,
  BOOLEAN,
  DATE,
  TIMESTAMP,
  BYTES
}
