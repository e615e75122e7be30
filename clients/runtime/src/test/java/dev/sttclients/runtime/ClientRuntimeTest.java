package dev.sttclients.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.sttclients.runtime.errors.SttException;
import java.util.List;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

/** The runtime's small pure helpers; its behaviour on the wire is the fault suite's. */
class ClientRuntimeTest {
  static final class Item {
    public Integer count;
  }

  @Test
  void headersAreLoggedWithCredentialsMasked() {
    try (TestClient c = TestClient.builder().apiKey("key-123").build()) {
      Header[] headers = {new BasicHeader("Accept", "application/json"), new BasicHeader("x-key", "key-123"),
          new BasicHeader("X-KEY", "other"), new BasicHeader("Cookie", "a=b"), new BasicHeader("Set-Cookie", "c"),
          new BasicHeader("Authorization", "Basic x"), new BasicHeader("Proxy-Authorization", "y"),
          new BasicHeader("X-Api-Key", "z"), new BasicHeader("X-Echo", "the key is key-123")};
      assertEquals("[Accept: application/json, x-key: ****, X-KEY: ****, Cookie: ****, Set-Cookie: ****,"
          + " Authorization: ****, Proxy-Authorization: ****, X-Api-Key: ****, X-Echo: the key is ****]",
          c.rt().redact(headers));
      assertEquals("[]", c.rt().redact(new Header[0]));
    }
  }

  @Test
  void jsonPathsNameWhereReadingFailed() {
    JsonMappingException e = assertThrows(JsonMappingException.class, () -> Json.mapper().readValue(
        "{\"items\":[{\"count\":1},{\"count\":\"2\"}]}", new TypeReference<java.util.Map<String, List<Item>>>() {}));
    assertEquals(" at items[1].count", ClientRuntime.jsonPath(e));
    JsonMappingException top = assertThrows(JsonMappingException.class,
        () -> Json.mapper().readValue("[1, \"x\"]", new TypeReference<List<Integer>>() {}));
    assertEquals(" at [1]", ClientRuntime.jsonPath(top));
    JsonMappingException first = assertThrows(JsonMappingException.class,
        () -> Json.mapper().readValue("[\"x\"]", new TypeReference<List<Integer>>() {}));
    assertEquals(" at [0]", ClientRuntime.jsonPath(first));
    assertEquals("", ClientRuntime.jsonPath(new java.io.IOException("plain")));
    JsonMappingException root = assertThrows(JsonMappingException.class,
        () -> Json.mapper().readValue("\"x\"", Item.class));
    assertEquals("", ClientRuntime.jsonPath(root));
  }

  @Test
  void jsonContentTypes() {
    for (String yes : new String[] {"application/json", "APPLICATION/JSON; charset=utf-8", " application/json ",
        "application/problem+json", "text/x+json"}) {
      assertEquals(true, ClientRuntime.isJson(yes), yes);
    }
    // ";x+json": the media type is what comes before the first ';' (here nothing), not the whole value
    for (String no : new String[] {"text/json", "application/jsonl", "application/json-seq", "", "json", ";x+json"}) {
      assertEquals(false, ClientRuntime.isJson(no), no);
    }
  }

  /** The credential header is made once per client: sensitive for HttpClient, and its text never shows the key. */
  @Test
  void theCredentialHeaderIsSensitiveAndHidesItsValue() {
    ClientRuntime.SecretHeader h = new ClientRuntime.SecretHeader("x-gladia-key", "gk-secret-1");
    org.junit.jupiter.api.Assertions.assertTrue(h.isSensitive());
    assertEquals("x-gladia-key: ****", h.toString());
    assertEquals("gk-secret-1", h.getValue());
    assertEquals("x-gladia-key", h.getName());
  }

  private static ApiResponse<BinaryResponse> streamed(String contentType, java.io.InputStream body) {
    java.util.Map<String, List<String>> headers = contentType == null ? java.util.Map.of()
        : java.util.Map.of("content-type", List.of(contentType));
    return new ApiResponse<>(200, headers, null, 1, new BinaryResponse(200, headers, body, fullyRead -> { }, e -> null));
  }

