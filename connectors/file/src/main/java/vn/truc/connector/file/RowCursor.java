package vn.truc.connector.file;

import java.io.Closeable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the data rows of one file in order, after its header. Not thread-safe. */
interface RowCursor extends Closeable {

  /** The next data row, or {@code null} once the file is read to its end. */
  DataRow next() throws IOException;

  /** The column names of the header, in order; empty when the file has none. */
  default List<String> columns() {
    return List.of();
  }

  /**
   * A file that cannot be read at all (not a workbook, a header naming a column twice, ...): one
   * row carrying only the reason, then the end. The file is still moved to the processed folder,
   * and the reason reaches the dead-letter topic and the exchange log through that row.
   */
  static RowCursor failed(long line, String reason) {
    return new RowCursor() {
      private boolean done;

      @Override
      public DataRow next() {
        if (done) {
          return null;
        }
        done = true;
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put(FileDropSource.ERROR_COLUMN, reason);
        return new DataRow(line, columns);
      }

      @Override
      public void close() {}
    };
  }
}
