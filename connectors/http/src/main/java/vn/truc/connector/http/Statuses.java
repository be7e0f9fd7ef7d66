package vn.truc.connector.http;

/** Which answers are worth sending the same batch again for. */
final class Statuses {

  private Statuses() {}

  /**
   * 408 (the receiver timed out reading), 429 (rate limited) and 5xx (receiver or gateway in
   * trouble) may pass; any other 4xx says the request itself is wrong and will stay so.
   */
  static boolean transientFailure(int status) {
    return status == 408 || status == 429 || (status >= 500 && status < 600);
  }

  /** Only these carry a Retry-After the sink honours. */
  static boolean mayAskToWait(int status) {
    return status == 429 || status == 503;
  }
}
