package vn.truc.connector.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends one batch document to the receiver, once, and reads what it answered. */
final class ReceiverClient implements AutoCloseable {

  /** What the receiver answered. */
  record Answer(
      int status, Optional<String> retryAfter, Optional<String> location, String excerpt) {

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private static final int BODY_LIMIT = 4_096;
  private static final int EXCERPT_CHARS = 300;

  private final HttpSinkSettings settings;
  private final HttpClient client;

  ReceiverClient(HttpSinkSettings settings) {
    this.settings = settings;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            // A redirected POST is either turned into a GET or re-sent with our credentials to
            // wherever the Location points: neither is safe, so a redirect is an error to fix.
            .followRedirects(HttpClient.Redirect.NEVER);
    if ("http".equalsIgnoreCase(settings.url().getScheme())) {
      // Without TLS the client would offer an h2c upgrade, which some proxies and servers
      // mishandle on requests with a body; over TLS, HTTP/2 is negotiated safely.
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    this.client = builder.build();
  }

  /**
   * Posts the document; throws an {@link IOException} when no complete answer came (no connection,
   * reset, or nothing within the timeout).
   */
  Answer post(BatchWriter.Document document) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.url())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", document.idempotencyKey())
            .header("User-Agent", "truc-http-sink")
            .POST(HttpRequest.BodyPublishers.ofByteArray(document.body()));
    if (settings.authValue() != null) {
      request.header(settings.authName(), settings.authValue());
    }
    CompletableFuture<HttpResponse<byte[]>> sent =
        client.sendAsync(request.build(), info -> new BoundedBody(BODY_LIMIT));
    HttpResponse<byte[]> response;
    try {
      // The request's own timeout stops at the headers; this deadline covers the body too.
      response = sent.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      sent.cancel(true);
      throw new HttpTimeoutException(
          "no complete answer within " + settings.timeout().toMillis() + " ms");
    } catch (InterruptedException e) {
      sent.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw unwrap(e);
    }
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Retry-After"),
        response
            .headers()
            .firstValue("Location")
            .map(
                l ->
                    Redaction.scrub(
                        l.replaceAll("\\?.*", "?" + Redaction.MASK), settings.authValue())),
        excerpt(response.body()));
  }

  private String excerpt(byte[] body) {
    // Masked before it is cut, so a secret across the cut cannot leave a readable half.
    String text =
        Redaction.scrub(new String(body, StandardCharsets.UTF_8), settings.authValue())
            .replaceAll("\\s+", " ")
            .strip();
    return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "…" : text;
  }

  private static IOException unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    return new IOException(cause);
  }

  @Override
  public void close() {
    // Java 21 made the client closeable (it frees its selector thread); on 17 it is collected.
    if (client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Closing only frees threads; nothing was in flight that could be lost.
      }
    }
  }
}
