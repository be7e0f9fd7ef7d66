package vn.truc.connector.api;

/**
 * A receiver column a sink writes, besides the key and the version.
 *
 * @param name the column name in the receiver's store
 * @param type the type of the contract field the column holds
 * @param nullable whether the contract allows the field to be empty
 */
public record TargetColumn(String name, ValueType type, boolean nullable) {}
