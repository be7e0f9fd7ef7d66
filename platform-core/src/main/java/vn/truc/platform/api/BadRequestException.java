package vn.truc.platform.api;

/** A request the API cannot read at all (HTTP 400), naming the field. */
final class BadRequestException extends RuntimeException {
  final String field;

  BadRequestException(String field, String reason) {
    super(reason);
    this.field = field;
  }
}
