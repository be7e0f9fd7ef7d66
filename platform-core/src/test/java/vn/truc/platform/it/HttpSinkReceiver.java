package vn.truc.platform.it;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A ministry's HTTP endpoint as a careful receiver writes one: it remembers the Idempotency-Key of
 * every batch it applied and applies a batch it has seen before only once, and it keeps the newest
 * version of each person. It can misbehave on request: answer 503 to the next batches, or apply a
 * batch and lose its answer, as a receiver that crashes after its commit does.
 */
final class HttpSinkReceiver implements AutoCloseable {

  /** One POST that carried records, with the status it was answered (0 when never answered). */
  record Post(String idempotencyKey, String authorization, JsonNode records, int status) {}

  // Decimals exactly as sent: 4.65 must not pass through a double.
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Convergence.Person> people = new HashMap<>();
  private final Map<String, Instant> versions = new HashMap<>();
  private final Set<String> applied = new HashSet<>();
  private final List<Post> posts = new ArrayList<>();
  private final List<String> probes = new ArrayList<>();
  private int unavailable;
  private boolean loseNextAnswer;
  private CountDownLatch replayOfLostAnswer;
  private String lostAnswerKey;

  HttpSinkReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/civil-servants", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/civil-servants";
  }

  /** Answers the next {@code batches} batches with 503, without applying them. */
  synchronized void unavailableFor(int batches) {
    unavailable = batches;
  }

  /** Applies the next new batch but never answers it until the same batch comes again. */
  synchronized void loseTheNextAnswer() {
    loseNextAnswer = true;
  }

  synchronized Map<String, Convergence.Person> people() {
    return Map.copyOf(people);
  }

  synchronized List<Post> posts() {
    return List.copyOf(posts);
  }

  /** The authorization header of each empty batch (the platform's check at registration). */
  synchronized List<String> probes() {
    return List.copyOf(probes);
  }

  private void handle(HttpExchange exchange) throws IOException {
    JsonNode records = JSON.readTree(exchange.getRequestBody()).get("records");
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    CountDownLatch withhold = null;
    int status;
    synchronized (this) {
      if (records.isEmpty()) {
        probes.add(authorization);
        status = 200;
      } else if (unavailable > 0) {
        unavailable--;
        status = 503;
      } else if (!applied.add(key)) {
        // Seen before: the sender never got our answer. Apply nothing, answer as before.
        status = 200;
        if (key.equals(lostAnswerKey)) {
          replayOfLostAnswer.countDown();
        }
      } else {
        records.forEach(this::apply);
        status = 200;
        if (loseNextAnswer) {
          loseNextAnswer = false;
          lostAnswerKey = key;
          replayOfLostAnswer = new CountDownLatch(1);
          withhold = replayOfLostAnswer;
          status = 0;
        }
      }
      if (!records.isEmpty()) {
        posts.add(new Post(key, authorization, records, status));
      }
    }
    if (withhold != null) {
      await(withhold);
      exchange.close();
      return;
    }
    byte[] body =
        (status == 503 ? "{\"error\": \"maintenance\"}" : "{\"accepted\": true}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Newest version wins, whatever order versions arrive in. */
  private void apply(JsonNode record) {
    String key = record.get("key").asText();
    Instant changedAt = Instant.parse(record.get("changedAt").asText());
    Instant held = versions.get(key);
    if (held != null && held.isAfter(changedAt)) {
      return;
    }
    versions.put(key, changedAt);
    JsonNode fields = record.get("fields");
    people.put(
        key,
        new Convergence.Person(
            fields.get("full_name").asText(),
            fields.get("salary_step").asInt(),
            fields.get("salary_coefficient").decimalValue().setScale(2),
            LocalDateTime.ofInstant(changedAt, ZoneOffset.UTC)));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (replayOfLostAnswer != null) {
        replayOfLostAnswer.countDown();
      }
    }
    server.stop(0);
    threads.shutdownNow();
  }
}
