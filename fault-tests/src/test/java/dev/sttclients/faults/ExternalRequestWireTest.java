package dev.sttclients.faults;

import static dev.sttclients.faults.Faults.API_KEY;
import static dev.sttclients.faults.Faults.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.RetryPolicy;
import dev.sttclients.runtime.errors.MalformedResponseException;
import dev.sttclients.runtime.errors.ResponseTooLargeException;
import dev.sttclients.runtime.internal.OperationRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Details of what goes on the wire and comes back, through the runtime every vendor shares, stated as bytes: the
 * query of a request to an external URL, repeated response headers, and the connection under a JSON body cut for its
 * size or unreadable.
 */
class ExternalRequestWireTest {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private static RawClient raw(RawServer server) {
    return RawClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl()).sleeper(d -> { })
        .retryPolicy(RetryPolicy.none()).responseTimeout(Duration.ofSeconds(5)).build();
  }

  /**
   * A server whose first response is {@code json} as one chunk of a chunked 200 that never ends (it waits for the
   * client to hang up), and whose later responses are {@code {}}.
   */
  private static RawServer chunkedOnceThenEmpty(String json) throws java.io.IOException {
    return new RawServer((n, head, s) -> {
      if (n == 1) {
        RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(json.length()) + "\r\n" + json + "\r\n");
        RawServer.awaitClientGone(s, Duration.ofSeconds(10));
      } else {
        RawServer.respond(s, 200, "application/json", "{}");
      }
    });
  }

  private static RawServer ok(String json) throws java.io.IOException {
    return new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json", json));
  }

  /**
   * An external URL (e.g. a presigned link) keeps its own query; the operation's query parameters follow it after
   * {@code &}, or start the query with {@code ?} when the URL has none. Never the credential.
   */
  @Test
  void anExternalUrlsQueryIsKeptAndTheOperationsQueryFollowsIt() throws Exception {
    try (RawServer server = ok("{}"); RawClient c = raw(server)) {
      c.rt().execute(OperationRequest.builder("getFile", "GET", "/")
          .externalUrl(URI.create(server.baseUrl() + "/bucket/f.json?X-Sig=a%2Bb&X-Exp=60"))
          .queryParam("part", 2, true).build(), OBJECT, RequestOptions.none());
      c.rt().execute(OperationRequest.builder("getFile", "GET", "/")
          .externalUrl(URI.create(server.baseUrl() + "/bucket/f.json"))
          .queryParam("part", 3, true).build(), OBJECT, RequestOptions.none());
      c.rt().execute(OperationRequest.builder("getFile", "GET", "/")
          .externalUrl(URI.create(server.baseUrl() + "/bucket/f.json?X-Sig=c")).build(), OBJECT,
          RequestOptions.none());
      assertEquals("GET /bucket/f.json?X-Sig=a%2Bb&X-Exp=60&part=2 HTTP/1.1", server.requestLine(0));
      assertEquals("GET /bucket/f.json?part=3 HTTP/1.1", server.requestLine(1));
      assertEquals("GET /bucket/f.json?X-Sig=c HTTP/1.1", server.requestLine(2));
      for (int i = 0; i < 3; i++) {
        assertFalse(server.head(i).toLowerCase(Locale.ROOT).contains("x-gladia-key"), server.head(i));
      }
    }
  }

  /** A header sent more than once keeps every value in order, under its lower-cased name, beside the others. */
  @Test
  void repeatedResponseHeadersKeepEveryValue() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.write(s, "HTTP/1.1 200 OK\r\n"
        + "Content-Type: application/json\r\nX-Rate: 1\r\nWarning: 199 - \"one\"\r\nx-rate: 2\r\n"
        + "X-RATE: 3\r\nContent-Length: 2\r\n\r\n{}"));
        RawClient c = raw(server)) {
      ApiResponse<Map<String, Object>> r = c.rt().execute(OperationRequest.builder("get", "GET", "/x").build(), OBJECT,
          RequestOptions.none());
      assertEquals(List.of("1", "2", "3"), r.headers().get("x-rate"));
      assertEquals(List.of("199 - \"one\""), r.headers().get("warning"));
      assertEquals(List.of("application/json"), r.headers().get("content-type"));
      assertEquals(List.of("2"), r.headers().get("content-length"));
      assertEquals(4, r.headers().size());
    }
  }

  /**
   * A JSON body without Content-Length that passes maxResponseSize is cut: the connection is dropped at once (not
   * left leased from the pool, not drained), and the next call gets a new one.
   */
  @Test
  void aJsonBodyCutForItsSizeDropsItsConnection() throws Exception {
    String big = "{\"pad\":\"" + "x".repeat(4096) + "\"}";
    try (RawServer server = chunkedOnceThenEmpty(big);
        RawClient c = RawClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl()).sleeper(d -> { })
        .retryPolicy(RetryPolicy.none()).maxResponseSize(1024).build()) {
      fails(ResponseTooLargeException.class, () -> c.rt().execute(OperationRequest.builder("get", "GET", "/big")
          .build(), OBJECT, RequestOptions.none()));
      assertEquals(0, c.rt().leasedConnections(), "the cut body's connection is still leased");
      assertEquals(0, server.awaitNoOpenConnections(Duration.ofSeconds(5)), "the connection was not dropped");
      assertEquals(Map.of(), c.rt().execute(OperationRequest.builder("get", "GET", "/small").build(), OBJECT,
          RequestOptions.none()).body());
      assertEquals(2, server.accepted());
    }
  }

  /**
   * A 200 whose JSON breaks early in a long body: the rest is not read (nor drained), the connection is dropped at once
   * and not left leased from the pool.
   */
  @Test
  void unreadableJsonDropsItsConnection() throws Exception {
    String broken = "{\"id\":]" + " ".repeat(32 * 1024);
    try (RawServer server = chunkedOnceThenEmpty(broken); RawClient c = raw(server)) {
      MalformedResponseException e = fails(MalformedResponseException.class, () -> c.rt().execute(
          OperationRequest.builder("get", "GET", "/broken").build(), OBJECT, RequestOptions.none()));
      assertEquals(200, e.statusCode());
      assertEquals(0, c.rt().leasedConnections(), "the unreadable body's connection is still leased");
      assertEquals(0, server.awaitNoOpenConnections(Duration.ofSeconds(5)), "the connection was not dropped");
      assertEquals(Map.of(), c.rt().execute(OperationRequest.builder("get", "GET", "/small").build(), OBJECT,
          RequestOptions.none()).body());
      assertEquals(2, server.accepted());
    }
  }
}
