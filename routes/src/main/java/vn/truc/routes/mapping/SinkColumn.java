package vn.truc.routes.mapping;

/**
 * One column of a receiver's table and the contract field it holds.
 *
 * @param column the column name in the receiver's table
 * @param field the contract field, a dotted path for nested fields (e.g. residence.communeCode)
 */
public record SinkColumn(String column, String field) {}
