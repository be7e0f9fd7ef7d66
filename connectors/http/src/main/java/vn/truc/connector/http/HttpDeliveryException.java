package vn.truc.connector.http;

import java.io.IOException;

/**
 * A batch the receiver did not accept. The message names the URL (query masked), the last status
 * and an excerpt of the receiver's answer; it never holds the authentication header.
 */
public final class HttpDeliveryException extends IOException {

  private final int status;
  private final int attempts;

  HttpDeliveryException(String message, int status, int attempts, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.attempts = attempts;
  }

  /** The last status the receiver answered, 0 when the last attempt got no answer. */
  public int status() {
    return status;
  }

  /** How many times the batch was sent within the failed write. */
  public int attempts() {
    return attempts;
  }
}
