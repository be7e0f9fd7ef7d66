package vn.truc.connector.http;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The live check at registration: one POST of an empty batch, sent exactly as real batches are
 * (same URL, headers and credentials), so that a wrong address, a refused token or a receiver that
 * is down show up before any record waits on them. Receivers must answer 2xx to an empty batch.
 */
final class ReceiverProbe {

  private final HttpSinkSettings settings;
  private final ReceiverClient client;

  ReceiverProbe(HttpSinkSettings settings, ReceiverClient client) {
    this.settings = settings;
    this.client = client;
  }

  /** Why the receiver cannot take batches, or empty when it accepted the empty one. */
  Optional<String> problem() {
    try (client) {
      ReceiverClient.Answer answer = client.post(new BatchWriter(List.of()).write(List.of()));
      if (answer.ok()) {
        return Optional.empty();
      }
      return Optional.of(settings.shownUrl() + " " + Failures.answered(answer) + hint(answer));
    } catch (IOException e) {
      return Optional.of(
          "cannot reach " + settings.shownUrl() + ": " + Failures.describe(e, settings));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("the check of " + settings.shownUrl() + " was interrupted");
    }
  }

  private static String hint(ReceiverClient.Answer answer) {
    int status = answer.status();
    if (status == 401 || status == 403) {
      return "; the receiver refuses the credentials: check "
          + HttpSinkKind.AUTH_HEADER
          + " and "
          + HttpSinkKind.AUTH_HEADER_NAME;
    }
    if (status == 404) {
      return "; no endpoint at this URL";
    }
    if (status == 405) {
      return "; this URL does not accept POST";
    }
    if (status >= 300 && status < 400) {
      return "; redirects are not followed, set url to the final address";
    }
    if (status >= 500) {
      return "; the receiver is failing or down";
    }
    return "; it must accept an empty batch {\"records\":[]} with a 2xx";
  }
}
