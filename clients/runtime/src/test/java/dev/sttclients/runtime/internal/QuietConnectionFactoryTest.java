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
}