  private static ApiResponse<BinaryResponse> streamed(String contentType, byte[] body) {
    return streamed(contentType, new java.io.ByteArrayInputStream(body));
  }

  /** A stream that fails on its first read. */
  private static java.io.InputStream failing(java.io.IOException e) {
    return new java.io.InputStream() {
      @Override
      public int read() throws java.io.IOException {
        throw e;
      }

      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        throw e;
      }
    };
  }

  @Test
  void readTextTakesUpToMaxBytesAndZeroIsAllowed() {
    try (TestClient c = TestClient.builder().apiKey("key-123").build()) {
      assertEquals("", c.rt().readText("getText", streamed(null, new byte[0]), 0));
      assertEquals("abc", c.rt().readText("getText", streamed("text/plain", "abc".getBytes(UTF_8)), 3));
      dev.sttclients.runtime.errors.MalformedResponseException e = assertThrows(
          dev.sttclients.runtime.errors.MalformedResponseException.class,
          () -> c.rt().readText("getText", streamed(null, "a".getBytes(UTF_8)), 0));
      assertEquals("acme getText: the body is longer than the 0 bytes allowed", e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> c.rt().readText("getText", streamed(null, new byte[0]), -1));
    }
  }

  @Test
  void readTextUsesTheDeclaredCharsetElseUtf8() {
    byte[] utf8 = "caf\u00e9".getBytes(UTF_8);
    try (TestClient c = TestClient.builder().apiKey("key-123").build()) {
      assertEquals("caf\u00e9", c.rt().readText("t", streamed("text/plain", utf8), 100));
      assertEquals("caf\u00c3\u00a9", c.rt().readText("t", streamed("text/plain; charset=ISO-8859-1", utf8), 100));
      assertEquals("caf\u00e9", c.rt().readText("t", streamed("text/plain; charset=x-no-such-charset", utf8), 100));
      assertEquals("caf\u00e9", c.rt().readText("t", streamed("text/plain; charset=\"bad name!\"", utf8), 100));
    }
  }

  @Test
  void aFailedReadOfTheTextIsTypedTimeoutOrConnection() {
    try (TestClient c = TestClient.builder().apiKey("key-123").build()) {
      var timeout = assertThrows(SttException.class, () -> c.rt().readText("t",
          streamed("text/plain", failing(new java.net.SocketTimeoutException("Read timed out"))), 100));
      assertEquals(dev.sttclients.runtime.errors.RequestTimeoutException.class, timeout.getClass());
      var reset = assertThrows(SttException.class, () -> c.rt().readText("t",
          streamed("text/plain", failing(new java.net.SocketException("Connection reset"))), 100));
      assertEquals(dev.sttclients.runtime.errors.ConnectionException.class, reset.getClass());
    }
  }

  private static String rejectedUrl(TestClient c, String url) {
    dev.sttclients.runtime.errors.RequestValidationException e = assertThrows(
        dev.sttclients.runtime.errors.RequestValidationException.class, () -> c.rt().externalUrl("getFile", url));
    assertEquals(1, e.violations().size());
    return e.violations().get(0).value() + " " + e.violations().get(0).rule();
  }

  /** An https client takes https links only; a client of a plain-http (local) server takes http too, nothing else. */
  @Test
  void externalUrlsMustBeHttpsOrHttpForAnHttpClient() {
    try (TestClient https = TestClient.builder().apiKey("key-123").build();
        TestClient http = TestClient.builder().apiKey("key-123").baseUrl("http://127.0.0.1:9").build()) {
      assertEquals("http://files.example.com/a.json must be an https URL",
          rejectedUrl(https, "http://files.example.com/a.json?sig=1"));
      assertEquals("ftp://files.example.com/a.json must be an https URL",
          rejectedUrl(https, "ftp://files.example.com/a.json"));
      assertEquals("ftp://files.example.com/a.json must be an http or https URL",
          rejectedUrl(http, "ftp://files.example.com/a.json"));
      assertEquals(java.net.URI.create("http://files.example.com/a.json"),
          http.rt().externalUrl("getFile", "http://files.example.com/a.json"));
    }
  }
}
