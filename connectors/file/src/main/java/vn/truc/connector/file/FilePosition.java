package vn.truc.connector.file;

/**
 * Where reading stands: a file of the watched folder and the line (CSV) or sheet row (XLSX) of the
 * last row read, written {@code <file name>|<line>}. Lines count as in the file, 1-based, so with
 * the header on line 1 the first data row is line 2; a row spanning lines is identified by the line
 * it starts on.
 */
record FilePosition(String file, long line) {

  private static final char SEPARATOR = '|';

  static FilePosition parse(String position) {
    if (position == null || position.isBlank()) {
      return null;
    }
    // From the right: a file name may itself contain a bar, a line number never does.
    int at = position.lastIndexOf(SEPARATOR);
    if (at <= 0) {
      throw new IllegalArgumentException(
          "Not a file-drop position (<file name>|<line>): '" + position + "'");
    }
    try {
      long line = Long.parseLong(position.substring(at + 1));
      if (line < 0) {
        throw new NumberFormatException();
      }
      return new FilePosition(position.substring(0, at), line);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Not a file-drop position (<file name>|<line>): '" + position + "'");
    }
  }

  String position() {
    return file + SEPARATOR + line;
  }

  @Override
  public String toString() {
    return position();
  }
}
