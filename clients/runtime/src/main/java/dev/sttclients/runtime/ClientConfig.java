package dev.sttclients.runtime;

import dev.sttclients.runtime.internal.Durations;
import dev.sttclients.runtime.internal.Origin;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The immutable configuration of one client, filled by the vendor client's builder and checked once.
 * See the README's defaults table.
 */
public final class ClientConfig {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_CONNECTION_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** Every call, retries and waits included, ends within this; long enough for the default retries. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(5);
  public static final int DEFAULT_MAX_CONNECTIONS = 64;
  /** The largest JSON (non-streamed) response body read into memory: 64 MiB. */
  public static final int DEFAULT_MAX_RESPONSE_SIZE = 64 * 1024 * 1024;
  /** The largest {@code maxResponseSize}: what one byte array can hold. */
  static final int MAX_RESPONSE_SIZE_LIMIT = Integer.MAX_VALUE - 16;

  private final VendorProfile vendor;
  private final URI baseUrl;
  private final Origin origin;
  private final Secret credential;
  private final AuthScheme auth;
  private final Duration connectTimeout;
  private final Duration responseTimeout;
  private final Duration connectionRequestTimeout;
  private final Duration callTimeout;
  private final int maxConnections;
  private final int maxResponseSize;
  private final RetryPolicy retryPolicy;
  private final RetryListener retryListener;
  private final Sleeper sleeper;
  private final boolean strictResponseValidation;
  private final boolean allowPlainHttp;
  private final URI proxy;
  private final String proxyUser;
  private final Secret proxyPassword;
  private final boolean useSystemProxies;
  private final SSLContext sslContext;
  private final Consumer<HttpClientBuilder> httpClientCustomizer;
  private final String userAgent;

  ClientConfig(SttClientBuilder<?, ?> b, VendorProfile vendor, Secret credential) {
    this.vendor = vendor;
    this.credential = credential;
    this.auth = b.auth != null ? b.auth : vendor.auth();
    this.baseUrl = parseBaseUrl(b.baseUrl != null ? b.baseUrl : vendor.defaultBaseUrl());
    this.origin = Origin.of(baseUrl);
    this.allowPlainHttp = b.allowPlainHttp;
    if (!origin.isHttps() && !origin.isLoopback() && !allowPlainHttp) {
      throw new IllegalStateException(vendor.name() + ": baseUrl " + baseUrl + " is plain http to a host other than"
          + " this machine: the API key would cross the network in clear. Use https, or allowPlainHttp(true) for a"
          + " network you trust");
    }
    this.connectTimeout = Durations.positive("connectTimeout", b.connectTimeout);
    this.responseTimeout = Durations.positive("responseTimeout", b.responseTimeout);
    this.connectionRequestTimeout = Durations.positive("connectionRequestTimeout", b.connectionRequestTimeout);
    this.callTimeout = Durations.positive("callTimeout", b.callTimeout);
    this.maxConnections = maxConnections(b.maxConnections);
    this.maxResponseSize = maxResponseSize(b.maxResponseSize);
    this.retryPolicy = Objects.requireNonNull(b.retryPolicy, "retryPolicy");
    this.retryListener = b.retryListener;
    this.sleeper = Objects.requireNonNull(b.sleeper, "sleeper");
    this.strictResponseValidation = b.strictResponseValidation;
    this.proxy = b.proxy;
    this.proxyUser = b.proxyUser;
    this.proxyPassword = b.proxyPassword;
    this.useSystemProxies = b.useSystemProxies;
    if (proxy != null && useSystemProxies) {
      throw new IllegalStateException(vendor.name() + ": both proxy(...) and useSystemProxies(true) were set:"
          + " choose one");
    }
    if (proxyUser != null && proxy == null) {
      throw new IllegalStateException(vendor.name() + ": proxyCredentials(...) needs proxy(...)");
    }
    this.sslContext = b.sslContext;
    this.httpClientCustomizer = b.httpClientCustomizer;
    this.userAgent = "stt-clients/" + Version.VALUE + " (" + vendor.name() + "; java/"
        + System.getProperty("java.version") + ")" + (b.userAgentSuffix == null ? "" : " " + b.userAgentSuffix);
  }

