package dev.sttclients.runtime.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * The clients' HTTP/1.1 connections. Over HttpClient's own they add:
 * <ul>
 *   <li>silence: they never write to HttpClient's {@code org.apache.hc.client5.http.wire} and
 *       {@code org.apache.hc.client5.http.headers} loggers, which print request headers (and so the API key)
 *       verbatim at DEBUG; the runtime's {@code dev.sttclients.http} logger shows the same traffic redacted;</li>
 *   <li>the call deadline: every read waits at most until the {@link CallContext call's deadline}, so a server that
 *       trickles bytes cannot hold a call past it;</li>
 *   <li>a bound on interim responses: more than {@value #MAX_INTERIM_RESPONSES} {@code 1xx} responses before the
 *       final one is a protocol error;</li>
 *   <li>a query-string credential (legacy schemes) written only on the wire: it is appended to the request line as
 *       the request is sent and removed right after, so no log line, exception or redirect of HttpClient's ever sees
 *       it.</li>
 * </ul>
 */
public final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {
  public static final QuietConnectionFactory INSTANCE = new QuietConnectionFactory();
  static final int MAX_INTERIM_RESPONSES = 20;
  private static final AtomicLong COUNTER = new AtomicLong();

  private QuietConnectionFactory() {}

  @Override
  public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
    QuietConnection conn = new QuietConnection("stt-" + COUNTER.getAndIncrement());
    if (socket != null) {
      conn.bind(socket);
    }
    return conn;
  }

  static final class QuietConnection extends DefaultManagedHttpClientConnection {
    private int interim;

    QuietConnection(String id) {
      super(id);
    }

    @Override
    public void bind(Socket socket) throws IOException {
      bind(new GuardedSocketHolder(socket)); // never the wire-logging socket holder
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
      bind(new GuardedSocketHolder(sslSocket, socket));
    }

    @Override
    public void sendRequestHeader(ClassicHttpRequest request) throws HttpException, IOException {
      interim = 0;
      CallContext call = CallContext.current();
      String credential = call == null ? null : call.queryCredential();
      if (credential == null || "CONNECT".equals(request.getMethod())) {
        super.sendRequestHeader(request);
        return;
      }
      String path = request.getPath();
      request.setPath(path + (path.indexOf('?') < 0 ? "?" : "&") + credential);
      try {
        super.sendRequestHeader(request);
      } finally {
        request.setPath(path);
      }
    }

    @Override
    public ClassicHttpResponse receiveResponseHeader() throws HttpException, IOException {
      ClassicHttpResponse response = super.receiveResponseHeader();
      if (response.getCode() < 200 && ++interim > MAX_INTERIM_RESPONSES) {
        throw new ProtocolException("more than " + MAX_INTERIM_RESPONSES + " interim (1xx) responses");
      }
      return response;
    }

    @Override
    protected void onRequestSubmitted(ClassicHttpRequest request) {
      // no header log: see class comment
    }

    @Override
    protected void onResponseReceived(ClassicHttpResponse response) {
      // no header log: see class comment
    }
  }

  /** Hands out input streams whose reads end at the call's deadline. */
  static final class GuardedSocketHolder extends SocketHolder {
    GuardedSocketHolder(Socket socket) {
      super(socket);
    }

    GuardedSocketHolder(SSLSocket sslSocket, Socket socket) {
      super(sslSocket, socket);
    }

    @Override
    protected InputStream getInputStream(Socket socket) throws IOException {
      return new DeadlineInputStream(socket.getInputStream(), socket);
    }
  }

  /**
   * Each read waits at most for the socket timeout HttpClient set (the response timeout) and never past the deadline
   * of the call running on this thread; past it, the read fails with {@link CallContext.DeadlineExceeded}.
   */
  static final class DeadlineInputStream extends FilterInputStream {
    private final Socket socket;

    DeadlineInputStream(InputStream in, Socket socket) {
      super(in);
      this.socket = socket;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      CallContext call = CallContext.current();
      if (call == null) {
        return in.read(b, off, len);
      }
      long remaining = call.remainingMillis();
      if (remaining <= 0) {
        throw new CallContext.DeadlineExceeded(call.callTimeout());
      }
      int configured = socket.getSoTimeout();
      if (configured != 0 && configured <= remaining) {
        return in.read(b, off, len);
      }
      // The deadline is nearer than the socket timeout: wait until the deadline only (rounded up, so a timeout here
      // means it passed), then restore the socket timeout for later reads (e.g. of a download, after the call).
      socket.setSoTimeout((int) Math.min(remaining, Integer.MAX_VALUE));
      try {
        return in.read(b, off, len);
      } catch (SocketTimeoutException e) {
        throw new CallContext.DeadlineExceeded(call.callTimeout());
      } finally {
        restore(configured);
      }
    }

    private void restore(int timeout) {
      try {
        socket.setSoTimeout(timeout);
      } catch (IOException closedMeanwhile) {
        // the connection is being dropped (close(), an abort): nothing to restore
      }
    }
  }
}
