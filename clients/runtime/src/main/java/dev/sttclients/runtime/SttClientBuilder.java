package dev.sttclients.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * The builder every vendor client shares: {@code XxxClient.builder().apiKey(..).baseUrl(..).build()}.
 * A vendor's builder extends this and adds only what is truly its own (e.g. Verbit's sandbox switch).
 * Each setter checks its argument; {@link #build()} checks the whole and throws
 * {@link IllegalStateException} for a missing key.
 */
public abstract class SttClientBuilder<B extends SttClientBuilder<B, C>, C> {
  String baseUrl;
  Secret apiKey;
  AuthScheme auth;
  Duration connectTimeout = ClientConfig.DEFAULT_CONNECT_TIMEOUT;
  Duration responseTimeout = ClientConfig.DEFAULT_RESPONSE_TIMEOUT;
  Duration connectionRequestTimeout = ClientConfig.DEFAULT_CONNECTION_REQUEST_TIMEOUT;
  int maxConnections = ClientConfig.DEFAULT_MAX_CONNECTIONS;
  RetryPolicy retryPolicy = RetryPolicy.defaults();
  RetryListener retryListener;
  Sleeper sleeper = Sleeper.SYSTEM;
  boolean strictResponseValidation;
  String userAgentSuffix;

  protected SttClientBuilder() {}

  @SuppressWarnings("unchecked")
  protected final B self() {
    return (B) this;
  }

  /** The vendor this builder builds a client for. */
  protected abstract VendorProfile profile();

  /** The API key (or token). Falls back to the vendor's environment variable when not set. */
  public B apiKey(String apiKey) {
    this.apiKey = Secret.of(Objects.requireNonNull(apiKey, "apiKey"));
    return self();
  }

  /** Overrides the vendor's base URL, e.g. a mock server or a regional endpoint. */
  public B baseUrl(String baseUrl) {
    ClientConfig.parseBaseUrl(Objects.requireNonNull(baseUrl, "baseUrl"));
    this.baseUrl = baseUrl;
    return self();
  }

  /** Replaces how the credential is sent (for vendors that accept several schemes). */
  protected B authScheme(AuthScheme scheme) {
    this.auth = Objects.requireNonNull(scheme, "auth");
    return self();
  }

  /** TCP connect timeout; default 10 s. */
  public B connectTimeout(Duration timeout) {
    this.connectTimeout = timeout;
    return self();
  }

  /**
   * Longest wait for response data: for the first byte of the response and between any two reads of the
   * body (socket read timeout, not a limit on the whole call); default 60 s. Per call:
   * {@link RequestOptions.Builder#responseTimeout}.
   */
  public B responseTimeout(Duration timeout) {
    this.responseTimeout = timeout;
    return self();
  }

  /** Longest wait for a pooled connection; default 30 s. */
  public B connectionRequestTimeout(Duration timeout) {
    this.connectionRequestTimeout = timeout;
    return self();
  }

  /** Connection pool size, total and per host; default 64. */
  public B maxConnections(int max) {
    this.maxConnections = max;
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

  /** Appended to the User-Agent, e.g. {@code my-app/1.2}. */
  public B userAgentSuffix(String suffix) {
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
      throw new IllegalStateException(profile.name() + ": an API key is required: call apiKey(...)"
          + (profile.apiKeyEnvVar() == null ? "" : " or set " + profile.apiKeyEnvVar()));
    }
    return new ClientRuntime(new ClientConfig(this, profile, key));
  }

  public abstract C build();
}
