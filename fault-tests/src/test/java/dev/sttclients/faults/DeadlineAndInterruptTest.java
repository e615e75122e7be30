package dev.sttclients.faults;

import static dev.sttclients.faults.Faults.JOB_ID;
import static dev.sttclients.faults.Faults.JOB_JSON;
import static dev.sttclients.faults.Faults.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.CallInterruptedException;
import dev.sttclients.runtime.errors.CallTimeoutException;
import dev.sttclients.runtime.errors.ClientClosedException;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.RateLimitException;
import dev.sttclients.runtime.errors.RequestTimeoutException;
import dev.sttclients.runtime.errors.SttException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call ends when its deadline passes, when its thread is interrupted, or when its client is closed, whatever the
 * server does; each way with its own typed exception, and nothing is retried afterwards. Real time is used here
 * with wide margins (a deadline of about a second against servers that would go on for a minute); the
 * {@code assertTimeoutPreemptively} bounds only turn a regression into a failure instead of a hang.
 */
class DeadlineAndInterruptTest {
  private static final Duration NO_HANG = Duration.ofSeconds(20);
  private final Harness h = new Harness();

  /** Status line and headers, then one body byte every 100 ms for up to a minute. */
  private static RawServer.Script drip() {
    return (n, head, s) -> {
      RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
      for (int i = 0; i < 600; i++) {
        s.getOutputStream().write(' ');
        s.getOutputStream().flush();
        Thread.sleep(100);
      }
    };
  }

  /** Reads the request, then answers nothing until the client goes away (at most a minute). */
  private static final RawServer.Script SILENT = (n, head, s) -> RawServer.awaitClientGone(s, Duration.ofSeconds(60));

