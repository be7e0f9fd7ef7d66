package vn.truc.connector.http;

import java.net.URI;

/**
 * What of a receiver's URL and answers may be shown: error messages end up in the subscription's
 * status and in logs, which more people read than may know the receiver's credentials.
 */
final class Redaction {

  static final String MASK = "******";

  private Redaction() {}

  /** Scheme, host, port and path; a query string (which may hold an API key) is masked. */
  static String url(URI url) {
    StringBuilder shown = new StringBuilder();
    shown.append(url.getScheme()).append("://").append(url.getHost());
    if (url.getPort() != -1) {
      shown.append(':').append(url.getPort());
    }
    shown.append(url.getRawPath() == null ? "" : url.getRawPath());
    if (url.getRawQuery() != null) {
      shown.append('?').append(MASK);
    }
    return shown.toString();
  }

  /**
   * The text with the secret masked, whole and its credential part ("Bearer <credential>"):
   * receivers sometimes echo a header they refuse, or just the token in it.
   */
  static String scrub(String text, String secret) {
    if (text == null || secret == null || secret.isBlank()) {
      return text;
    }
    String trimmed = secret.trim();
    String credential = trimmed.substring(trimmed.lastIndexOf(' ') + 1);
    return text.replace(trimmed, MASK).replace(credential, MASK);
  }
}
