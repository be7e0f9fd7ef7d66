package vn.truc.routes.translate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the project's own reference CSV files from the classpath: UTF-8, one header line, no
 * quoting (see reference/admin-units/README.md). A file that does not have the expected shape is a
 * build defect, so it fails loudly with the file and line.
 */
final class ReferenceCsv {

  private ReferenceCsv() {}

  static List<String[]> read(String resource, String expectedHeader) {
    InputStream in = ReferenceCsv.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("reference data " + resource + " is not on the classpath");
    }
    int columns = expectedHeader.split(",", -1).length;
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (header != null && header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      if (!expectedHeader.equals(header)) {
        throw new IllegalStateException(
            resource
                + " should start with '"
                + expectedHeader
                + "' but starts with '"
                + header
                + "'");
      }
      String line;
      int number = 1;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isEmpty()) {
          continue;
        }
        String[] fields = line.split(",", -1);
        if (fields.length != columns) {
          throw new IllegalStateException(
              resource + " line " + number + " has " + fields.length + " fields, not " + columns);
        }
        rows.add(fields);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return rows;
  }
}