  @Test
  void aSlowDripEndsAtTheCallTimeout() throws Exception {
    try (RawServer server = new RawServer(drip());
        GladiaClient c = Faults.gladia(server.baseUrl(), h).responseTimeout(Duration.ofSeconds(5))
            .callTimeout(Duration.ofMillis(1200)).build()) {
      long start = System.nanoTime();
      CallTimeoutException e = assertTimeoutPreemptively(NO_HANG,
          () -> fails(CallTimeoutException.class, () -> c.preRecorded().get(JOB_ID)));
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms >= 1100 && ms < 5000, ms + " ms");
      assertEquals(Duration.ofMillis(1200), e.callTimeout());
      assertEquals(1, e.attempts());
      assertEquals("gladia get: call timeout of 1200 ms reached after 1 attempt", e.getMessage());
      assertEquals(1, server.requests(), "nothing is retried past the deadline");
    }
  }

  @Test
  void endlessInterimResponsesAreBounded() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> {
      for (int i = 0; i < 10_000; i++) {
        RawServer.write(s, "HTTP/1.1 102 Processing\r\n\r\n");
        Thread.sleep(5);
      }
    }); GladiaClient c = Faults.gladia(server.baseUrl(), h).maxRetries(0).build()) {
      ConnectionException e = assertTimeoutPreemptively(NO_HANG,
          () -> fails(ConnectionException.class, () -> c.preRecorded().get(JOB_ID)));
      assertTrue(e.getMessage().contains("not a valid HTTP response"), e.getMessage());
      assertEquals(1, server.requests());
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} interim responses")
  @org.junit.jupiter.params.provider.ValueSource(ints = {20, 21})
  void twentyInterimResponsesAreAcceptedNotMore(int interim) throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> {
      RawServer.write(s, "HTTP/1.1 102 Processing\r\n\r\n".repeat(interim));
      RawServer.respond(s, 200, "application/json", JOB_JSON);
    }); GladiaClient c = Faults.gladia(server.baseUrl(), h).maxRetries(0).build()) {
      if (interim == 20) {
        assertEquals(JOB_ID, c.preRecorded().get(JOB_ID).getId().toString());
      } else {
        fails(ConnectionException.class, () -> c.preRecorded().get(JOB_ID));
      }
    }
  }

  /** The call timeout covers a download until its headers are in; reading its body is the response timeout's. */
  @Test
  void aDownloadsBodyIsNotCutByTheCallTimeout() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> {
      Thread.sleep(700);
      RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: audio/wav\r\nContent-Length: 8\r\n\r\nRIFF");
      Thread.sleep(1200);
      RawServer.write(s, "WAVE");
    }); GladiaClient c = Faults.gladia(server.baseUrl(), h).callTimeout(Duration.ofSeconds(1))
        .responseTimeout(Duration.ofSeconds(5)).build()) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      assertEquals(8, c.preRecorded().getFile(JOB_ID).writeTo(out));
      assertEquals("RIFFWAVE", out.toString(StandardCharsets.US_ASCII));
    }
  }

  /** A per-call call timeout on a download covers its body too: a dripping download ends with it. */
  @Test
  void aPerCallTimeoutOnADownloadCoversItsBody() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> {
      RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: audio/wav\r\nContent-Length: 100000\r\n\r\nRIFF");
      for (int i = 0; i < 600 && !s.isClosed(); i++) {
        Thread.sleep(100);
        RawServer.write(s, "x");
      }
    }); GladiaClient c = Faults.gladia(server.baseUrl(), h).responseTimeout(Duration.ofSeconds(5)).build()) {
      long start = System.nanoTime();
      CallTimeoutException e = assertTimeoutPreemptively(NO_HANG, () -> fails(CallTimeoutException.class,
          () -> c.preRecorded().getFile(JOB_ID, RequestOptions.builder().callTimeout(Duration.ofMillis(1500)).build())
              .writeTo(java.io.OutputStream.nullOutputStream())));
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms >= 1400 && ms < 5000, ms + " ms");
      assertEquals("gladia getFile: call timeout of 1500 ms reached reading the body", e.getMessage());
      assertEquals(0, server.awaitNoOpenConnections(Duration.ofSeconds(5)));
    }
  }

  /** A listening socket that never accepts, its backlog full: a connect there hangs until its timeout. */
  @Test
  void aConnectThatHangsEndsAtTheConnectTimeoutOrTheCallTimeout() throws Exception {
    try (java.net.ServerSocket full = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      java.util.List<java.net.Socket> fillers = new java.util.ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) {
          java.net.Socket f = new java.net.Socket();
          try {
            f.connect(full.getLocalSocketAddress(), 200);
            fillers.add(f);
          } catch (java.io.IOException backlogFull) {
            f.close();
            break;
          }
        }
        String url = "http://127.0.0.1:" + full.getLocalPort();
        try (GladiaClient c = Faults.gladia(url, h).connectTimeout(Duration.ofMillis(300)).maxRetries(0).build()) {
          RequestTimeoutException e = assertTimeoutPreemptively(NO_HANG,
              () -> fails(RequestTimeoutException.class, () -> c.preRecorded().get(JOB_ID)));
          assertTrue(e.getMessage().contains("connect timeout"), e.getMessage());
        }
        try (GladiaClient c = Faults.gladia(url, h).connectTimeout(Duration.ofSeconds(30))
            .callTimeout(Duration.ofMillis(500)).build()) {
          long start = System.nanoTime();
          assertTimeoutPreemptively(NO_HANG, () -> fails(CallTimeoutException.class, () -> c.preRecorded().get(JOB_ID)));
          assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000);
        }
      } finally {
        for (java.net.Socket f : fillers) {
          f.close();
        }
      }
    }
  }

  @Test
  void slowInterimResponsesEndAtTheCallTimeout() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> {
      for (int i = 0; i < 15; i++) {
        RawServer.write(s, "HTTP/1.1 102 Processing\r\n\r\n");
        Thread.sleep(400);
      }
    }); GladiaClient c = Faults.gladia(server.baseUrl(), h).callTimeout(Duration.ofSeconds(1)).build()) {
      assertTimeoutPreemptively(NO_HANG, () -> fails(CallTimeoutException.class, () -> c.preRecorded().get(JOB_ID)));
    }
  }

  @Test
  void aPerCallTimeoutOverridesTheClients() throws Exception {
    try (RawServer server = new RawServer(SILENT);
        GladiaClient c = Faults.gladia(server.baseUrl(), h).responseTimeout(Duration.ofSeconds(30)).build()) {
      CallTimeoutException e = assertTimeoutPreemptively(NO_HANG, () -> fails(CallTimeoutException.class,
          () -> c.preRecorded().get(JOB_ID, RequestOptions.builder().callTimeout(Duration.ofMillis(700)).build())));
      assertEquals(Duration.ofMillis(700), e.callTimeout());
    }
  }

  /** The deadline covers the waits: a Retry-After longer than what is left ends the call with the real failure. */
  @Test
  void aRetryWhoseWaitWouldPassTheDeadlineIsNotMade() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.write(s,
        "HTTP/1.1 429 Slow down\r\nRetry-After: 5\r\nContent-Length: 0\r\n\r\n"));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).callTimeout(Duration.ofSeconds(2)).build()) {
      RateLimitException e = fails(RateLimitException.class, () -> c.preRecorded().get(JOB_ID));
      assertEquals(1, e.attempts());
      assertEquals(Duration.ofSeconds(5), e.retryAfter().orElseThrow());
      assertTrue(h.waits.isEmpty(), h.waits.toString());
      assertEquals(1, server.requests());
    }
  }

  @Test
  void anAlreadyInterruptedCallerGetsATypedExceptionAndKeepsItsFlag() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json", JOB_JSON));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      Thread.currentThread().interrupt();
      CallInterruptedException e;
      try {
        e = fails(CallInterruptedException.class, () -> c.preRecorded().get(JOB_ID));
      } finally {
        assertTrue(Thread.interrupted(), "the interrupt flag was cleared"); // also clears it for the next tests
      }
      assertEquals(0, e.attempts());
      assertEquals("gladia get: interrupted; nothing sent", e.getMessage());
      assertEquals(0, server.requests());
    }
  }

  /** Runs {@code call} on a new thread and returns what it threw and whether its interrupt flag was set after. */
  private static Outcome onThread(Runnable call, CountDownLatch started) throws InterruptedException {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flag = new AtomicBoolean();
    Thread t = new Thread(() -> {
      started.countDown();
      try {
        call.run();
      } catch (Throwable e) {
        thrown.set(e);
      }
      flag.set(Thread.currentThread().isInterrupted());
    }, "fault-caller");
    t.start();
    return new Outcome(t, thrown, flag);
  }

  private record Outcome(Thread thread, AtomicReference<Throwable> thrown, AtomicBoolean interrupted) {
    Throwable await() throws InterruptedException {
      thread.join(NO_HANG.toMillis());
      assertFalse(thread.isAlive(), "the call did not return");
      Faults.THROWN.add(thrown.get());
      return thrown.get();
    }
  }

  @Test
  void anInterruptWakesACallBlockedInARead() throws Exception {
    try (RawServer server = new RawServer(SILENT);
        GladiaClient c = Faults.gladia(server.baseUrl(), h).responseTimeout(Duration.ofSeconds(30)).build()) {
      CountDownLatch started = new CountDownLatch(1);
      Outcome o = onThread(() -> c.preRecorded().get(JOB_ID), started);
      started.await();
      awaitRequests(server, 1);
      long start = System.nanoTime();
      o.thread().interrupt();
      Throwable t = o.await();
      assertInstanceOf(CallInterruptedException.class, t, String.valueOf(t));
      assertEquals("gladia get: interrupted after 1 attempt", t.getMessage());
      assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "the read was not woken");
      assertTrue(o.interrupted().get(), "the interrupt flag was not kept");
      assertEquals(1, ((SttException) t).attempts());
      assertEquals(1, server.requests(), "nothing is retried after an interrupt");
    }
  }

  @Test
  void anInterruptEndsTheWaitBeforeARetry() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.write(s,
        "HTTP/1.1 503 Busy\r\nRetry-After: 30\r\nContent-Length: 0\r\n\r\n"));
        GladiaClient c = GladiaClient.builder().apiKey(Faults.API_KEY).baseUrl(server.baseUrl()).build()) {
      CountDownLatch started = new CountDownLatch(1);
      Outcome o = onThread(() -> c.preRecorded().get(JOB_ID), started);
      awaitRequests(server, 1);
      Thread.sleep(200); // into the 30 s wait (real sleeper)
      o.thread().interrupt();
      Throwable t = o.await();
      assertInstanceOf(CallInterruptedException.class, t, String.valueOf(t));
      assertTrue(o.interrupted().get());
      assertEquals(1, server.requests());
    }
  }

  @Test
  void closeEndsACallInFlightWithClientClosedAndNothingIsRetried() throws Exception {
    try (RawServer server = new RawServer(SILENT)) {
      GladiaClient c = Faults.gladia(server.baseUrl(), h).responseTimeout(Duration.ofSeconds(30)).build();
      CountDownLatch started = new CountDownLatch(1);
      Outcome o = onThread(() -> c.preRecorded().get(JOB_ID), started);
      awaitRequests(server, 1);
      c.close();
      Throwable t = o.await();
      assertInstanceOf(ClientClosedException.class, t, String.valueOf(t));
      assertEquals("gladia get: the client was closed after 1 attempt", t.getMessage());
      assertEquals(1, server.requests(), "a GET is retryable, but not after close()");
      assertTrue(h.waits.isEmpty());
      assertEquals(0, server.awaitNoOpenConnections(Duration.ofSeconds(5)));
    }
  }

  @Test
  void closeWakesACallWaitingToRetry() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.write(s,
        "HTTP/1.1 503 Busy\r\nRetry-After: 30\r\nContent-Length: 0\r\n\r\n"))) {
      GladiaClient c = GladiaClient.builder().apiKey(Faults.API_KEY).baseUrl(server.baseUrl()).build();
      CountDownLatch started = new CountDownLatch(1);
      Outcome o = onThread(() -> c.preRecorded().get(JOB_ID), started);
      awaitRequests(server, 1);
      Thread.sleep(200);
      c.close();
      Throwable t = o.await();
      assertInstanceOf(ClientClosedException.class, t, String.valueOf(t));
      assertEquals(1, server.requests());
    }
  }

  @Test
  void aDownloadReadWhenTheClientClosesFailsTyped(@TempDir Path dir) throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> {
      RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: audio/wav\r\nContent-Length: 1000000\r\n\r\nRIFF");
      Thread.sleep(60_000);
    })) {
      GladiaClient c = Faults.gladia(server.baseUrl(), h).responseTimeout(Duration.ofSeconds(30)).build();
      BinaryResponse audio = c.preRecorded().getFile(JOB_ID);
      CountDownLatch started = new CountDownLatch(1);
      Path target = dir.resolve("a.wav");
      Outcome o = onThread(() -> audio.writeTo(target), started);
      started.await();
      Thread.sleep(300);
      c.close();
      Throwable t = o.await();
      assertInstanceOf(ClientClosedException.class, t, String.valueOf(t));
      assertFalse(Files.exists(target));
    }
  }

  @Test
  void aDownloadBrokenMidwayFailsWithATypedException(@TempDir Path dir) throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> {
      RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: audio/wav\r\nContent-Length: 1000000\r\n\r\nRIFF");
      RawServer.reset(s);
    }); GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      Path target = dir.resolve("a.wav");
      Files.writeString(target, "previous", StandardCharsets.UTF_8);
      ConnectionException e = fails(ConnectionException.class, () -> c.preRecorded().getFile(JOB_ID).writeTo(target));
      assertTrue(e.getMessage().startsWith("gladia getFile: HTTP 200, then "), e.getMessage());
      assertEquals("previous", Files.readString(target), "the target was touched");
    }
  }

  private static void awaitRequests(RawServer server, int n) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.requests() < n && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertEquals(n, server.requests());
    Thread.sleep(100); // the client is now blocked reading the response
  }
}
