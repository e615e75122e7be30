package dev.sttclients.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
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
    for (String no : new String[] {"text/json", "application/jsonl", "application/json-seq", "", "json"}) {
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
}
