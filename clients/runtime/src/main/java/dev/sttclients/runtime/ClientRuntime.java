package dev.sttclients.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.ContractViolationException;
import dev.sttclients.runtime.errors.MalformedResponseException;
import dev.sttclients.runtime.errors.RequestTimeoutException;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.SttException;
import dev.sttclients.runtime.errors.Violation;
import dev.sttclients.runtime.internal.BeanChecks;
import dev.sttclients.runtime.internal.ErrorTable;
import dev.sttclients.runtime.internal.OperationRequest;
import dev.sttclients.runtime.internal.PercentEncoding;
import dev.sttclients.runtime.internal.QuietConnectionFactory;
import dev.sttclients.runtime.internal.RequestBodies;
import dev.sttclients.runtime.internal.UnknownEnums;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.DeadlineTimeoutException;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine under every generated API class: one Apache HttpClient 5 with a sized pool and finite
 * timeouts, request validation, auth, the retry loop, response parsing and the error table.
 * Generated code calls {@link #validate} and {@link #execute}; users never need this class.
 * Thread-safe.
 */
public final class ClientRuntime implements AutoCloseable {
  private static final Logger HTTP_LOG = LoggerFactory.getLogger("dev.sttclients.http");
  private static final Logger RETRY_LOG = LoggerFactory.getLogger("dev.sttclients.retry");
  private static final Logger JSON_LOG = LoggerFactory.getLogger("dev.sttclients.json");
  /** Headers whose values are never logged, whatever the vendor's auth scheme. */
  private static final java.util.Set<String> SENSITIVE_HEADERS =
      java.util.Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");
  private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;
  /** Context attribute of a request that must go without credentials (an external URL such as a presigned upload). */
  private static final String NO_CREDENTIALS = "dev.sttclients.no-credentials";
  /** HttpClient's logger that prints every request line, query string included, at DEBUG. */
  private static final String REQUEST_LINE_LOGGER = "org.apache.hc.client5.http.impl.classic.MainClientExec";
  /** How much of a text download {@link #readText} keeps by default: far more than any transcript. */
  public static final long DEFAULT_MAX_TEXT_BYTES = 16L * 1024 * 1024;

  private final ClientConfig config;
  private final CloseableHttpClient http;
  private final ErrorTable errors;
  private final AtomicBoolean closed = new AtomicBoolean();

  ClientRuntime(ClientConfig config) {
    this.config = config;
    this.errors = new ErrorTable(config.vendor());
    PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
        .setConnectionFactory(QuietConnectionFactory.INSTANCE)
        .setMaxConnTotal(config.maxConnections())
        .setMaxConnPerRoute(config.maxConnections())
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(timeout(config.connectTimeout()))
            .setSocketTimeout(timeout(config.responseTimeout()))
            .setValidateAfterInactivity(TimeValue.ofSeconds(2))
            .build())
        .build();
    URI base = config.baseUrl();
    this.http = HttpClients.custom()
        .setConnectionManager(pool)
        .setDefaultRequestConfig(RequestConfig.custom()
            .setConnectionRequestTimeout(timeout(config.connectionRequestTimeout()))
            .setResponseTimeout(timeout(config.responseTimeout()))
            .setMaxRedirects(5)
            .build())
        .disableAutomaticRetries() // the runtime's own loop decides what is safe to retry
        .disableCookieManagement()
        .setUserAgent(config.userAgent())
        // The credential goes only to the configured origin (scheme, host, port), also across redirects, and never
        // with a request to an external URL (a presigned upload), whatever its host.
        .addRequestInterceptorLast((request, entity, context) -> {
          if (config.auth().location() == AuthScheme.Location.HEADER) {
            if (context.getAttribute(NO_CREDENTIALS) == null
                && request.getAuthority() != null
                && base.getScheme().equalsIgnoreCase(request.getScheme())
                && request.getAuthority().getHostName().equalsIgnoreCase(base.getHost())
                && request.getAuthority().getPort() == base.getPort()) {
              request.setHeader(config.auth().name(), config.auth().prefix() + config.credential().reveal());
            } else {
              request.removeHeaders(config.auth().name());
            }
          }
        })
        // What is sent, headers included, with every credential replaced by ****: the safe alternative to
        // HttpClient's own header log (which QuietConnectionFactory keeps silent).
        .addRequestInterceptorLast((request, entity, context) -> {
          if (HTTP_LOG.isTraceEnabled()) {
            String uri = request.getRequestUri();
            if (context.getAttribute(NO_CREDENTIALS) != null && uri.indexOf('?') >= 0) {
              uri = uri.substring(0, uri.indexOf('?')) + "?****"; // a presigned URL's query is its credential
            }
            HTTP_LOG.trace("-> {} {} {}{} headers {}", config.vendor().name(), request.getMethod(),
                request.getAuthority(), redact(uri), redact(request.getHeaders()));
          }
        })
        .build();
    warnIfRequestLinesAreLogged(config);
  }

  private static void warnIfRequestLinesAreLogged(ClientConfig config) {
    if (config.auth().location() == AuthScheme.Location.QUERY
        && LoggerFactory.getLogger(REQUEST_LINE_LOGGER).isDebugEnabled()) {
      HTTP_LOG.warn("{}: the API key goes in the query string and {} logs request lines at DEBUG:"
          + " set that logger to INFO to keep the key out of the log", config.vendor().name(), REQUEST_LINE_LOGGER);
    }
  }

  public ClientConfig config() {
    return config;
  }

  /**
   * Checks the arguments of a generated API method against the spec's constraints before anything is sent.
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

  /**
   * Sends the request (with retries) and parses the response into {@code type}: null for no body,
   * {@link BinaryResponse} for a streamed binary body (the caller closes it), otherwise JSON.
   *
   * <p>One attempt is: send, receive the status and headers, read the whole body (except a streamed binary
   * one), close the response. An attempt that fails at the I/O level (including while reading the body) or
   * with a retryable status is retried as {@link RetryPolicy} describes; every response is closed on every path.
   */
  public <T> ApiResponse<T> execute(OperationRequest request, TypeReference<T> type, RequestOptions options) {
    if (closed.get()) {
      throw new IllegalStateException(config.vendor().name() + " client is closed");
    }
    RequestOptions opts = options == null ? RequestOptions.none() : options;
    RetryPolicy policy = config.retryPolicy();
    int maxAttempts = opts.maxRetries().orElse(policy.maxRetries()) + 1;
    boolean binary = type != null && type.getType() == BinaryResponse.class;
    // Checks uploads (RequestValidationException, nothing sent); a streamed body is never resent once read.
    RequestBodies.Prepared body = RequestBodies.prepare(config.vendor().name(), request);
    for (int attempt = 1; ; attempt++) {
      boolean mayRetry = attempt < maxAttempts && !closed.get();
      long started = System.nanoTime();
      HTTP_LOG.debug("-> {} {} {} {} attempt {}", config.vendor().name(), request.operationId(), request.method(),
          request.path(), attempt);
      ClassicHttpResponse response;
      try {
        response = http.executeOpen(null, buildHttpRequest(request, body.entity(), opts), context(request, opts));
      } catch (IOException e) {
        if (mayRetry && (request.idempotent() || neverSent(e)) && body.replayable()
            && !(e instanceof BinaryBody.SourceException)) {
          backoff(request, attempt, maxAttempts, describe(e), policy.backoff(attempt));
          continue;
        }
        throw ioFailure(request, null, e, attempt);
      }
      int status = response.getCode();
      Map<String, List<String>> headers = headers(response);
      HTTP_LOG.debug("<- {} {} HTTP {} in {} ms", config.vendor().name(), request.operationId(), status,
          (System.nanoTime() - started) / 1_000_000);
      if (HTTP_LOG.isTraceEnabled()) {
        HTTP_LOG.trace("<- {} {} headers {}", config.vendor().name(), request.operationId(),
            redact(response.getHeaders()));
      }
      boolean success = status >= 200 && status < 300;
      if (success && binary) {
        return binary(request, response, status, headers, attempt);
      }
      Duration retryAfter = success ? null : ErrorTable.retryAfter(status, headers);
      boolean retryStatus = !success && mayRetry && request.idempotent() && body.replayable()
          && ErrorTable.retryableStatus(status)
          && (retryAfter == null || retryAfter.compareTo(policy.maxRetryAfter()) <= 0);
      Duration delay = retryAfter != null ? retryAfter : policy.backoff(attempt);
      byte[] bytes = null;
      String raw = null;
      try (response) {
        HttpEntity entity = response.getEntity();
        if (retryStatus || (success && type == null)) {
          EntityUtils.consume(entity); // read to the end so that the connection can be reused
        } else if (success) {
          bytes = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
        } else {
          raw = readBounded(entity);
        }
      } catch (IOException e) {
        if (mayRetry && request.idempotent() && body.replayable()) {
          backoff(request, attempt, maxAttempts, "HTTP " + status + ", then " + describe(e) + " reading the body",
              delay);
          continue;
        }
        throw ioFailure(request, status, e, attempt);
      }
      if (retryStatus) {
        backoff(request, attempt, maxAttempts, "HTTP " + status, delay);
        continue;
      }
      if (!success) {
        throw errors.toException(request.operationId(), status, headers, raw, retryAfter, attempt);
      }
      return success(request, type, status, headers, bytes, attempt);
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
    OperationRequest request = OperationRequest.builder(operationId, "GET", target.getRawPath() == null ? "/"
        : target.getRawPath()).externalUrl(target).accept("*/*").build();
    return execute(request, new TypeReference<BinaryResponse>() {}, options);
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

  private <T> ApiResponse<T> binary(OperationRequest request, ClassicHttpResponse response, int status,
      Map<String, List<String>> headers, int attempt) {
    InputStream in;
    try {
      HttpEntity entity = response.getEntity();
      in = entity == null ? InputStream.nullInputStream() : entity.getContent();
    } catch (IOException | RuntimeException e) {
      closeQuietly(response);
      throw ioFailure(request, status, e instanceof IOException io ? io : new IOException(e), attempt);
    }
    InputStream body = in;
    // Closing before the end drops the connection; a plain close would first read the rest of the body.
    AutoCloseable onClose = () -> {
      try (response) {
        if (body instanceof org.apache.hc.core5.http.io.EofSensorInputStream sensor) {
          sensor.abort(); // no-op once the body was read to its end (the connection is then back in the pool)
        }
      }
    };
    @SuppressWarnings("unchecked")
    T value = (T) new BinaryResponse(status, headers, in, onClose);
    return new ApiResponse<>(status, headers, errors.requestIdFromHeaders(headers), attempt, value);
  }

  private <T> ApiResponse<T> success(OperationRequest request, TypeReference<T> type, int status,
      Map<String, List<String>> headers, byte[] bytes, int attempt) {
    String requestId = errors.requestIdFromHeaders(headers);
    if (type == null) {
      return new ApiResponse<>(status, headers, requestId, attempt, null);
    }
    Map<String, String> unknownEnums = new LinkedHashMap<>();
    T value = parse(request, type, status, headers, bytes, attempt, unknownEnums);
    if (!unknownEnums.isEmpty()) {
      JSON_LOG.debug("{} {}: enum values the spec does not list (kept as UNKNOWN_DEFAULT_OPEN_API): {}",
          config.vendor().name(), request.operationId(), unknownEnums);
    }
    // Strict mode checks documented constraints. Enums are open by design (a vendor may add a status): an
    // unknown value is not a violation, even here; it is UNKNOWN_DEFAULT_OPEN_API plus unknownEnumValues().
    if (config.strictResponseValidation()) {
      List<Violation> violations = BeanChecks.checkBean(value);
      if (!violations.isEmpty()) {
        throw new ContractViolationException(config.vendor().name(), request.operationId(), attempt, violations,
            value);
      }
    }
    return new ApiResponse<>(status, headers, requestId, attempt, value, unknownEnums);
  }

  private <T> T parse(OperationRequest request, TypeReference<T> type, int status, Map<String, List<String>> headers,
      byte[] bytes, int attempt, Map<String, String> unknownEnums) {
    String expected = "a JSON " + simpleName(type) + " body";
    String contentType = headers.getOrDefault("content-type", List.of("")).get(0);
    String what = null;
    if (bytes.length == 0) {
      what = "an empty body";
    } else if (!contentType.isEmpty() && !isJson(contentType)) {
      what = "content type '" + contentType + "'";
    }
    T value = null;
    Exception cause = null;
    if (what == null) {
      try {
        ObjectMapper mapper = Json.mapper();
        value = mapper.readerFor(mapper.getTypeFactory().constructType(type))
            .withAttribute(UnknownEnums.ATTRIBUTE, unknownEnums)
            .readValue(bytes);
        if (value == null) {
          what = "JSON null";
        }
      } catch (IOException | RuntimeException e) {
        cause = e;
        what = "unreadable JSON (" + firstLine(e) + ")";
      }
    }
    if (what != null) {
      String raw = new String(bytes, 0, Math.min(bytes.length, MAX_ERROR_BODY_BYTES), StandardCharsets.UTF_8);
      throw new MalformedResponseException(config.vendor().name(), config.vendor().name() + " "
          + request.operationId() + ": HTTP " + status + " expected " + expected + ", got " + what, attempt, status,
          headers, raw, cause);
    }
    return value;
  }

  private SttException ioFailure(OperationRequest request, Integer status, IOException e, int attempt) {
    String what = status == null ? describe(e) : "HTTP " + status + ", then " + describe(e) + " reading the body";
    String msg = config.vendor().name() + " " + request.operationId() + ": " + what + " (" + request.method() + " "
        + request.path() + ") after " + attempt + (attempt == 1 ? " attempt" : " attempts");
    return isTimeout(e)
        ? new RequestTimeoutException(config.vendor().name(), msg, attempt, e)
        : new ConnectionException(config.vendor().name(), msg, attempt, e);
  }

  private org.apache.hc.core5.http.ClassicHttpRequest buildHttpRequest(OperationRequest request, HttpEntity body,
      RequestOptions opts) {
    StringBuilder url = new StringBuilder(request.externalUrl() != null ? request.externalUrl().toString()
        : config.baseUrl().toString() + request.path());
    String query = request.query();
    if (config.auth().location() == AuthScheme.Location.QUERY && request.externalUrl() == null) {
      String auth = PercentEncoding.query(config.auth().name()) + "="
          + PercentEncoding.query(config.credential().reveal());
      query = query.isEmpty() ? auth : query + "&" + auth;
    }
    if (!query.isEmpty()) {
      url.append(url.indexOf("?") < 0 ? '?' : '&').append(query);
    }
    ClassicRequestBuilder b = ClassicRequestBuilder.create(request.method()).setUri(URI.create(url.toString()));
    b.setHeader("Accept", request.accept() == null ? "application/json" : request.accept());
    request.headers().forEach(b::setHeader);
    opts.headers().forEach(b::setHeader);
    if (body != null) {
      b.setEntity(body);
    }
    return b.build();
  }

  private HttpClientContext context(OperationRequest request, RequestOptions opts) {
    HttpClientContext ctx = HttpClientContext.create();
    if (request.externalUrl() != null) {
      ctx.setAttribute(NO_CREDENTIALS, Boolean.TRUE);
    }
    opts.responseTimeout().ifPresent(t -> ctx.setRequestConfig(RequestConfig.custom()
        .setConnectionRequestTimeout(timeout(config.connectionRequestTimeout()))
        .setResponseTimeout(timeout(t))
        .setMaxRedirects(5)
        .build()));
    return ctx;
  }

  private void backoff(OperationRequest request, int attempt, int maxAttempts, String reason, Duration delay) {
    RetryEvent event = new RetryEvent(config.vendor().name(), request.operationId(), request.method(), request.path(),
        attempt, maxAttempts, reason, delay);
    RETRY_LOG.info("{}", event);
    if (config.retryListener() != null) {
      config.retryListener().onRetry(event);
    }
    try {
      config.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionException(config.vendor().name(), config.vendor().name() + " " + request.operationId()
          + ": interrupted while waiting to retry", attempt, e);
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

  /** {@code s} with the credential (plain or percent-encoded) replaced by ****. */
  String redact(String s) {
    if (s == null) {
      return null;
    }
    String secret = config.credential().reveal();
    return s.replace(secret, "****").replace(PercentEncoding.query(secret), "****");
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
      sb.append(h.getName()).append(": ").append(sensitive ? "****" : redact(h.getValue()));
    }
    return sb.append(']').toString();
  }

  private static String describe(IOException e) {
    if (e instanceof BinaryBody.SourceException) {
      return "the request body could not be sent as declared: " + e.getMessage();
    }
    String kind;
    if (e instanceof ConnectTimeoutException) {
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
    } else {
      kind = "I/O error";
    }
    return kind + " (" + e.getClass().getSimpleName() + ")";
  }

  private static Map<String, List<String>> headers(ClassicHttpResponse response) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Header h : response.getHeaders()) {
      out.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
    }
    return out;
  }

  private static String readBounded(HttpEntity entity) throws IOException {
    if (entity == null) {
      return "";
    }
    try (InputStream in = entity.getContent()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while (out.size() < MAX_ERROR_BODY_BYTES && (n = in.read(buf, 0, Math.min(buf.length,
          MAX_ERROR_BODY_BYTES - out.size()))) > 0) {
        out.write(buf, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  static boolean isJson(String contentType) {
    String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mime.equals("application/json") || mime.endsWith("+json");
  }

  private static String simpleName(TypeReference<?> type) {
    String name = type.getType().getTypeName();
    return name.replaceAll("[\\w.]+\\.(\\w+)", "$1");
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static Timeout timeout(Duration d) {
    return Timeout.ofMilliseconds(d.toMillis());
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException ignored) {
      // already failing
    }
  }

  /** Closes the pool: in-flight downloads are aborted, later calls fail. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      http.close(CloseMode.GRACEFUL);
    }
  }

}
