package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads that end at the call's deadline, over a real loopback socket pair. */
class QuietConnectionFactoryTest {
  private ServerSocket server;
  private Socket client;
  private Socket peer;

  @BeforeEach
  void connect() throws Exception {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
    peer = server.accept();
  }

  @AfterEach
  void close() throws Exception {
    client.close();
    peer.close();
    server.close();
  }

  /** Runs {@code body} inside a call with this deadline, on the current thread (the context is per thread). */
  private static <T> T onDeadline(Duration timeout, org.junit.jupiter.api.function.ThrowingSupplier<T> body)
      throws Throwable {
    CallContext call = CallContext.enter(timeout);
    try {
      Thread.sleep(2);
      return body.get();
    } finally {
      call.exit();
    }
  }

  private InputStream guarded() throws Exception {
    return new QuietConnectionFactory.DeadlineInputStream(client.getInputStream(), client);
  }

  @Test
  void withoutACallReadsAreUntouched() throws Exception {
    peer.getOutputStream().write(new byte[] {7, 8});
    client.setSoTimeout(5000);
    InputStream in = guarded();
    assertEquals(7, in.read());
    assertEquals(1, in.read(new byte[4], 0, 4));
    assertEquals(5000, client.getSoTimeout());
  }

  @Test
  void aPassedDeadlineFailsAtOnceWithoutReading() throws Exception {
    peer.getOutputStream().write(1);
    client.setSoTimeout(0);
    InputStream in = guarded();
    CallContext.DeadlineExceeded e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> onDeadline(
        Duration.ofNanos(1), () -> assertThrows(CallContext.DeadlineExceeded.class, in::read)));
    assertEquals("call timeout of 0 ms reached", e.getMessage());
  }

  @Test
  void aNearDeadlineShortensTheWaitAndTheSocketTimeoutIsRestored() throws Exception {
    client.setSoTimeout(30_000);
    InputStream in = guarded();
    long start = System.nanoTime();
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> onDeadline(Duration.ofMillis(300),
        () -> assertThrows(CallContext.DeadlineExceeded.class, () -> in.read(new byte[8], 0, 8))));
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertEquals(true, ms < 5_000, ms + " ms");
    assertEquals(30_000, client.getSoTimeout(), "the socket timeout HttpClient set is restored");
  }

  @Test
  void anInfiniteSocketTimeoutIsCappedByTheDeadlineToo() throws Exception {
    client.setSoTimeout(0);
    InputStream in = guarded();
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> onDeadline(Duration.ofMillis(200),
        () -> assertThrows(CallContext.DeadlineExceeded.class, () -> in.read(new byte[8], 0, 8))));
    assertEquals(0, client.getSoTimeout());
  }

  @Test
  void aFarDeadlineLeavesTheSocketTimeoutInCharge() throws Exception {
    client.setSoTimeout(100);
    CallContext call = CallContext.enter(Duration.ofMinutes(5));
    try {
      InputStream in = guarded();
      assertThrows(SocketTimeoutException.class, () -> in.read(new byte[8], 0, 8));
      peer.getOutputStream().write(new byte[] {5, 6, 7});
      assertEquals(3, in.read(new byte[8], 0, 8));
    } finally {
      call.exit();
    }
  }

  @Test
  void connectionsAreMadeUnboundAndBoundLater() throws Exception {
    var conn = QuietConnectionFactory.INSTANCE.createConnection(null);
    assertEquals(false, conn.isOpen());
    var bound = QuietConnectionFactory.INSTANCE.createConnection(client);
    assertEquals(true, bound.isOpen());
  }

  private String headSentFor(org.apache.hc.core5.http.ClassicHttpRequest request) throws Exception {
    var conn = QuietConnectionFactory.INSTANCE.createConnection(client);
    conn.sendRequestHeader(request);
    conn.flush();
    peer.setSoTimeout(5000);
    InputStream in = peer.getInputStream();
    StringBuilder head = new StringBuilder();
    for (int i = 0; i < 4096 && !head.toString().endsWith("\r\n\r\n"); i++) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.substring(0, head.indexOf("\r\n"));
  }

  /**
   * A legacy query-string credential is added on the wire only, after the request's own query if it has one; the
   * request object keeps its path without it (it is what HttpClient and the runtime see afterwards).
   */
  @Test
  void theQueryCredentialGoesOnTheWireOnlyAndAfterTheQuery() throws Exception {
    CallContext call = CallContext.enter(Duration.ofMinutes(1));
    try {
      call.queryCredential("api_key=k-1");
      var plain = new org.apache.hc.core5.http.message.BasicClassicHttpRequest("GET", "/v1/jobs");
      assertEquals("GET /v1/jobs?api_key=k-1 HTTP/1.1", headSentFor(plain));
      assertEquals("/v1/jobs", plain.getPath());
      var withQuery = new org.apache.hc.core5.http.message.BasicClassicHttpRequest("GET", "/v1/jobs?page=2");
      assertEquals("GET /v1/jobs?page=2&api_key=k-1 HTTP/1.1", headSentFor(withQuery));
      assertEquals("/v1/jobs?page=2", withQuery.getPath());
    } finally {
      call.exit();
    }
  }
}
