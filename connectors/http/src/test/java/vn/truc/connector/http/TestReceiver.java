package vn.truc.connector.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP receiver on a free local port: records every request and answers from a script, then
 * 200 once the script is used up.
 */
final class TestReceiver implements AutoCloseable {

  /** One request as it arrived. */
  record Request(
      String method, String path, String query, Headers headers, String body, long arrivedNanos) {

    String header(String name) {
      return headers.getFirst(name);
    }
  }

  /** How to answer one request. */
  interface Answer {
    void answer(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Deque<Answer> script = new ArrayDeque<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  TestReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/ingest";
  }

  /** Answers the next requests in this order. */
  synchronized TestReceiver then(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  static Answer status(int status, String body, String... headerPairs) {
    return exchange -> {
      for (int i = 0; i < headerPairs.length; i += 2) {
        exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    };
  }

  /** Never answers (until the receiver closes): the client has to give up on it. */
  Answer silence() {
    return exchange -> {
      try {
        closing.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    };
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestURI().getRawQuery(),
            exchange.getRequestHeaders(),
            new String(body, StandardCharsets.UTF_8),
            System.nanoTime()));
    Answer answer;
    synchronized (this) {
      answer = script.isEmpty() ? status(200, "{\"accepted\":true}") : script.poll();
    }
    answer.answer(exchange);
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
