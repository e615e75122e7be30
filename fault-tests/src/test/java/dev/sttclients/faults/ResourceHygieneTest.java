package dev.sttclients.faults;

import static dev.sttclients.faults.Faults.JOB_ID;
import static dev.sttclients.faults.Faults.JOB_JSON;
import static dev.sttclients.faults.Faults.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.errors.ClientClosedException;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.MalformedResponseException;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.RateLimitException;
import dev.sttclients.runtime.errors.ServerException;
import dev.sttclients.runtime.errors.SttException;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every response is closed on every path (a leaked one would exhaust a 2-connection pool within a few calls),
 * and close() leaves no connection open on the server's side and no thread behind.
 */
class ResourceHygieneTest {
  private final Harness h = new Harness();

  /** Answers by the last path segment of the request: a different fault for each. */
  private static void answer(int n, String head, Socket s) throws java.io.IOException {
    String path = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
    switch (n % 8) {
      case 1 -> RawServer.respond(s, 404, "application/json", Faults.NOT_FOUND_JSON);
      case 2 -> RawServer.respond(s, 500, "text/html", "<html>" + "x".repeat(100_000) + "</html>");
      case 3 -> RawServer.respond(s, 200, "application/json", JOB_JSON.substring(0, 50));
      case 4 -> RawServer.respond(s, 200, "text/html", "<html>login</html>");
      case 5 -> RawServer.respond(s, 429, "application/json", "{}");
      case 6 -> RawServer.reset(s);
      case 7 -> RawServer.respond(s, 200, "application/json", JOB_JSON);
      default -> RawServer.respond(s, 200, "application/octet-stream", "audio-bytes " + path);
    }
  }

  @Test
  void everyFailurePathReleasesItsConnection() throws Throwable {
    try (RawServer server = new RawServer(ResourceHygieneTest::answer)) {
      try (GladiaClient c = Faults.gladia(server.baseUrl(), h).maxRetries(0).maxConnections(2)
          .connectionRequestTimeout(Duration.ofMillis(500)).build()) {
        for (int round = 0; round < 5; round++) {
          Executable[] calls = {
              () -> c.preRecorded().get(JOB_ID),
              () -> c.preRecorded().get(JOB_ID),
              () -> c.preRecorded().get(JOB_ID),
              () -> c.preRecorded().get(JOB_ID),
              () -> c.preRecorded().get(JOB_ID),
              () -> c.preRecorded().get(JOB_ID),
              () -> c.preRecorded().get(JOB_ID),
              () -> {
                try (BinaryResponse file = c.preRecorded().getFile(JOB_ID)) {
                  assertEquals('a', file.body().read()); // read one byte and close: the rest is discarded
                }
              }};
          Class<?>[] outcomes = {NotFoundException.class, ServerException.class, MalformedResponseException.class,
              MalformedResponseException.class, RateLimitException.class, ConnectionException.class, null, null};
          for (int i = 0; i < calls.length; i++) {
            if (outcomes[i] == null) {
              calls[i].execute();
            } else {
              @SuppressWarnings("unchecked")
              Class<? extends SttException> type = (Class<? extends SttException>) outcomes[i];
              assertEquals(type, fails(type, calls[i]).getClass(), "round " + round + " call " + i);
            }
          }
        }
        assertEquals(40, server.requests());
        assertTrue(server.openConnections() <= 2, server.openConnections() + " connections open");
      }
      assertEquals(0, server.awaitNoOpenConnections(Duration.ofSeconds(5)), "connections left open after close()");
    }
  }

  @Test
  void closeAbortsAnUnreadDownloadAndLeavesNothingOpen() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/octet-stream",
        "a".repeat(1_000_000)))) {
      GladiaClient c = Faults.gladia(server.baseUrl(), h).build();
      BinaryResponse forgotten = c.preRecorded().getFile(JOB_ID); // never closed by the caller
      assertEquals('a', forgotten.body().read());
      assertEquals(1, server.openConnections());
      c.close();
      c.close(); // idempotent
      assertEquals(0, server.awaitNoOpenConnections(Duration.ofSeconds(5)));
      ClientClosedException e = fails(ClientClosedException.class, () -> c.preRecorded().get(JOB_ID));
      assertEquals("gladia get: the client was closed; nothing sent", e.getMessage());
      assertEquals(0, e.attempts());
      assertEquals(1, server.requests());
    }
  }

  /** The pool's own count: a download holds its connection until closed or read to its end. */
  @Test
  void anOpenDownloadIsTheOnlyLeasedConnection() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/octet-stream",
        "0123456789"));
        RawClient c = RawClient.builder().apiKey(Faults.API_KEY).baseUrl(server.baseUrl()).build()) {
      dev.sttclients.runtime.internal.OperationRequest get = dev.sttclients.runtime.internal.OperationRequest
          .builder("getFile", "GET", "/file").accept("application/octet-stream").build();
      var type = new com.fasterxml.jackson.core.type.TypeReference<BinaryResponse>() {};
      assertEquals(0, c.rt().leasedConnections());
      BinaryResponse first = c.rt().execute(get, type, null).body();
      assertEquals(1, c.rt().leasedConnections());
      BinaryResponse second = c.rt().execute(get, type, null).body();
      assertEquals(2, c.rt().leasedConnections());
      assertEquals("0123456789", new String(first.body().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII));
      assertEquals(1, c.rt().leasedConnections(), "read to its end: back in the pool");
      second.close();
      assertEquals(0, c.rt().leasedConnections(), "closed early: dropped");
      first.close();
      assertEquals(2, server.accepted());
    }
  }

  @Test
  void noThreadOutlivesTheClient() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json", JOB_JSON))) {
      Set<Thread> before = Thread.getAllStackTraces().keySet();
      for (int i = 0; i < 5; i++) {
        try (GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
          for (int j = 0; j < 4; j++) {
            c.preRecorded().get(JOB_ID);
          }
        }
      }
      assertEquals(0, server.awaitNoOpenConnections(Duration.ofSeconds(5)));
      Set<String> added = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> !before.contains(t) && t.isAlive() && !t.getName().equals("raw-server"))
          .map(Thread::getName).collect(Collectors.toSet());
      assertEquals(Set.of(), added);
      assertEquals(20, server.requests());
      assertEquals(5, server.accepted()); // one kept-alive connection per client, reused for its 4 calls
    }
  }
}
