package dev.sttclients.runtime.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * Connections that never write to HttpClient's {@code org.apache.hc.client5.http.wire} and
 * {@code org.apache.hc.client5.http.headers} loggers, which print request headers (and so the API key)
 * verbatim when a user turns them on at DEBUG. The runtime's own {@code dev.sttclients.http} logger
 * shows the same traffic with credentials redacted.
 */
public final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {
  public static final QuietConnectionFactory INSTANCE = new QuietConnectionFactory();
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
    QuietConnection(String id) {
      super(id);
    }

    @Override
    public void bind(Socket socket) throws IOException {
      bind(new SocketHolder(socket)); // never the wire-logging socket holder
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
      bind(new SocketHolder(sslSocket, socket));
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
}