  /**
   * An absolute http(s) URL with a host and without user info, query or fragment; trailing slashes are dropped
   * ({@code https://h/api/} is {@code https://h/api}, so that paths never start with {@code //}).
   */
  static URI parseBaseUrl(String url) {
    String trimmed = url;
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("baseUrl is not a valid URI: " + url, e);
    }
    if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
        || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "baseUrl must be an absolute http(s) URL with a host and without query, fragment or user info: " + url);
    }
    return uri;
  }

  static int maxConnections(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1, was " + max);
    }
    return max;
  }

  static int maxResponseSize(long bytes) {
    if (bytes < 1024 || bytes > MAX_RESPONSE_SIZE_LIMIT) {
      throw new IllegalArgumentException("maxResponseSize must be between 1024 and " + MAX_RESPONSE_SIZE_LIMIT
          + " bytes, was " + bytes);
    }
    return (int) bytes;
  }

  public VendorProfile vendor() { return vendor; }
  public URI baseUrl() { return baseUrl; }
  /** The configured scheme, host and effective port: the only place the credential is sent. */
  public Origin origin() { return origin; }
  public AuthScheme auth() { return auth; }
  public Secret credential() { return credential; }
  public Duration connectTimeout() { return connectTimeout; }
  public Duration responseTimeout() { return responseTimeout; }
  public Duration connectionRequestTimeout() { return connectionRequestTimeout; }
  public Duration callTimeout() { return callTimeout; }
  public int maxConnections() { return maxConnections; }
  public int maxResponseSize() { return maxResponseSize; }
  public RetryPolicy retryPolicy() { return retryPolicy; }
  public RetryListener retryListener() { return retryListener; }
  public Sleeper sleeper() { return sleeper; }
  public boolean strictResponseValidation() { return strictResponseValidation; }
  public boolean allowPlainHttp() { return allowPlainHttp; }
  public java.util.Optional<URI> proxy() { return java.util.Optional.ofNullable(proxy); }
  public boolean useSystemProxies() { return useSystemProxies; }
  public String userAgent() { return userAgent; }

  /** What the HTTP stack is built from (the proxy password revealed: for the transport only). */
  dev.sttclients.runtime.internal.HttpStack.Settings httpSettings() {
    return new dev.sttclients.runtime.internal.HttpStack.Settings(maxConnections, connectTimeout, responseTimeout,
        sslContext, proxy, proxyUser, proxyPassword == null ? null : proxyPassword.reveal(), useSystemProxies,
        userAgent, httpClientCustomizer);
  }

  /** The secrets every text from a server is cleaned of. */
  String[] secrets() {
    return proxyPassword == null ? new String[] {credential.reveal()}
        : new String[] {credential.reveal(), proxyPassword.reveal()};
  }

  @Override
  public String toString() {
    return "ClientConfig{vendor=" + vendor.name() + ", baseUrl=" + baseUrl + ", credential=" + credential
        + ", auth=" + auth.location() + ":" + auth.name() + ", connectTimeout=" + connectTimeout
        + ", responseTimeout=" + responseTimeout + ", connectionRequestTimeout=" + connectionRequestTimeout
        + ", callTimeout=" + callTimeout + ", maxConnections=" + maxConnections + ", maxResponseSize="
        + maxResponseSize + ", retryPolicy=" + retryPolicy + ", strictResponseValidation=" + strictResponseValidation
        + ", allowPlainHttp=" + allowPlainHttp
        + (proxy == null ? "" : ", proxy=" + proxy + (proxyUser == null ? "" : " (credentials ****)"))
        + (useSystemProxies ? ", useSystemProxies=true" : "")
        + (sslContext == null ? "" : ", sslContext=custom")
        + (httpClientCustomizer == null ? "" : ", httpClientCustomizer=set") + '}';
  }
}
