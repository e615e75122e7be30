package dev.sttclients.runtime;

import dev.sttclients.runtime.internal.Durations;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The builder every vendor client shares: {@code XxxClient.builder().apiKey(..).baseUrl(..).build()}.
 * A vendor's builder extends this and adds only what is truly its own (e.g. Verbit's sandbox switch).
 * Each setter checks its argument ({@link IllegalArgumentException}); {@link #build()} checks the whole and throws
 * {@link IllegalStateException} for a missing key or settings that contradict each other.
 */
public abstract class SttClientBuilder<B extends SttClientBuilder<B, C>, C> {
  String baseUrl;
  Secret apiKey;
  AuthScheme auth;
  Duration connectTimeout = ClientConfig.DEFAULT_CONNECT_TIMEOUT;
  Duration responseTimeout = ClientConfig.DEFAULT_RESPONSE_TIMEOUT;
  Duration connectionRequestTimeout = ClientConfig.DEFAULT_CONNECTION_REQUEST_TIMEOUT;
  Duration callTimeout = ClientConfig.DEFAULT_CALL_TIMEOUT;
  int maxConnections = ClientConfig.DEFAULT_MAX_CONNECTIONS;
  long maxResponseSize = ClientConfig.DEFAULT_MAX_RESPONSE_SIZE;
  RetryPolicy retryPolicy = RetryPolicy.defaults();
  RetryListener retryListener;
  Sleeper sleeper = Sleeper.SYSTEM;
  boolean strictResponseValidation;
  boolean allowPlainHttp;
  URI proxy;
  String proxyUser;
  Secret proxyPassword;
  boolean useSystemProxies;
  SSLContext sslContext;
  Consumer<HttpClientBuilder> httpClientCustomizer;
  String userAgentSuffix;

  protected SttClientBuilder() {}

  @SuppressWarnings("unchecked")
  protected final B self() {
    return (B) this;
  }

  /** The vendor this builder builds a client for. */
  protected abstract VendorProfile profile();

  /**
   * The API key (or token). Null means "none given here": {@link #build()} then reads the vendor's environment
   * variable (e.g. {@code GLADIA_API_KEY}), and fails with an {@link IllegalStateException} naming it when that is
   * unset too. So {@code apiKey(System.getenv("GLADIA_API_KEY"))} and no call at all behave the same.
   *
   * @throws IllegalArgumentException for a blank key
   */
  public B apiKey(String apiKey) {
    this.apiKey = apiKey == null ? null : Secret.of(apiKey);
    return self();
  }

  /**
   * Overrides the vendor's base URL, e.g. a mock server or a regional endpoint: an absolute http(s) URL with a host,
   * without user info, query or fragment; trailing slashes are ignored. Plain {@code http} is refused at
   * {@link #build()} unless the host is this machine (loopback) or {@link #allowPlainHttp(boolean)} is on.
   */
  public B baseUrl(String baseUrl) {
    ClientConfig.parseBaseUrl(Objects.requireNonNull(baseUrl, "baseUrl"));
    this.baseUrl = baseUrl;
    return self();
  }

  /**
   * Allows plain {@code http} to hosts other than this machine, for the base URL and for redirects (off by default:
   * the key would cross the network in clear). Loopback ({@code localhost}, {@code 127.x.x.x}, {@code ::1}) is
   * always allowed.
   */
  public B allowPlainHttp(boolean allow) {
    this.allowPlainHttp = allow;
    return self();
  }

  /** Replaces how the credential is sent (for vendors that accept several schemes). */
  protected B authScheme(AuthScheme scheme) {
    this.auth = Objects.requireNonNull(scheme, "auth");
    return self();
  }

  /** TCP connect timeout (also the limit of each read of the TLS handshake); default 10 s. */
  public B connectTimeout(Duration timeout) {
    this.connectTimeout = Durations.positive("connectTimeout", timeout);
    return self();
  }

  /**
   * Longest wait for response data: for the first byte of the response and between any two reads of the
   * body (socket read timeout, not a limit on the whole call: see {@link #callTimeout}); default 60 s. Per call:
   * {@link RequestOptions.Builder#responseTimeout}.
   */
  public B responseTimeout(Duration timeout) {
    this.responseTimeout = Durations.positive("responseTimeout", timeout);
    return self();
  }

  /** Longest wait for a pooled connection; default 30 s. */
  public B connectionRequestTimeout(Duration timeout) {
    this.connectionRequestTimeout = Durations.positive("connectionRequestTimeout", timeout);
    return self();
  }

  /**
   * The overall deadline of one call: every attempt, every wait between attempts, every redirect, and the reading
   * of the body (for a streamed download: until its headers are in); default 5 minutes. A retry whose wait would end
   * past it is not made (the last failure is thrown); a call still running at the deadline ends with a
   * {@link dev.sttclients.runtime.errors.CallTimeoutException}. Per call: {@link RequestOptions.Builder#callTimeout}.
   */
  public B callTimeout(Duration timeout) {
    this.callTimeout = Durations.positive("callTimeout", timeout);
    return self();
  }

  /** Connection pool size, total and per host; default 64. */
  public B maxConnections(int max) {
    this.maxConnections = ClientConfig.maxConnections(max);
    return self();
  }

  /**
   * The largest response body read into memory (JSON and error bodies; streamed downloads have no limit); default
   * 64 MiB, at least 1 KiB. A larger one ends the call with
   * {@link dev.sttclients.runtime.errors.ResponseTooLargeException} as soon as it is seen (its
   * {@code Content-Length}, or the bytes read so far), without reading the rest.
   */
  public B maxResponseSize(long bytes) {
    this.maxResponseSize = ClientConfig.maxResponseSize(bytes);
    return self();
  }

  /**
   * How many times a failed call is retried (default 2, at most 10); 0 disables retries. Keeps the backoff
   * settings. What is safe to retry is fixed: see {@link RetryPolicy}.
   */
  public B maxRetries(int maxRetries) {
    this.retryPolicy = this.retryPolicy.withMaxRetries(maxRetries);
    return self();
  }

  public B retryPolicy(RetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
    return self();
  }

  /** Sees every retry (attempt number, reason, delay). Retries are also logged at INFO. */
  public B retryListener(RetryListener listener) {
    this.retryListener = listener;
    return self();
  }

  /** Replaces the wait between retries; for tests. */
  public B sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return self();
  }

  /**
   * When on, every response is checked against the spec's constraints after parsing and a breach
   * throws {@link dev.sttclients.runtime.errors.ContractViolationException}. Off by default: a value
   * out of a documented range still reaches you.
   */
  public B strictResponseValidation(boolean strict) {
    this.strictResponseValidation = strict;
    return self();
  }

  /**
   * Sends every request through this HTTP proxy, e.g. {@code http://proxy.corp:3128} (https calls go through a
   * {@code CONNECT} tunnel, so the proxy never sees the key). Off by default. Not with
   * {@link #useSystemProxies(boolean)}.
   */
  public B proxy(String url) {
    URI uri;
    try {
      uri = new URI(Objects.requireNonNull(url, "proxy"));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("proxy is not a valid URI: " + url, e);
    }
    String path = uri.getRawPath();
    if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
        || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
        || uri.getRawFragment() != null || (path != null && !path.isEmpty() && !path.equals("/"))) {
      throw new IllegalArgumentException("proxy must be http(s)://host[:port] (credentials go in proxyCredentials):"
          + " " + url);
    }
    this.proxy = uri;
    return self();
  }

  /** Basic credentials for the {@link #proxy(String) proxy}; the password never appears in logs or messages. */
  public B proxyCredentials(String username, String password) {
    this.proxyUser = Objects.requireNonNull(username, "username");
    this.proxyPassword = Secret.of(Objects.requireNonNull(password, "password"));
    return self();
  }

  /**
   * Routes through the JVM's default {@link java.net.ProxySelector}: the standard properties
   * {@code https.proxyHost}/{@code https.proxyPort}, {@code http.proxyHost}/{@code http.proxyPort},
   * {@code http.nonProxyHosts} (and the operating system's settings with {@code -Djava.net.useSystemProxies=true}).
   * Off by default: the client connects directly.
   */
  public B useSystemProxies(boolean use) {
    this.useSystemProxies = use;
    return self();
  }

  /**
   * The TLS context (trust material, client certificates, protocols) for https connections, e.g. one that trusts a
   * corporate CA. Default: the JVM's default trust store. Host names are verified either way.
   */
  public B sslContext(SSLContext context) {
    this.sslContext = Objects.requireNonNull(context, "sslContext");
    return self();
  }

  /**
   * One hook for anything else on the underlying Apache {@link HttpClientBuilder} (interceptors that add tracing
   * headers, a keep-alive strategy, a SOCKS proxy route planner, ...). It runs first; the runtime then applies what
   * it relies on, which the hook cannot change: its connection pool (with the timeouts, TLS and size above), its own
   * redirect handling, retries and response-size limits, no cookies, no content decompression, the user agent, the
   * credential and the redacted traffic log.
   */
  public B httpClientCustomizer(Consumer<HttpClientBuilder> customizer) {
    this.httpClientCustomizer = Objects.requireNonNull(customizer, "httpClientCustomizer");
    return self();
  }

  /** Appended to the User-Agent, e.g. {@code my-app/1.2}. */
  public B userAgentSuffix(String suffix) {
    if (suffix != null && !dev.sttclients.runtime.internal.Headers.isValidValue(suffix)) {
      throw new IllegalArgumentException("userAgentSuffix must be printable ASCII without line breaks: " + suffix);
    }
    this.userAgentSuffix = suffix;
    return self();
  }

  /** Checks the configuration and builds the shared runtime for the vendor client. */
  protected final ClientRuntime buildRuntime() {
    VendorProfile profile = profile();
    Secret key = apiKey;
    if (key == null && profile.apiKeyEnvVar() != null) {
      String env = System.getenv(profile.apiKeyEnvVar());
      if (env != null && !env.isBlank()) {
        key = Secret.of(env);
      }
    }
    if (key == null) {
      throw new IllegalStateException(profile.name() + ": an API key is required: call apiKey(...) with one"
          + (profile.apiKeyEnvVar() == null ? "" : " or set the environment variable " + profile.apiKeyEnvVar()));
    }
    return new ClientRuntime(new ClientConfig(this, profile, key));
  }

  public abstract C build();
}
