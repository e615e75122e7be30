package dev.sttclients.runtime.internal;

import java.net.ProxySelector;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the Apache HttpClient 5 stack under one client: the pool and its connections, TLS, proxy routing, and the
 * settings the runtime relies on, which a user's customizer cannot undo (they are applied after it).
 */
public final class HttpStack {
  private HttpStack() {}

  /** What the stack is built from; see the builder methods of the same names. */
  public record Settings(
      int maxConnections,
      Duration connectTimeout,
      Duration responseTimeout,
      SSLContext sslContext,
      URI proxy,
      String proxyUser,
      String proxyPassword,
      boolean useSystemProxies,
      String userAgent,
      Consumer<HttpClientBuilder> customizer) {}

  /**
   * A pool whose sockets are NIO channel sockets: a thread blocked in a read on one is woken by
   * {@link Thread#interrupt()} (the channel closes and the read fails with
   * {@link java.nio.channels.ClosedByInterruptException}) and by closing the pool from another thread. SOCKS proxies
   * (set through the customizer) get plain sockets.
   */
  public static PoolingHttpClientConnectionManager pool(Settings s) {
    TlsSocketStrategy tls = s.sslContext() == null ? DefaultClientTlsStrategy.createDefault()
        : new DefaultClientTlsStrategy(s.sslContext());
    PoolingHttpClientConnectionManagerBuilder builder = new PoolingHttpClientConnectionManagerBuilder() {
      @Override
      protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver schemePortResolver,
          DnsResolver dnsResolver, TlsSocketStrategy tlsSocketStrategy) {
        DetachedSocketFactory sockets = socksProxy -> socksProxy == null
            ? SocketChannel.open().socket() : new java.net.Socket(socksProxy);
        return new DefaultHttpClientConnectionOperator(sockets, schemePortResolver, dnsResolver,
            RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tlsSocketStrategy).build());
      }
    };
    ConnectionConfig standard = connectionConfig(s, s.connectTimeout().toMillis());
    return builder
        .setConnectionFactory(QuietConnectionFactory.INSTANCE)
        .setTlsSocketStrategy(tls)
        .setMaxConnTotal(s.maxConnections())
        .setMaxConnPerRoute(s.maxConnections())
        // Resolved on the calling thread at every lease: the connect timeout never runs past the call's deadline. The
        // usual case (more time left than the connect timeout) reuses one config instead of building one per call.
        .setConnectionConfigResolver(route -> {
          long connect = capped(s.connectTimeout());
          return connect == s.connectTimeout().toMillis() ? standard : connectionConfig(s, connect);
        })
        .build();
  }

  private static ConnectionConfig connectionConfig(Settings s, long connectMillis) {
    return ConnectionConfig.custom()
        .setConnectTimeout(Timeout.ofMilliseconds(connectMillis))
        .setSocketTimeout(Timeout.ofMilliseconds(s.responseTimeout().toMillis()))
        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
        .build();
  }

  /** {@code d} in milliseconds, but no more than what is left of the call on this thread (at least 1 ms). */
  public static long capped(Duration d) {
    CallContext call = CallContext.current();
    long ms = d.toMillis();
    return call == null ? ms : Math.max(1, Math.min(ms, call.remainingMillis()));
  }

  /**
   * The HttpClient builder: the user's customizer runs first, then the runtime's settings are applied over it (pool,
   * no redirects, no automatic retries, no cookies, no content decompression, the user agent); {@code interceptors}
   * are added last so that they see what is sent.
   */
  public static HttpClientBuilder client(Settings s, PoolingHttpClientConnectionManager pool,
      Consumer<HttpClientBuilder> interceptors) {
    HttpClientBuilder b = HttpClients.custom();
    if (s.customizer() != null) {
      s.customizer().accept(b);
    }
    if (s.proxy() != null) {
      HttpHost proxy = new HttpHost(s.proxy().getScheme(), s.proxy().getHost(), s.proxy().getPort() != -1
          ? s.proxy().getPort() : Origin.defaultPort(s.proxy().getScheme()));
      b.setProxy(proxy);
      if (s.proxyUser() != null) {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        credentials.setCredentials(new AuthScope(proxy),
            new UsernamePasswordCredentials(s.proxyUser(), s.proxyPassword().toCharArray()));
        b.setDefaultCredentialsProvider(credentials);
      }
    } else if (s.useSystemProxies()) {
      b.setRoutePlanner(new SystemDefaultRoutePlanner(ProxySelector.getDefault()));
    }
    b.setConnectionManager(pool)
        .setConnectionManagerShared(false)
        .disableRedirectHandling() // the runtime follows redirects itself, hop by hop (see ClientRuntime)
        .disableAutomaticRetries() // the runtime's own loop decides what is safe to retry
        .disableCookieManagement()
        .disableContentCompression() // no Accept-Encoding: bodies arrive as sent, counted against the size limit
        .setUserAgent(s.userAgent());
    interceptors.accept(b);
    return b;
  }
}
