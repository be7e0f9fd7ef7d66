package vn.truc.connector.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/** Failed requests in words an integration engineer can act on, without the credentials. */
final class Failures {

  private Failures() {}

  static String answered(ReceiverClient.Answer answer) {
    return "answered "
        + answer.status()
        + answer.location().map(l -> " to " + l).orElse("")
        + ": "
        + (answer.excerpt().isEmpty() ? "(empty body)" : answer.excerpt());
  }

  static String describe(IOException e, HttpSinkSettings settings) {
    if (e instanceof HttpConnectTimeoutException) {
      return "could not connect within " + settings.timeout().toMillis() + " ms";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer within " + settings.timeout().toMillis() + " ms";
    }
    String detail =
        e.getMessage() == null ? "" : ": " + Redaction.scrub(e.getMessage(), settings.authValue());
    if (e instanceof ConnectException) {
      return "cannot connect (" + e.getClass().getSimpleName() + detail + ")";
    }
    return e.getClass().getSimpleName() + detail;
  }
}
