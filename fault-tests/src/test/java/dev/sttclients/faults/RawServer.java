package dev.sttclients.faults;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server that answers from a script with raw bytes, for faults WireMock cannot shape
 * exactly (a reset halfway through a body, headers then a stalled body) and for counting the client's open
 * connections from the server's side. Keep-alive: one connection serves requests until the client closes it.
 */
final class RawServer implements AutoCloseable {
  /** Answers request number {@code n} (1-based, across connections); may stall, close or reset the socket. */
  interface Script {
    void answer(int n, String requestHead, Socket socket) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "raw-server");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  final List<String> heads = new CopyOnWriteArrayList<>();
  private final Script script;
  private final boolean tls;
  private volatile boolean keepHeads = true;

  RawServer(Script script) throws IOException {
    this(0, script);
  }

  /** On a given loopback port (0: any free one). */
  RawServer(int port, Script script) throws IOException {
    this(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()), false, script);
  }

  /** An https server on a free loopback port, with the certificate of {@code tls} (see {@link TestTls}). */
  RawServer(javax.net.ssl.SSLContext tls, Script script) throws IOException {
    this(tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()), true, script);
  }

  private RawServer(ServerSocket server, boolean tls, Script script) {
    this.script = script;
    this.server = server;
    this.tls = tls;
    workers.submit(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  String baseUrl() {
    return (tls ? "https" : "http") + "://127.0.0.1:" + port();
  }

  /** Stops recording request heads (a long soak would fill the heap with them). */
  RawServer withoutHeads() {
    keepHeads = false;
    return this;
  }

  /** The request line and headers of request {@code i} (0-based), as received. */
  String head(int i) {
    return heads.get(i);
  }

  /** The request line of request {@code i} (0-based), e.g. {@code GET /v2/x HTTP/1.1}. */
  String requestLine(int i) {
    return heads.get(i).substring(0, heads.get(i).indexOf("\r\n"));
  }

  /** Requests received so far (complete heads). */
  int requests() {
    return requests.get();
  }

  /** Connections accepted so far. */
  int accepted() {
    return accepted.get();
  }

  /** Connections the client has not closed yet. */
  int openConnections() {
    return open.size();
  }

  /** Waits (at most {@code max}, polling) until the client has closed every connection; the count left. */
  int awaitNoOpenConnections(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!open.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return open.size();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        accepted.incrementAndGet();
        open.add(s);
        workers.submit(() -> serve(s));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setSoTimeout(15_000);
      InputStream in = new BufferedInputStream(s.getInputStream());
      for (int i = 0; i < 1000 && !s.isClosed(); i++) {
        String head = readHead(in);
        if (head == null) {
          return; // the client closed the connection
        }
        if (keepHeads) {
          heads.add(head);
        }
        in.readNBytes(contentLength(head));
        script.answer(requests.incrementAndGet(), head, s);
      }
    } catch (IOException | InterruptedException | RuntimeException gone) {
      // the client went away or the script reset the connection
    } finally {
      open.remove(s);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      byte[] h = head.toByteArray();
      int n = h.length;
      if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
      if (n > 64 * 1024) {
        throw new IOException("request head too long");
      }
    }
    return null;
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(15).trim());
      }
    }
    return 0;
  }

  /** Writes text (ISO-8859-1) and flushes. */
  static void write(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** A complete response with a body and Content-Length. */
  static void respond(Socket s, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    write(s, "HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
        + "\r\n\r\n");
    s.getOutputStream().write(bytes);
    s.getOutputStream().flush();
  }

  /** Blocks until the client closes the connection (or {@code max} passes), reading and discarding what it sends. */
  static void awaitClientGone(Socket s, Duration max) throws IOException {
    long end = System.nanoTime() + max.toNanos();
    InputStream in = s.getInputStream();
    while (System.nanoTime() < end) {
      try {
        if (in.read() < 0) {
          return;
        }
      } catch (java.net.SocketTimeoutException stillThere) {
        // keep waiting
      }
    }
  }

  /** Closes with a TCP RST instead of a FIN. */
  static void reset(Socket s) throws IOException {
    s.setSoLinger(true, 0);
    s.close();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
    workers.shutdownNow();
  }
}
