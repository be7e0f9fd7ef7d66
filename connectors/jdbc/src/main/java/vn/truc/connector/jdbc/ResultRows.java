package vn.truc.connector.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import vn.truc.connector.api.Columns;

/** Result-set rows as {@link Columns}: one array per row, the names shared by the query's rows. */
final class ResultRows {

  private ResultRows() {}

  /** The current row, every column as the driver's {@code getObject} returns it. */
  static Columns row(ResultSet rs, Columns.Names names, int columnCount) throws SQLException {
    Object[] values = new Object[names.size()];
    for (int c = 1; c <= columnCount; c++) {
      values[names.slot(c - 1)] = rs.getObject(c);
    }
    return names.row(values);
  }
}
