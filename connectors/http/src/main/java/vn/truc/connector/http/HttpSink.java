package vn.truc.connector.http;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.truc.connector.api.SinkConnector;
import vn.truc.connector.api.SinkRecord;
import vn.truc.connector.api.TargetColumn;

/**
 * POSTs batches to a receiver. Transient failures are retried in place with backoff, always with
 * the same body and Idempotency-Key; when they outlast the retries, or the receiver refuses the
 * batch, {@link #write} throws and the platform keeps the batch (offsets are committed only after
 * write returns) to try again later. Newest-wins and de-duplication are the receiver's: it gets
 * every version in the order the platform read them.
 */
final class HttpSink implements SinkConnector {

  private static final Logger LOG = LoggerFactory.getLogger(HttpSink.class);

  private final HttpSinkSettings settings;
  private final ReceiverClient client;
  private final BatchWriter writer;
  private final Backoff backoff;

  HttpSink(HttpSinkSettings settings, ReceiverClient client, List<TargetColumn> columns) {
    this.settings = settings;
    this.client = client;
    this.writer = new BatchWriter(columns.stream().map(TargetColumn::name).toList());
    this.backoff =
        new Backoff(
            settings.backoffInitial(),
            settings.backoffMax(),
            () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * @return how many records the receiver accepted: all of them, or write throws
   */
  @Override
  public int write(List<SinkRecord> records) throws IOException, InterruptedException {
    int size = settings.batchMaxRecords();
    for (int from = 0; from < records.size(); from += size) {
      send(writer.write(records.subList(from, Math.min(records.size(), from + size))));
    }
    return records.size();
  }

  private void send(BatchWriter.Document document) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      ReceiverClient.Answer answer = null;
      IOException failure = null;
      try {
        answer = client.post(document);
      } catch (IOException e) {
        failure = e;
      }
      if (answer != null && answer.ok()) {
        return;
      }
      if (answer != null && !Statuses.transientFailure(answer.status())) {
        throw refused(document, answer, attempt);
      }
      String what =
          answer != null ? Failures.answered(answer) : Failures.describe(failure, settings);
      if (attempt > settings.maxRetries()) {
        throw new HttpDeliveryException(
            request(document) + " failed " + attempt + " times; last: " + what,
            answer == null ? 0 : answer.status(),
            attempt,
            failure);
      }
      Optional<Duration> asked =
          answer != null && Statuses.mayAskToWait(answer.status())
              ? answer.retryAfter().flatMap(v -> RetryAfter.parse(v, Instant.now()))
              : Optional.empty();
      Duration wait = backoff.delay(attempt, asked);
      LOG.warn(
          "{} {} (attempt {} of {}); retrying in {} ms",
          request(document),
          what,
          attempt,
          settings.maxRetries() + 1,
          wait.toMillis());
      Thread.sleep(wait.toMillis());
    }
  }

  private HttpDeliveryException refused(
      BatchWriter.Document document, ReceiverClient.Answer answer, int attempt) {
    String hint =
        answer.status() >= 300 && answer.status() < 400
            ? "; redirects are not followed, set url to the final address"
            : "; not retried, the receiver refuses this batch as it is";
    return new HttpDeliveryException(
        request(document) + " " + Failures.answered(answer) + hint, answer.status(), attempt, null);
  }

  private String request(BatchWriter.Document document) {
    return "POST "
        + settings.shownUrl()
        + " ("
        + document.records()
        + " records, Idempotency-Key "
        + document.idempotencyKey()
        + ")";
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "http sink to " + settings.shownUrl();
  }
}
