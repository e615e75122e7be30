package dev.sttclients.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.sttclients.runtime.internal.BodyStream;
import dev.sttclients.runtime.errors.CallInterruptedException;
import dev.sttclients.runtime.errors.CallTimeoutException;
import dev.sttclients.runtime.errors.ClientClosedException;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.ContractViolationException;
import dev.sttclients.runtime.errors.MalformedResponseException;
import dev.sttclients.runtime.errors.RequestTimeoutException;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.ResponseTooLargeException;
import dev.sttclients.runtime.errors.SttException;
import dev.sttclients.runtime.errors.Violation;
import dev.sttclients.runtime.internal.BeanChecks;
import dev.sttclients.runtime.internal.CallContext;
import dev.sttclients.runtime.internal.ErrorTable;
import dev.sttclients.runtime.internal.Headers;
import dev.sttclients.runtime.internal.HttpStack;
import dev.sttclients.runtime.internal.JsonPaths;
import dev.sttclients.runtime.internal.OperationRequest;
import dev.sttclients.runtime.internal.Origin;
import dev.sttclients.runtime.internal.PercentEncoding;
import dev.sttclients.runtime.internal.Redactor;
import dev.sttclients.runtime.internal.RequestBodies;
import dev.sttclients.runtime.internal.ResponseHeaders;
import dev.sttclients.runtime.internal.UniqueKeys;
import dev.sttclients.runtime.internal.UnknownEnums;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.RequestFailedException;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.util.DeadlineTimeoutException;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine under every generated API class: one Apache HttpClient 5 with a sized pool and finite
 * timeouts, request validation, auth, redirects, the retry loop, bounded response reading, response parsing and
 * the error table. Generated code checks its parameters with code generated from the spec ({@code internal.ParameterChecks}) and calls {@link #execute}; users never need this class.
 * Thread-safe.
 */
public final class ClientRuntime implements AutoCloseable {
  private static final Logger HTTP_LOG = LoggerFactory.getLogger("dev.sttclients.http");
  private static final Logger RETRY_LOG = LoggerFactory.getLogger("dev.sttclients.retry");
  private static final Logger JSON_LOG = LoggerFactory.getLogger("dev.sttclients.json");
  /** Headers whose values are never logged, whatever the vendor's auth scheme. */
  private static final Set<String> SENSITIVE_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");
  /** The most of an error (or redirect, or ignored) body that is read; a longer one is cut and its connection dropped. */
  static final int MAX_ERROR_BODY_BYTES = 64 * 1024;
  /** The most redirects one attempt follows. */
  static final int MAX_REDIRECTS = 5;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Header ACCEPT_JSON = new BasicHeader("Accept", "application/json");
  /** The response type of a streamed download. */
  public static final TypeReference<BinaryResponse> BINARY = new TypeReference<BinaryResponse>() {};
  /** Context attribute of a request that must go without credentials (an external URL such as a presigned upload). */
  private static final String NO_CREDENTIALS = "dev.sttclients.no-credentials";
  /** How much of a text download {@link #readText} keeps by default: far more than any transcript. */
  public static final long DEFAULT_MAX_TEXT_BYTES = 16L * 1024 * 1024;

  private final ClientConfig config;
  private final PoolingHttpClientConnectionManager pool;
  private final CloseableHttpClient http;
  private final ErrorTable errors;
  private final Redactor redactor;
  /** The configured origin as HttpClient's target, and the base URL's path: the first hop is built without parsing. */
  private final HttpHost home;
  private final String basePath;
  /** The credential header (null for query auth), made once. */
  private final Header authHeader;
  /** The request config of a call with the client's timeouts and enough time left: made once. */
  private final RequestConfig standardRequestConfig;
  /** The {@code name=value} pair of a legacy query-string credential (null for header auth), made once. */
  private final String queryCredential;
  private final AtomicBoolean closed = new AtomicBoolean();
  /** Counted down by close(): wakes calls waiting to retry with the default sleeper. */
  private final CountDownLatch closing = new CountDownLatch(1);

  ClientRuntime(ClientConfig config) {
    this.config = config;
    this.errors = new ErrorTable(config.vendor());
    this.redactor = new Redactor(config.secrets());
    this.home = new HttpHost(config.baseUrl().getScheme().toLowerCase(Locale.ROOT), config.baseUrl().getHost(),
        config.baseUrl().getPort());
    this.basePath = config.baseUrl().getRawPath() == null ? "" : config.baseUrl().getRawPath();
    this.authHeader = config.auth().location() == AuthScheme.Location.HEADER
        ? new SecretHeader(config.auth().name(), config.auth().prefix() + config.credential().reveal()) : null;
    this.queryCredential = config.auth().location() == AuthScheme.Location.QUERY
        ? PercentEncoding.query(config.auth().name()) + "=" + PercentEncoding.query(config.credential().reveal())
        : null;
    this.standardRequestConfig = requestConfig(config.connectionRequestTimeout().toMillis(), config.responseTimeout());
    HttpStack.Settings settings = config.httpSettings();
    this.pool = HttpStack.pool(settings);
    this.http = HttpStack.client(settings, pool, b -> b
        .setDefaultRequestConfig(RequestConfig.custom()
            .setConnectionRequestTimeout(timeout(config.connectionRequestTimeout()))
            .setResponseTimeout(timeout(config.responseTimeout()))
            .setRedirectsEnabled(false)
            .build())
        // What is sent, headers included, with every credential replaced by ****: the safe alternative to
        // HttpClient's own header log (which QuietConnectionFactory keeps silent).
        .addRequestInterceptorLast((request, entity, context) -> {
          if (HTTP_LOG.isTraceEnabled()) {
            String uri = request.getRequestUri();
            if (context.getAttribute(NO_CREDENTIALS) != null && uri.indexOf('?') >= 0) {
              uri = uri.substring(0, uri.indexOf('?')) + "?****"; // a presigned URL's query is its credential
            }
            HTTP_LOG.trace("-> {} {} {}{} headers {}", config.vendor().name(), request.getMethod(),
                request.getAuthority(), redactor.redact(uri), redact(request.getHeaders()));
          }
        })).build();
  }

  public ClientConfig config() {
    return config;
  }

  /** A request's limits: the pool lease timeout (cut to what is left of the call) and the response timeout. */
  private static RequestConfig requestConfig(long leaseMillis, Duration responseTimeout) {
    return RequestConfig.custom()
        .setConnectionRequestTimeout(Timeout.ofMilliseconds(leaseMillis))
        .setResponseTimeout(timeout(responseTimeout))
        .setRedirectsEnabled(false)
        .build();
  }

  /** Connections currently leased from the pool (in use by a call or an open download); for diagnostics. */
  public int leasedConnections() {
    return pool.getTotalStats().getLeased();
  }

  /**
   * Checks the arguments of a generated API method against the spec's constraints before anything is sent, by
   * Bean Validation's executable validation (reflective, per call). Generated code no longer calls it: it runs checks
   * generated from the spec instead, which agree with this on every derived case (conformance-tests'
   * ParameterChecksAgreementTest). Kept for clients generated by 0.1.
   *
   * @throws RequestValidationException naming each field, value and rule
   */
  public void validate(Object api, String operationId, String methodName, String[] wireNames, Object... args) {
    List<Violation> violations = BeanChecks.checkParameters(api, methodName, wireNames, args);
    if (!violations.isEmpty()) {
      throw new RequestValidationException(config.vendor().name(), operationId, violations);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON_PARAMETERS = Json.mapper().copy()
      .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS);

  /**
   * The wire value of a parameter that the spec sends as JSON text ({@code content: application/json} on a query
   * parameter, e.g. Gladia's {@code custom_metadata}): the value written by the client's JSON mapper, any JSON
   * values and nesting kept; null when the value is null (the parameter is then left out). The caller
   * percent-encodes it like any query value.
   *
   * Unlike request bodies, explicit nulls inside the value are written ({@code {"k":null}}): a filter is sent
   * as the caller wrote it.
   *
   * @throws RequestValidationException when the value cannot be written as JSON (nothing is sent)
   */
  public String jsonParameter(String operationId, String name, Object value) {
    if (value == null) {
      return null;
    }
    try {
      return JSON_PARAMETERS.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new RequestValidationException(config.vendor().name(), operationId, List.of(
          new Violation(name, value.getClass().getName(), "must be writable as JSON: " + firstLine(e))));
    }
  }

  /** One call in progress: what is sent, its limits and its deadline. */
  private final class Call {
    final OperationRequest request;
    final RequestOptions opts;
    final TypeReference<?> type;
    final boolean binary;
    final int maxAttempts;
    final Duration callTimeout;
    final Duration responseTimeout;
    CallContext context;

    Call(OperationRequest request, RequestOptions opts, TypeReference<?> type) {
      this.request = request;
      this.opts = opts;
      this.type = type;
      this.binary = type != null && type.getType() == BinaryResponse.class;
      this.maxAttempts = opts.maxRetries().orElse(config.retryPolicy().maxRetries()) + 1;
      this.callTimeout = opts.callTimeout().orElse(config.callTimeout());
      this.responseTimeout = opts.responseTimeout().orElse(config.responseTimeout());
    }

    String name() {
      return config.vendor().name() + " " + request.operationId();
    }
  }

  /** The response a hop chain ended on; {@code refusal} says why a redirect was not followed (null if none). */
  private record Exchange(ClassicHttpResponse response, String refusal) {}

  /** A body read up to a limit; {@code complete} when its end was reached within it. */
  private record Body(byte[] bytes, boolean complete) {}

  /**
   * Sends the request (with redirects and retries) and parses the response into {@code type}: null for no body,
   * {@link BinaryResponse} for a streamed binary body (the caller closes it), otherwise JSON.
   *
   * <p>One attempt is: send, follow the redirects that are safe to follow, receive the status and headers, read the
   * body up to its limit (except a streamed binary one), release the response (back to the pool when read to its
   * end, else the connection is dropped: a body is never drained). An attempt that fails at the I/O level (including
   * while reading the body) or with a retryable status is retried as {@link RetryPolicy} describes, within the call's
   * deadline; nothing is retried after {@link #close()}, after an interrupt or past the deadline.
   */
  public <T> ApiResponse<T> execute(OperationRequest request, TypeReference<T> type, RequestOptions options) {
    Call call = new Call(request, options == null ? RequestOptions.none() : options, type);
    SttException stop = stopped(call, 0, null);
    if (stop != null) {
      throw stop;
    }
    checkHeaders(request);
    // Checks uploads (RequestValidationException, nothing sent); a streamed body is never resent once read.
    RequestBodies.Prepared body = RequestBodies.prepare(config.vendor().name(), request);
    call.context = CallContext.enter(call.callTimeout);
    try {
      return run(call, body);
    } finally {
      call.context.exit();
    }
  }

  private <T> ApiResponse<T> run(Call call, RequestBodies.Prepared body) {
    OperationRequest request = call.request;
    RetryPolicy policy = config.retryPolicy();
    for (int attempt = 1; ; attempt++) {
      // (attempt 1 was checked by execute(); each later one by backoff(), after its wait)
      SttException stop;
      boolean mayRetry = attempt < call.maxAttempts;
      long started = System.nanoTime();
      if (HTTP_LOG.isDebugEnabled()) {
        HTTP_LOG.debug("-> {} {} {} {} attempt {}", config.vendor().name(), request.operationId(), request.method(),
            redactor.redact(request.path()), attempt);
      }
      Exchange exchange;
      try {
        exchange = send(call, body);
      } catch (IOException e) {
        stop = stopped(call, attempt, e);
        if (stop != null) {
          throw stop;
        }
        SttException failure = ioFailure(call, null, e, attempt);
        if (mayRetry && (request.idempotent() || neverSent(e)) && body.replayable()
            && !(e instanceof BinaryBody.SourceException)) {
          backoff(call, attempt, describe(e), policy.backoff(attempt), failure);
          continue;
        }
        throw failure;
      } catch (RuntimeException e) {
        // e.g. HttpClient's "Connection pool shut down" or a cancelled lease: close() or an interrupt
        stop = stopped(call, attempt, e);
        throw stop != null ? stop : new ConnectionException(config.vendor().name(), call.name()
            + ": unexpected failure in the HTTP client (" + e.getClass().getSimpleName() + ")", attempt,
            redactor.sanitize(e));
      }
      ClassicHttpResponse response = exchange.response();
      int status = response.getCode();
      Map<String, List<String>> headers = headers(response);
      if (HTTP_LOG.isDebugEnabled()) {
        HTTP_LOG.debug("<- {} {} HTTP {} in {} ms", config.vendor().name(), request.operationId(), status,
            (System.nanoTime() - started) / 1_000_000);
      }
      if (HTTP_LOG.isTraceEnabled()) {
        HTTP_LOG.trace("<- {} {} headers {}", config.vendor().name(), request.operationId(),
            redact(response.getHeaders()));
      }
      boolean success = status >= 200 && status < 300 && exchange.refusal() == null;
      Body read;
      try {
        if (success && call.binary) {
          return binary(call, response, status, headers, attempt);
        }
        if (success && call.type != null) {
          return success(call, response, status, headers, attempt);
        }
        // Read to its end (the connection goes back to the pool) or dropped (see read): never left open.
        read = read(response, MAX_ERROR_BODY_BYTES);
      } catch (IOException e) {
        abort(response);
        stop = stopped(call, attempt, e);
        if (stop != null) {
          throw stop;
        }
        SttException failure = ioFailure(call, status, e, attempt);
        if (mayRetry && request.idempotent() && body.replayable()) {
          backoff(call, attempt, "HTTP " + status + ", then " + describe(e) + " reading the body",
              policy.backoff(attempt), failure);
          continue;
        }
        throw failure;
      }
      if (success) {
        return new ApiResponse<>(status, headers, errors.requestIdFromHeaders(headers), attempt, null);
      }
      Duration retryAfter = ErrorTable.retryAfter(status, headers);
      SttException failure = errors.toException(request.operationId(), status, redactor.redact(headers),
          redactor.redact(new String(read.bytes(), StandardCharsets.UTF_8)), retryAfter, attempt, exchange.refusal());
      boolean retryStatus = exchange.refusal() == null && mayRetry && request.idempotent() && body.replayable()
          && ErrorTable.retryableStatus(status)
          && (retryAfter == null || retryAfter.compareTo(policy.maxRetryAfter()) <= 0);
      if (!retryStatus) {
        throw failure;
      }
      backoff(call, attempt, "HTTP " + status, retryAfter != null ? retryAfter : policy.backoff(attempt), failure);
    }
  }

  /**
   * Downloads a file from another origin, such as the pre-signed S3 link a vendor hands out for a job's output:
   * a GET of that exact URL, streamed ({@link BinaryResponse}, the caller closes it), with the client's timeouts,
   * retries (a GET: retried like any other) and error table, and <b>without the client's credential</b>: no auth
   * header and no auth query parameter, whatever the URL's host, also across redirects. The URL's query (often a
   * signature) never appears in messages or logs.
   *
   * @param operationId names the call in messages and logs, e.g. {@code getTranscript}
   * @param url an absolute https URL; http only when the client's own base URL is http (a local test server)
   * @throws RequestValidationException the URL is not absolute, not http(s), or http against an https client
   *     (nothing sent)
   */
  public ApiResponse<BinaryResponse> download(String operationId, String url, RequestOptions options) {
    URI target = externalUrl(operationId, url);
    // The template is never read for an external request: its path is the URL's (OperationRequest.path()).
    OperationRequest request = OperationRequest.builder(operationId, "GET", "/").externalUrl(target).accept("*/*")
        .build();
    return execute(request, BINARY, options);
  }

  /**
   * Checks a URL a vendor handed out for a request outside its API (a pre-signed download or upload link) and
   * returns it: absolute, with a host, {@code https} ({@code http} only when the client's own base URL is
   * {@code http}, a local test server). Use it with {@code OperationRequest.Builder.externalUrl}.
   *
   * @throws RequestValidationException naming {@code url}, shown without its query (often a signature)
   */
  public URI externalUrl(String operationId, String url) {
    String rule = null;
    URI target = null;
    if (url == null) {
      rule = "must not be null";
    } else {
      try {
        target = new URI(url);
      } catch (java.net.URISyntaxException e) {
        rule = "must be a valid absolute URL";
      }
    }
    if (rule == null) {
      String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
      boolean httpAllowed = "http".equalsIgnoreCase(config.baseUrl().getScheme());
      if (!target.isAbsolute() || target.getHost() == null) {
        rule = "must be an absolute URL with a host";
      } else if (!scheme.equals("https") && !(httpAllowed && scheme.equals("http"))) {
        rule = httpAllowed ? "must be an http or https URL" : "must be an https URL";
      }
    }
    if (rule != null) {
      String shown = url == null ? "null" : target != null && target.getHost() != null
          ? target.getScheme() + "://" + target.getHost() + (target.getRawPath() == null ? "" : target.getRawPath())
          : "<" + url.length() + " characters>";
      throw new RequestValidationException(config.vendor().name(), operationId,
          List.of(new Violation("url", shown, rule)));
    }
    return target;
  }

  /**
   * Reads a streamed body as text, at most {@code maxBytes} of it, and closes it. The charset is the
   * {@code Content-Type}'s, else UTF-8.
   *
   * @throws MalformedResponseException the body is longer than {@code maxBytes} (what was read is dropped, the
   *     connection closed)
   * @throws ConnectionException the connection broke while reading (a {@link RequestTimeoutException} when the
   *     body stalled past the response timeout)
   */
  public String readText(String operationId, ApiResponse<BinaryResponse> response, long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative, was " + maxBytes);
    }
    try (BinaryResponse body = response.body(); InputStream in = body.body()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw new MalformedResponseException(config.vendor().name(), config.vendor().name() + " " + operationId
              + ": the body is longer than the " + maxBytes + " bytes allowed", response.attempts(),
              response.statusCode(), response.headers(), "", null);
        }
        out.write(buf, 0, n);
      }
      return out.toString(charset(response.header("content-type").orElse("")));
    } catch (IOException e) {
      String msg = config.vendor().name() + " " + operationId + ": HTTP " + response.statusCode() + ", then "
          + describe(e) + " reading the body";
      throw isTimeout(e) ? new RequestTimeoutException(config.vendor().name(), msg, response.attempts(), e)
          : new ConnectionException(config.vendor().name(), msg, response.attempts(), e);
    }
  }

  private static java.nio.charset.Charset charset(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.trim();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        try {
          return java.nio.charset.Charset.forName(p.substring(8).replace("\"", "").trim());
        } catch (IllegalArgumentException unknownCharset) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /**
   * Reads at most {@code limit} bytes of the body into memory (never pre-sized from Content-Length). A body that
   * ends within the limit leaves the connection reusable; a longer one, or a failure while reading, drops the
   * connection instead of draining the rest.
   */
  private static Body read(ClassicHttpResponse response, int limit) throws IOException {
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return new Body(new byte[0], true);
    }
    boolean complete = false;
    // Chunks, then one array of the exact size: at most twice the body in memory, never more than the limit + 1.
    List<byte[]> chunks = new ArrayList<>();
    int total = 0;
    try {
      InputStream in = entity.getContent();
      long announced = entity.getContentLength();
      // The first chunk fits a body of the announced size (and one byte more, to see its end), up to 64 KiB; an
      // unannounced one starts at 8 KiB. Memory follows what arrives, never what is announced.
      int next = (int) Math.min(64 * 1024, announced >= 0 ? announced + 1 : 8 * 1024);
      while (total <= limit) {
        byte[] chunk = new byte[(int) Math.min(next, (long) limit + 1 - total)];
        next = 64 * 1024;
        int n = in.readNBytes(chunk, 0, chunk.length);
        chunks.add(chunk); // only the last one can be partly filled; the copy below takes just its bytes
        total += n;
        if (n < chunk.length) {
          complete = true;
          break;
        }
      }
    } finally {
      if (!complete) {
        abort(response);
      }
    }
    byte[] bytes = new byte[Math.min(total, limit)];
    int at = 0;
    for (byte[] chunk : chunks) {
      int n = Math.min(chunk.length, bytes.length - at);
      System.arraycopy(chunk, 0, bytes, at, n);
      at += n;
    }
    return new Body(bytes, complete);
  }

  /**
   * One attempt's exchange: the request, then each redirect that may be followed, up to {@value #MAX_REDIRECTS}.
   * Returns the final response, or a redirect response with the reason it was not followed.
   */
  private Exchange send(Call call, RequestBodies.Prepared body) throws IOException {
    OperationRequest request = call.request;
    boolean external = request.externalUrl() != null;
    // null: the operation's own URL on the configured origin, sent without building (and parsing) a URI
    URI target = external ? firstUri(request) : null;
    Set<URI> visited = null;
    for (int hop = 0; ; hop++) {
      Origin origin = target == null ? config.origin() : Origin.of(target);
      // An external URL (a presigned link) never gets the credential, whatever its host, nor do its redirects.
      boolean home = !external && origin.equals(config.origin());
      call.context.queryCredential(home ? queryCredential : null);
      HttpClientContext context = context(call);
      BasicClassicHttpRequest hopRequest;
      if (target == null) {
        String query = request.query();
        String path = basePath + request.path();
        hopRequest = new BasicClassicHttpRequest(request.method(), this.home, query.isEmpty() ? path
            : path + '?' + query);
      } else {
        hopRequest = new BasicClassicHttpRequest(request.method(), target);
      }
      ClassicHttpResponse response = http.executeOpen(null, decorate(hopRequest, call, home, hop == 0, body), context);
      int status = response.getCode();
      if (origin.isHttps() && context.getSSLSession() == null) {
        // Not over TLS, so not from the target: a proxy refused the CONNECT tunnel and HttpClient hands back its answer
        // (having already let go of the proxy connection).
        throw new TunnelRefused("the proxy refused the tunnel to " + origin + " with HTTP " + status);
      }
      if (!REDIRECTS.contains(status)) {
        return new Exchange(response, null);
      }
      if (target == null) {
        target = firstUri(request);
      }
      if (visited == null) {
        visited = new HashSet<>();
        visited.add(target);
      }
      URI next;
      try {
        next = nextHop(call, target, response, hop, body.entity() != null);
      } catch (RedirectRefused refused) {
        HTTP_LOG.debug("<- {} HTTP {}: {}", call.name(), status, refused.getMessage());
        return new Exchange(response, refused.getMessage());
      }
      if (!visited.add(next)) {
        return new Exchange(response, "redirect loop: " + Origin.of(next) + " was already visited; not followed");
      }
      HTTP_LOG.debug("<- {} HTTP {}: following the redirect to {}", call.name(), status, Origin.of(next));
      read(response, MAX_ERROR_BODY_BYTES); // a short body keeps the connection; a long one drops it
      target = next;
    }
  }

  /** A proxy answered the CONNECT for an https target with an error: nothing reached the vendor. */
  static final class TunnelRefused extends ConnectException {
    private static final long serialVersionUID = 1L;

    TunnelRefused(String message) {
      super(message);
    }
  }

  /** Why a redirect is not followed. */
  private static final class RedirectRefused extends Exception {
    private static final long serialVersionUID = 1L;

    RedirectRefused(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * Where a redirect leads, if it may be followed. Followed: 301, 302, 307 and 308 for GET, HEAD, DELETE and OPTIONS
   * without a body (303 for GET and HEAD), to http(s), at most {@value #MAX_REDIRECTS} times. Never followed: any
   * redirect of a POST, PATCH or a request with a body (the server may already have acted on it, and a body is never
   * forwarded), https to http, plain http to another machine without {@code allowPlainHttp}, a Location that would
   * carry the credential to another origin. A legacy query-string credential is taken out of the Location (it is put
   * back on the wire only for the configured origin).
   */
  private URI nextHop(Call call, URI current, ClassicHttpResponse response, int hop, boolean hasBody)
      throws RedirectRefused {
    String method = call.request.method();
    int status = response.getCode();
    boolean bodyless = Set.of("GET", "HEAD", "DELETE", "OPTIONS").contains(method) && !hasBody;
    if (!bodyless || (status == 303 && !(method.equals("GET") || method.equals("HEAD")))) {
      throw new RedirectRefused("redirect not followed: a " + method + (hasBody ? " with a body" : "")
          + " is never re-sent or forwarded");
    }
    Header location = response.getFirstHeader("Location");
    if (location == null || location.getValue().isBlank()) {
      throw new RedirectRefused("redirect without a Location; not followed");
    }
    URI next;
    try {
      next = current.resolve(new URI(location.getValue().trim()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new RedirectRefused("redirect to an unreadable Location; not followed");
    }
    if (next.getScheme() == null || !Set.of("http", "https").contains(next.getScheme().toLowerCase(Locale.ROOT))
        || next.getHost() == null) {
      throw new RedirectRefused("redirect to a Location that is not an absolute http(s) URL; not followed");
    }
    next = withoutQueryCredential(next);
    Origin to = Origin.of(next);
    if (Origin.of(current).isHttps() && !to.isHttps()) {
      throw new RedirectRefused("redirect from https to http (" + to + ") not followed");
    }
    if (!to.isHttps() && !to.isLoopback() && !config.allowPlainHttp()) {
      throw new RedirectRefused("redirect to plain http on another machine (" + to + ") not followed"
          + " (allowPlainHttp is off)");
    }
    if (!to.equals(config.origin()) && redactor.leaks(next.toString())) {
      throw new RedirectRefused("redirect to " + to + " would carry the credential to another origin; not followed");
    }
    if (hop >= MAX_REDIRECTS) {
      throw new RedirectRefused("more than " + MAX_REDIRECTS + " redirects; not followed");
    }
    return next;
  }

  /** {@code uri} without the query parameter a legacy query-string credential uses. */
  private URI withoutQueryCredential(URI uri) {
    String query = uri.getRawQuery();
    if (config.auth().location() != AuthScheme.Location.QUERY || query == null) {
      return uri;
    }
    String name = config.auth().name();
    List<String> kept = new ArrayList<>();
    for (String pair : query.split("&", -1)) {
      String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      if (!org.apache.hc.core5.net.PercentCodec.decode(key, StandardCharsets.UTF_8).equals(name)) {
        kept.add(pair);
      }
    }
    String s = uri.toString(); // a fragment is dropped with the rest of the query: it is never sent anyway
    return URI.create(s.substring(0, s.indexOf('?')) + (kept.isEmpty() ? "" : "?" + String.join("&", kept)));
  }

  private URI firstUri(OperationRequest request) {
    String query = request.query();
    String url = request.externalUrl() != null ? request.externalUrl().toString()
        : config.baseUrl().toString() + request.path();
    return URI.create(query.isEmpty() ? url : url + (url.indexOf('?') < 0 ? '?' : '&') + query);
  }

  /**
   * One hop's headers and body. To the configured origin: the operation's headers, the per-call headers and the
   * credential. To an external URL (a presigned link): the operation's own headers (e.g. the ones its signature
   * covers) on the first hop, nothing else. To another origin (a redirect): none of them, only {@code Accept}.
   */
  private ClassicHttpRequest decorate(BasicClassicHttpRequest b, Call call, boolean home, boolean first,
      RequestBodies.Prepared body) {
    OperationRequest request = call.request;
    b.setHeader(request.accept() == null ? ACCEPT_JSON : new BasicHeader("Accept", request.accept()));
    if (home || (first && request.externalUrl() != null)) {
      request.headers().forEach(b::setHeader);
    }
    if (home) {
      call.opts.headers().forEach(b::setHeader);
      if (authHeader != null) {
        b.setHeader(authHeader);
      }
    }
    b.setEntity(body.entity());
    return b;
  }

  /** A request header whose value is a secret: marked sensitive, and never shown by {@code toString()}. */
  record SecretHeader(String getName, String getValue) implements Header {
    @Override
    public boolean isSensitive() {
      return true;
    }

    @Override
    public String toString() {
      return getName + ": ****";
    }
  }

  private HttpClientContext context(Call call) {
    HttpClientContext ctx = HttpClientContext.create();
    long lease = HttpStack.capped(config.connectionRequestTimeout());
    ctx.setRequestConfig(lease == config.connectionRequestTimeout().toMillis()
        && call.responseTimeout.equals(config.responseTimeout()) ? standardRequestConfig
        : requestConfig(lease, call.responseTimeout));
    if (call.request.externalUrl() != null) {
      ctx.setAttribute(NO_CREDENTIALS, Boolean.TRUE);
    }
    return ctx;
  }

  private <T> ApiResponse<T> binary(Call call, ClassicHttpResponse response, int status,
      Map<String, List<String>> headers, int attempt) throws IOException {
    HttpEntity entity = response.getEntity();
    InputStream in = entity == null ? InputStream.nullInputStream() : entity.getContent();
    BinaryResponse.Closer closer = fullyRead -> {
      if (!fullyRead) {
        abort(response); // closing before the end drops the connection; it never reads the rest
      } // else: read to its end, the connection is already back in the pool
    };
    BinaryResponse.Failures failures = e -> {
      SttException stop = stopped(null, attempt, e);
      if (stop == null && e instanceof CallContext.DeadlineExceeded) {
        stop = new CallTimeoutException(config.vendor().name(), call.name() + ": call timeout of "
            + call.callTimeout.toMillis() + " ms reached reading the body", attempt, call.callTimeout, null);
      }
      return stop != null ? stop : ioFailure(call, status, e, attempt);
    };
    // A per-call callTimeout covers the body too; the client-wide one ends with the headers (long downloads).
    CallContext deadline = call.opts.callTimeout().isPresent() ? call.context : null;
    @SuppressWarnings("unchecked")
    T value = (T) new BinaryResponse(status, headers, in, closer, failures, deadline);
    return new ApiResponse<>(status, headers, errors.requestIdFromHeaders(headers), attempt, value);
  }

  /**
   * A 2xx JSON body, read by Jackson straight from the connection (never buffered whole, never more than
   * {@code maxResponseSize}): checked for what can be seen before reading (size announced, content encoding and
   * type, emptiness), parsed strictly, then checked against the spec's constraints in strict mode. The first 64 KiB
   * are kept aside in a pooled buffer only to show a body that does not parse.
   */
  private <T> ApiResponse<T> success(Call call, ClassicHttpResponse response, int status,
      Map<String, List<String>> headers, int attempt) throws IOException {
    HttpEntity entity = response.getEntity();
    long announced = entity == null ? 0 : entity.getContentLength();
    if (announced > config.maxResponseSize()) {
      abort(response);
      throw tooLarge(call, status, headers, attempt, "of " + announced + " bytes (Content-Length)");
    }
    String contentType = first(headers, "content-type", "");
    String encoding = first(headers, "content-encoding", "identity").trim();
    String what = null;
    if (!encoding.isEmpty() && !encoding.equalsIgnoreCase("identity")) {
      what = "content encoding '" + encoding + "' (the client asks for none)";
    } else if (announced == 0 || entity == null) {
      what = "an empty body";
    } else if (!contentType.isEmpty() && !isJson(contentType)) {
      what = "content type '" + contentType + "'";
    }
    if (what != null) {
      throw malformed(call, status, headers, read(response, MAX_ERROR_BODY_BYTES).bytes(), what, null, attempt);
    }
    @SuppressWarnings("unchecked")
    TypeReference<T> type = (TypeReference<T>) call.type;
    Map<String, String> unknownEnums = new LinkedHashMap<>(2);
    BodyStream in = new BodyStream(entity.getContent(), config.maxResponseSize());
    T value;
    UnknownEnums.recordInto(unknownEnums);
    try {
      ObjectReader reader = reader(type);
      try (UniqueKeys parser = UniqueKeys.of(reader.createParser(in))) {
        value = reader.readValue(parser);
      }
      if (!in.atEnd()) {
        abort(response); // Jackson stopped before the end (it never should with trailing tokens checked)
      } // else: read to its end, the connection is already back in the pool
    } catch (BodyStream.TooLarge e) {
      abort(response);
      throw tooLarge(call, status, headers, attempt, "of more than " + config.maxResponseSize() + " bytes");
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      abort(response);
      throw malformed(call, status, headers, in.head(), in.count() == 0 ? "an empty body"
          : "unreadable JSON (" + firstLine(e) + jsonPath(e) + ")", e, attempt);
    } finally {
      UnknownEnums.stop();
      in.release();
    }
    if (value == null) {
      throw malformed(call, status, headers, "null".getBytes(StandardCharsets.UTF_8), "JSON null", null, attempt);
    }
    if (!unknownEnums.isEmpty()) {
      JSON_LOG.debug("{}: enum values the spec does not list (kept as UNKNOWN_DEFAULT_OPEN_API): {}", call.name(),
          redactor.redact(unknownEnums.toString()));
    }
    // Strict mode checks documented constraints. Enums are open by design (a vendor may add a status): an
    // unknown value is not a violation, even here; it is UNKNOWN_DEFAULT_OPEN_API plus unknownEnumValues().
    if (config.strictResponseValidation()) {
      List<Violation> violations = BeanChecks.checkBean(value);
      if (!violations.isEmpty()) {
        List<Violation> shown = violations.stream()
            .map(v -> new Violation(v.field(), redactor.redact(v.value()), redactor.redact(v.rule()))).toList();
        throw new ContractViolationException(config.vendor().name(), call.request.operationId(), attempt, shown,
            redactedCopy(type, value));
      }
    }
    return new ApiResponse<>(status, headers, errors.requestIdFromHeaders(headers), attempt, value, unknownEnums);
  }

  /** {@code value} itself, or, when its JSON would show a secret, a copy read back from the redacted JSON. */
  private <T> Object redactedCopy(TypeReference<T> type, T value) {
    try {
      String json = Json.mapper().writeValueAsString(value);
      if (!redactor.leaks(json)) {
        return value;
      }
      return reader(type).readValue(redactor.redact(json));
    } catch (IOException | RuntimeException e) {
      return null; // never the unredacted value
    }
  }

  private ResponseTooLargeException tooLarge(Call call, int status, Map<String, List<String>> headers, int attempt,
      String size) {
    return new ResponseTooLargeException(config.vendor().name(), call.name() + ": HTTP " + status + " body " + size
        + " is larger than maxResponseSize (" + config.maxResponseSize() + " bytes); not read", attempt, status,
        redactor.redact(headers), config.maxResponseSize());
  }

  private MalformedResponseException malformed(Call call, int status, Map<String, List<String>> headers, byte[] body,
      String what, Exception cause, int attempt) {
    String raw = new String(body, 0, Math.min(body.length, MAX_ERROR_BODY_BYTES), StandardCharsets.UTF_8);
    return new MalformedResponseException(config.vendor().name(), redactor.redact(call.name() + ": HTTP " + status
        + " expected a JSON " + simpleName(call.type) + " body, got " + what), attempt, status,
        redactor.redact(headers), redactor.redact(raw), redactor.sanitize(cause));
  }

  private static String first(Map<String, List<String>> headers, String name, String otherwise) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? otherwise : values.get(0);
  }

  /**
   * One reader per response type, made once: a reader is immutable and thread-safe. A success body's repeated keys
   * are found by {@link UniqueKeys} around the parser rather than by the parser itself (same verdict, no set per
   * object).
   */
  private static final java.util.concurrent.ConcurrentHashMap<java.lang.reflect.Type, ObjectReader> READERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static ObjectReader reader(TypeReference<?> type) {
    ObjectReader reader = READERS.get(type.getType());
    if (reader == null) {
      ObjectMapper mapper = Json.mapper();
      reader = READERS.computeIfAbsent(type.getType(), t -> mapper.readerFor(mapper.getTypeFactory().constructType(t)));
    }
    return reader;
  }

  private SttException ioFailure(Call call, Integer status, IOException e, int attempt) {
    String what = status == null ? describe(e) : "HTTP " + status + ", then " + describe(e) + " reading the body";
    String msg = redactor.redact(call.name() + ": " + what + " (" + call.request.method() + " "
        + call.request.path() + ") after " + attempt + (attempt == 1 ? " attempt" : " attempts"));
    Throwable cause = redactor.sanitize(e);
    return isTimeout(e)
        ? new RequestTimeoutException(config.vendor().name(), msg, attempt, cause)
        : new ConnectionException(config.vendor().name(), msg, attempt, cause);
  }

  /**
   * The typed end of a call stopped from outside rather than by the server: the client was closed, the thread was
   * interrupted, or the call's deadline passed. Null when none of these happened. {@code call} is null for a
   * streamed body read after the call returned (no deadline then).
   */
  private SttException stopped(Call call, int attempts, Throwable cause) {
    String vendor = config.vendor().name();
    String name = call == null ? vendor + " download" : call.name();
    if (closed.get()) {
      return new ClientClosedException(vendor, name + ": the client was closed" + (attempts == 0 ? "; nothing sent"
          : " after " + attempts + (attempts == 1 ? " attempt" : " attempts")), attempts, redactor.sanitize(cause));
    }
    if (Thread.currentThread().isInterrupted() || interruption(cause)) {
      Thread.currentThread().interrupt(); // keep the flag for the caller
      return new CallInterruptedException(vendor, name + ": interrupted" + (attempts == 0 ? "; nothing sent"
          : " after " + attempts + (attempts == 1 ? " attempt" : " attempts")), attempts, redactor.sanitize(cause));
    }
    if (call != null && call.context != null && (cause instanceof CallContext.DeadlineExceeded
        || call.context.expired())) {
      return new CallTimeoutException(vendor, name + ": call timeout of " + call.callTimeout.toMillis()
          + " ms reached after " + attempts + (attempts == 1 ? " attempt" : " attempts"), attempts, call.callTimeout,
          redactor.sanitize(cause));
    }
    return null;
  }

  private static boolean interruption(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ClosedByInterruptException || c instanceof InterruptedException
          || c instanceof RequestFailedException) {
        return true;
      }
    }
    return false;
  }

  /** Request headers from the spec's header parameters must be sendable as they are. */
  private void checkHeaders(OperationRequest request) {
    List<Violation> bad = new ArrayList<>();
    request.headers().forEach((name, value) -> {
      String problem = Headers.problem(name, value);
      if (problem != null) {
        bad.add(new Violation(name, BeanChecks.show(redactor.redact(value)), "header " + problem));
      }
    });
    if (!bad.isEmpty()) {
      throw new RequestValidationException(config.vendor().name(), request.operationId(), bad);
    }
  }

  /**
   * Waits before the next attempt, or throws {@code failure} when the wait would end past the call's deadline (the
   * last failure says more than a timeout would). Close() and interrupts end the wait at once.
   */
  private void backoff(Call call, int attempt, String reason, Duration delay, SttException failure) {
    if (delay.toNanos() >= call.context.remainingNanos()) {
      HTTP_LOG.debug("{}: not retrying, the wait of {} ms would end past the call timeout", call.name(),
          delay.toMillis());
      throw failure;
    }
    OperationRequest request = call.request;
    RetryEvent event = new RetryEvent(config.vendor().name(), request.operationId(), request.method(),
        redactor.redact(request.path()), attempt, call.maxAttempts, redactor.redact(reason), delay);
    RETRY_LOG.info("{}", event);
    if (config.retryListener() != null) {
      config.retryListener().onRetry(event);
    }
    try {
      if (config.sleeper() == Sleeper.SYSTEM) {
        closing.await(delay.toNanos(), TimeUnit.NANOSECONDS); // close() ends the wait
      } else {
        config.sleeper().sleep(delay);
      }
    } catch (InterruptedException e) {
      throw stopped(call, attempt, e); // an interruption: stopped() sets the flag again
    }
    SttException stop = stopped(call, attempt, null);
    if (stop != null) {
      throw stop;
    }
  }

  /** True when the failure happened before any byte of the request could reach the server. */
  static boolean neverSent(IOException e) {
    return e instanceof ConnectException // includes HttpHostConnectException
        || e instanceof ConnectTimeoutException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || e instanceof ConnectionRequestTimeoutException
        || e.getCause() instanceof DeadlineTimeoutException;
  }

  static boolean isTimeout(IOException e) {
    return e instanceof SocketTimeoutException || e instanceof ConnectTimeoutException
        || e instanceof ConnectionRequestTimeoutException;
  }

  /** Headers as {@code [name: value, ...]}, with auth and cookie headers shown as ****. */
  String redact(Header[] headers) {
    StringBuilder sb = new StringBuilder("[");
    for (Header h : headers) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      String name = h.getName().toLowerCase(Locale.ROOT);
      boolean sensitive = SENSITIVE_HEADERS.contains(name) || name.equalsIgnoreCase(config.auth().name());
      sb.append(h.getName()).append(": ").append(sensitive ? "****" : redactor.redact(h.getValue()));
    }
    return sb.append(']').toString();
  }

  private static String describe(IOException e) {
    String kind;
    if (e instanceof BinaryBody.SourceException) {
      return "the request body could not be sent as declared: " + e.getMessage();
    }
    if (e instanceof TunnelRefused) {
      kind = e.getMessage();
    } else if (e instanceof ConnectTimeoutException) {
      kind = "connect timeout";
    } else if (e instanceof ConnectionRequestTimeoutException) {
      kind = "no pooled connection in time";
    } else if (e instanceof SocketTimeoutException) {
      kind = "response timeout";
    } else if (e instanceof ConnectException) {
      kind = "connection refused";
    } else if (e instanceof UnknownHostException) {
      kind = "unknown host";
    } else if (e instanceof org.apache.hc.core5.http.NoHttpResponseException) {
      kind = "server closed the connection without a response";
    } else if (e instanceof java.net.SocketException) {
      kind = "connection reset";
    } else if (e instanceof org.apache.hc.core5.http.ConnectionClosedException
        || e instanceof org.apache.hc.core5.http.MalformedChunkCodingException) {
      kind = "connection closed before the response was complete";
    } else if (e instanceof org.apache.hc.client5.http.ClientProtocolException) {
      kind = "not a valid HTTP response";
    } else if (e instanceof javax.net.ssl.SSLException) {
      kind = "TLS failure";
    } else {
      kind = "I/O error";
    }
    return kind + " (" + e.getClass().getSimpleName() + ")";
  }

  /** The response's headers by lower-cased name, as a map made only if read whole (ApiResponse keeps it as is). */
  private static Map<String, List<String>> headers(ClassicHttpResponse response) {
    return new ResponseHeaders(response.getHeaders());
  }

  static boolean isJson(String contentType) {
    int semicolon = contentType.indexOf(';');
    String mime = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return mime.equalsIgnoreCase("application/json")
        || mime.regionMatches(true, mime.length() - "+json".length(), "+json", 0, "+json".length());
  }

  private static final java.util.regex.Pattern QUALIFIED = java.util.regex.Pattern.compile("[\\w.]+\\.(\\w+)");

  private static String simpleName(TypeReference<?> type) {
    return QUALIFIED.matcher(type.getType().getTypeName()).replaceAll("$1");
  }

  /** Where in the document Jackson failed, e.g. {@code " at items[0].status"}; "" when it does not say. */
  static String jsonPath(Exception e) {
    String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? JsonPaths.of(m) : "";
    return path.isEmpty() ? "" : " at " + path;
  }

  private static String firstLine(Exception e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }

  private static Timeout timeout(Duration d) {
    return Timeout.ofMilliseconds(d.toMillis());
  }

  /**
   * Drops the connection under {@code response} without reading what is left of its body (HttpClient's
   * {@code executeOpen} always returns a {@link ModalCloseable} response).
   */
  private static void abort(ClassicHttpResponse response) {
    ((ModalCloseable) response).close(CloseMode.IMMEDIATE);
  }

  /**
   * Closes the pool: connections in use are dropped at once, so calls in flight (and open downloads) end with a
   * {@link ClientClosedException}; calls waiting to retry wake up and end the same way; later calls fail with it
   * before sending anything. Idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      closing.countDown();
      http.close(CloseMode.IMMEDIATE);
    }
  }
}
