package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PercentEncodingTest {

  @Test
  void pathSegmentEncodesEverythingThatCouldLeaveTheSegment() {
    assertEquals("%2E%2E%2Fadmin", PercentEncoding.pathSegment("../admin"));
    assertEquals("a%2Fb", PercentEncoding.pathSegment("a/b"));
    assertEquals("a%3Fx%3D1", PercentEncoding.pathSegment("a?x=1"));
    assertEquals("a%23frag", PercentEncoding.pathSegment("a#frag"));
    assertEquals("a%20b", PercentEncoding.pathSegment("a b"));
    assertEquals("%2E", PercentEncoding.pathSegment("."));
    assertEquals("a%5Cb", PercentEncoding.pathSegment("a\\b"));
    assertEquals("%25252F", PercentEncoding.pathSegment("%252F"));
    assertEquals("caf%C3%A9", PercentEncoding.pathSegment("café"));
    assertEquals("Az09-_~", PercentEncoding.pathSegment("Az09-_~"));
  }

  @Test
  void queryKeepsDotsAndEncodesDelimiters() {
    assertEquals("a.b", PercentEncoding.query("a.b"));
    assertEquals("a%26b%3Dc%2Bd%20e", PercentEncoding.query("a&b=c+d e"));
  }

  @Test
  void hostileIdsStayInsideTheirSegment() {
    // Expected segments written by hand, not computed with the encoder under test.
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put("../../v1/admin", "%2E%2E%2F%2E%2E%2Fv1%2Fadmin");
    expected.put("x/../../y", "x%2F%2E%2E%2F%2E%2E%2Fy");
    expected.put("a?b=c", "a%3Fb%3Dc");
    expected.put("a#b", "a%23b");
    expected.put("a b", "a%20b");
    expected.put("..", "%2E%2E");
    expected.put("/", "%2F");
    expected.put("%2e%2e", "%252e%252e");
    expected.forEach((id, segment) -> {
      String path = OperationRequest.builder("get", "GET", "/v2/jobs/{id}/file").pathParam("id", id).build().path();
      URI uri = URI.create("http://127.0.0.1" + path).normalize();
      assertEquals("/v2/jobs/" + segment + "/file", uri.getRawPath(), id);
      assertTrue(uri.getRawPath().startsWith("/v2/jobs/") && uri.getRawPath().endsWith("/file"), id);
      assertEquals(null, uri.getRawQuery(), id);
      assertEquals(null, uri.getRawFragment(), id);
      assertEquals(id, uri.getPath().substring("/v2/jobs/".length(), uri.getPath().length() - "/file".length()));
    });
  }

  @Test
  void queryParametersAreEncodedExplodedAndDeep() {
    OperationRequest r = OperationRequest.builder("list", "GET", "/v2/jobs")
        .queryParam("status", List.of("done", "error"), true)
        .queryParam("tags", List.of("a", "b c"), false)
        .queryParam("q", "x&y=z#", true)
        .queryParam("absent", null, true)
        .deepObjectQueryParam("custom_metadata", Map.of("user", "John Doe"))
        .build();
    // A non-exploded array (OpenAPI form style): values encoded, the separating commas literal.
    assertEquals("status=done&status=error&tags=a,b%20c&q=x%26y%3Dz%23&custom_metadata%5Buser%5D=John%20Doe",
        r.query());
    assertFalse(r.query().contains("absent"));
  }

  @Test
  void idempotentMethods() {
    for (String m : List.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS")) {
      assertTrue(OperationRequest.builder("x", m, "/").build().idempotent(), m);
    }
    for (String m : List.of("POST", "PATCH")) {
      assertFalse(OperationRequest.builder("x", m, "/").build().idempotent(), m);
    }
  }

  @Test
  void aPlaceholderWithoutAValueIsKeptAsWritten() {
    assertEquals("/v2/jobs/j%201/files/{file_id}/x", OperationRequest.builder("get", "GET",
        "/v2/jobs/{id}/files/{file_id}/x").pathParam("id", "j 1").build().path());
    assertEquals("/v2/{id}", OperationRequest.builder("get", "GET", "/v2/{id}").build().path());
  }

  @Test
  void anExternalRequestsPathIsItsUrlsPath() {
    assertEquals("/bucket/out%20put.json", OperationRequest.builder("getFile", "GET", "/ignored/{id}")
        .pathParam("id", "x").externalUrl(URI.create("https://files.example.com/bucket/out%20put.json?sig=abc"))
        .build().path());
    assertEquals("", OperationRequest.builder("getFile", "GET", "/")
        .externalUrl(URI.create("https://files.example.com")).build().path());
    assertEquals("", OperationRequest.builder("getFile", "GET", "/")
        .externalUrl(URI.create("urn:isbn:0451450523")).build().path());
  }
}
