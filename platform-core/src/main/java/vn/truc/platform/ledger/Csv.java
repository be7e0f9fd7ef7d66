package vn.truc.platform.ledger;

import java.util.List;

/** CSV as RFC 4180 writes it: a header line, CRLF line ends, fields quoted where they need it. */
final class Csv {

  private final StringBuilder out = new StringBuilder(4096);

  Csv(List<String> header) {
    row(header);
  }

  Csv row(List<?> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      field(fields.get(i));
    }
    out.append("\r\n");
    return this;
  }

  private void field(Object value) {
    if (value == null) {
      return;
    }
    String s =
        value instanceof List<?> list
            ? String.join(" ", list.stream().map(String::valueOf).toList())
            : value.toString();
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      out.append('"').append(s.replace("\"", "\"\"")).append('"');
    } else {
      out.append(s);
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
