package dev.sttclients.runtime;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The immutable configuration of one client, filled by the vendor client's builder and checked once.
 * See the README's defaults table.
 */
public final class ClientConfig {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_CONNECTION_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_CONNECTIONS = 64;

  private final VendorProfile vendor;
  private final URI baseUrl;
  private final Secret credential;
  private final AuthScheme auth;
  private final Duration connectTimeout;
  private final Duration responseTimeout;
  private final Duration connectionRequestTimeout;
  private final int maxConnections;
  private final RetryPolicy retryPolicy;
  private final RetryListener retryListener;
  private final Sleeper sleeper;
  private final boolean strictResponseValidation;
  private final String userAgent;

  ClientConfig(SttClientBuilder<?, ?> b, VendorProfile vendor, Secret credential) {
    this.vendor = vendor;
    this.credential = credential;
    this.auth = b.auth != null ? b.auth : vendor.auth();
    this.baseUrl = parseBaseUrl(b.baseUrl != null ? b.baseUrl : vendor.defaultBaseUrl());
    this.connectTimeout = positive("connectTimeout", b.connectTimeout);
    this.responseTimeout = positive("responseTimeout", b.responseTimeout);
    this.connectionRequestTimeout = positive("connectionRequestTimeout", b.connectionRequestTimeout);
    if (b.maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1, was " + b.maxConnections);
    }
    this.maxConnections = b.maxConnections;
    this.retryPolicy = Objects.requireNonNull(b.retryPolicy, "retryPolicy");
    this.retryListener = b.retryListener;
    this.sleeper = Objects.requireNonNull(b.sleeper, "sleeper");
    this.strictResponseValidation = b.strictResponseValidation;
    this.userAgent = "stt-clients/" + Version.VALUE + " (" + vendor.name() + "; java/"
        + System.getProperty("java.version") + ")" + (b.userAgentSuffix == null ? "" : " " + b.userAgentSuffix);
  }

  static URI parseBaseUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("baseUrl is not a valid URI: " + url, e);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
        || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "baseUrl must be an absolute http(s) URL without query, fragment or user info: " + url);
    }
    return uri;
  }

  private static Duration positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive (timeouts are never infinite), was " + d);
    }
    return d;
  }

  public VendorProfile vendor() { return vendor; }
  public URI baseUrl() { return baseUrl; }
  public AuthScheme auth() { return auth; }
  public Secret credential() { return credential; }
  public Duration connectTimeout() { return connectTimeout; }
  public Duration responseTimeout() { return responseTimeout; }
  public Duration connectionRequestTimeout() { return connectionRequestTimeout; }
  public int maxConnections() { return maxConnections; }
  public RetryPolicy retryPolicy() { return retryPolicy; }
  public RetryListener retryListener() { return retryListener; }
  public Sleeper sleeper() { return sleeper; }
  public boolean strictResponseValidation() { return strictResponseValidation; }
  public String userAgent() { return userAgent; }

  @Override
  public String toString() {
    return "ClientConfig{vendor=" + vendor.name() + ", baseUrl=" + baseUrl + ", credential=" + credential
        + ", auth=" + auth.location() + ":" + auth.name() + ", connectTimeout=" + connectTimeout
        + ", responseTimeout=" + responseTimeout + ", connectionRequestTimeout=" + connectionRequestTimeout
        + ", maxConnections=" + maxConnections + ", retryPolicy=" + retryPolicy + ", strictResponseValidation="
        + strictResponseValidation + '}';
  }
}
