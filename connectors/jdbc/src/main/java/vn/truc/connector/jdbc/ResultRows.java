package vn.truc.connector.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import vn.truc.connector.api.Columns;

/** Result-set rows as {@link Columns}: the labels read once per query, one array per row. */
final class ResultRows {

  private ResultRows() {}

  static Columns.Names names(ResultSetMetaData meta) throws SQLException {
    List<String> labels = new ArrayList<>(meta.getColumnCount());
    for (int c = 1; c <= meta.getColumnCount(); c++) {
      labels.add(meta.getColumnLabel(c));
    }
    return new Columns.Names(labels);
  }

  /** The current row, every column as the driver's {@code getObject} returns it. */
  static Columns row(ResultSet rs, Columns.Names names, int columnCount) throws SQLException {
    Object[] values = new Object[names.size()];
    for (int c = 1; c <= columnCount; c++) {
      values[names.slot(c - 1)] = rs.getObject(c);
    }
    return names.row(values);
  }
}
