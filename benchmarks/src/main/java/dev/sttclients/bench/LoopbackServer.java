package dev.sttclients.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A minimal HTTP/1.1 keep-alive server on 127.0.0.1 serving fixed, pre-encoded responses: one blocking thread
 * per connection, one {@code write} per JSON response, nothing parsed beyond the request line and
 * {@code Content-Length}. It does the same work for the client and for the raw baseline, and as little as
 * possible, so that it is not what a pair measures.
 *
 * <p>Routes (GET; anything else is a 404 with a JSON body):
 * <ul>
 *   <li>{@code /v2/pre-recorded/{id}}: Gladia's job ({@link Fixtures#GLADIA_JOB});</li>
 *   <li>{@code /v2/pre-recorded/{id}/file}: {@code downloadBytes} of audio, generated while sent;</li>
 *   <li>{@code /v2/pre-recorded?...offset=N...}: page {@code N / PAGE_SIZE} of a {@link Fixtures#PAGES}-page
 *       listing;</li>
 *   <li>{@code /batch-processor/{id}}, {@code /v1/batch/jobs/{id}}, {@code /job/info?...}: Daily's, SLNG's and
 *       Verbit's job.</li>
 * </ul>
 */
public final class LoopbackServer implements AutoCloseable {
  private static final int CHUNK = 64 * 1024;
  private static final int MAX_HEAD = 16 * 1024;

  private final ServerSocket server;
  private final long downloadBytes;
  private final byte[] gladiaJob;
  private final byte[] dailyJob;
  private final byte[] slngJob;
  private final byte[] verbitJobInfo;
  private final byte[][] pages;
  private final byte[] notFound;
  private final byte[] downloadHead;
  private final byte[] downloadChunk = new byte[CHUNK];
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger threadCount = new AtomicInteger();
  private final LongAdder requests = new LongAdder();
  private final Thread acceptor;
  private volatile boolean closed;

  private LoopbackServer(long downloadBytes) throws IOException {
    this.downloadBytes = downloadBytes;
    this.gladiaJob = json(200, Fixtures.GLADIA_JOB);
    this.dailyJob = json(200, Fixtures.DAILY_JOB);
    this.slngJob = json(200, Fixtures.SLNG_JOB);
    this.verbitJobInfo = json(200, Fixtures.VERBIT_JOB_INFO);
    this.pages = new byte[Fixtures.PAGES][];
    for (int i = 0; i < pages.length; i++) {
      pages[i] = json(200, Fixtures.page(i));
    }
    this.notFound = json(404, "{\"timestamp\":\"2024-03-01T10:00:01.000Z\",\"path\":\"/\",\"request_id\":\"G-00000404\","
        + "\"statusCode\":404,\"message\":\"Not found\"}");
    this.downloadHead = ("HTTP/1.1 200 OK\r\nDate: Fri, 01 Mar 2024 10:00:00 GMT\r\nContent-Type: audio/wav\r\n"
        + "Content-Length: " + downloadBytes + "\r\nContent-Disposition: attachment; filename=\"meeting.wav\"\r\n"
        + "x-request-id: G-00000001\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    long z = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < CHUNK; i++) { // arbitrary, incompressible-looking bytes
      z ^= z << 13;
      z ^= z >>> 7;
      z ^= z << 17;
      downloadChunk[i] = (byte) z;
    }
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    this.acceptor = new Thread(this::acceptLoop, "loopback-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a server on a free loopback port; {@code downloadBytes} is the size of every download. */
  public static LoopbackServer start(long downloadBytes) {
    try {
      return new LoopbackServer(downloadBytes);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the loopback server", e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  public long downloadBytes() {
    return downloadBytes;
  }

  /** Requests answered so far. */
  public long requests() {
    return requests.sum();
  }

  private static byte[] json(int status, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\n"
        + "Date: Fri, 01 Mar 2024 10:00:00 GMT\r\n"
        + "Content-Type: application/json; charset=utf-8\r\n"
        + "Content-Length: " + b.length + "\r\n"
        + "Cache-Control: no-store\r\n"
        + "Vary: Origin\r\n"
        + "x-request-id: G-9c1f3a52\r\n"
        + "\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[h.length + b.length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(b, 0, out, h.length, b.length);
    return out;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      connections.add(socket);
      Thread t = new Thread(() -> serve(socket), "loopback-conn-" + threadCount.incrementAndGet());
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] buf = new byte[MAX_HEAD];
      int filled = 0;
      while (!closed) {
        int headEnd = indexOfHeadEnd(buf, filled);
        while (headEnd < 0) {
          if (filled == buf.length) {
            return; // head too large: drop the connection
          }
          int n = in.read(buf, filled, buf.length - filled);
          if (n < 0) {
            return; // client closed the connection
          }
          filled += n;
          headEnd = indexOfHeadEnd(buf, filled);
        }
        long bodyLength = contentLength(buf, headEnd);
        int consumed = headEnd + 4;
        // Drop a request body, if any (the benchmarks send none).
        long toSkip = bodyLength;
        int inBuffer = (int) Math.min(toSkip, filled - consumed);
        consumed += inBuffer;
        toSkip -= inBuffer;
        while (toSkip > 0) {
          long skipped = in.skip(toSkip);
          if (skipped <= 0) {
            return;
          }
          toSkip -= skipped;
        }
        int targetStart = indexOf(buf, 0, headEnd, (byte) ' ') + 1;
        int targetEnd = targetStart == 0 ? -1 : indexOf(buf, targetStart, headEnd, (byte) ' ');
        if (targetEnd < 0) {
          return; // not HTTP
        }
        respond(buf, targetStart, targetEnd, out);
        System.arraycopy(buf, consumed, buf, 0, filled - consumed);
        filled -= consumed;
        requests.increment();
      }
    } catch (IOException e) {
      // the client went away (or the server closed): nothing to do
    } finally {
      connections.remove(socket);
    }
  }

  private static final byte[] GLADIA_JOBS = ascii("/v2/pre-recorded");
  private static final byte[] FILE = ascii("/file");
  private static final byte[] DAILY_JOB = ascii("/batch-processor/");
  private static final byte[] SLNG_JOB = ascii("/v1/batch/jobs/");
  private static final byte[] VERBIT_INFO = ascii("/job/info?");
  private static final byte[] OFFSET = ascii("offset=");
  private static final byte[] CONTENT_LENGTH = ascii("\r\ncontent-length:");

  /** Answers the request whose target is {@code buf[from, to)}. Allocates nothing (the GC profiler counts every thread). */
  private void respond(byte[] buf, int from, int to, OutputStream out) throws IOException {
    byte[] response = notFound;
    if (startsWith(buf, from, to, GLADIA_JOBS)) {
      int rest = from + GLADIA_JOBS.length;
      if (rest < to && buf[rest] == '/') {
        if (endsWith(buf, from, to, FILE)) {
          out.write(downloadHead);
          long left = downloadBytes;
          while (left > 0) {
            int n = (int) Math.min(CHUNK, left);
            out.write(downloadChunk, 0, n);
            left -= n;
          }
          out.flush();
          return;
        }
        response = gladiaJob;
      } else if (rest == to || buf[rest] == '?') {
        int offset = intQueryValue(buf, rest, to, OFFSET);
        if (offset < 0) {
          response = pages[0];
        } else if (offset % Fixtures.PAGE_SIZE == 0 && offset / Fixtures.PAGE_SIZE < pages.length) {
          response = pages[offset / Fixtures.PAGE_SIZE];
        }
      }
    } else if (startsWith(buf, from, to, DAILY_JOB)) {
      response = dailyJob;
    } else if (startsWith(buf, from, to, SLNG_JOB)) {
      response = slngJob;
    } else if (startsWith(buf, from, to, VERBIT_INFO)) {
      response = verbitJobInfo;
    }
    out.write(response);
    out.flush();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean startsWith(byte[] buf, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (buf[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean endsWith(byte[] buf, int from, int to, byte[] suffix) {
    return to - from >= suffix.length && startsWith(buf, to - suffix.length, to, suffix);
  }

  private static int indexOf(byte[] buf, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** The value of {@code key} (e.g. {@code offset=}) in the query {@code buf[from, to)} as an int, or -1. */
  private static int intQueryValue(byte[] buf, int from, int to, byte[] key) {
    for (int i = from; i < to; i++) {
      if ((i == from || buf[i - 1] == '?' || buf[i - 1] == '&') && startsWith(buf, i, to, key)) {
        int value = 0;
        int j = i + key.length;
        if (j == to || buf[j] < '0' || buf[j] > '9') {
          return -1;
        }
        for (; j < to && buf[j] >= '0' && buf[j] <= '9'; j++) {
          value = value * 10 + (buf[j] - '0');
          if (value > 100_000_000) {
            return -1;
          }
        }
        return value;
      }
    }
    return -1;
  }

  /** The request's {@code Content-Length} (0 when absent), read from the head {@code buf[0, headEnd)}. */
  private static long contentLength(byte[] buf, int headEnd) {
    outer:
    for (int i = 0; i + CONTENT_LENGTH.length <= headEnd; i++) {
      for (int k = 0; k < CONTENT_LENGTH.length; k++) {
        int c = buf[i + k];
        if (c >= 'A' && c <= 'Z') {
          c += 'a' - 'A';
        }
        if (c != CONTENT_LENGTH[k]) {
          continue outer;
        }
      }
      long value = 0;
      for (int j = i + CONTENT_LENGTH.length; j < headEnd && buf[j] != '\r'; j++) {
        if (buf[j] >= '0' && buf[j] <= '9') {
          value = value * 10 + (buf[j] - '0');
        }
      }
      return value;
    }
    return 0;
  }

  private static int indexOfHeadEnd(byte[] buf, int filled) {
    for (int i = 0; i + 3 < filled; i++) {
      if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : connections) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    try {
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
