package dev.sttclients.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small public value types, built inside the tests (not in static initialisers, where a mutant would hide). */
class ValueTypesTest {
  @Test
  void vendorProfiles() {
    AuthScheme auth = AuthScheme.header("x-key");
    VendorProfile p = VendorProfile.of("acme", "https://api.acme.test", auth);
    assertEquals(new VendorProfile("acme", "https://api.acme.test", auth, null, null, List.of(), null, null, null), p);
    VendorProfile full = p.withApiKeyEnvVar("ACME_KEY").withErrorBody(Map.class, "type", "message")
        .withRequestId("request_id", "x-request-id", "x-trace");
    assertEquals("ACME_KEY", full.apiKeyEnvVar());
    assertEquals(Map.class, full.errorBodyType());
    assertEquals("type", full.errorTypeField());
    assertEquals("message", full.messageField());
    assertEquals("request_id", full.requestIdField());
    assertEquals(List.of("x-request-id", "x-trace"), full.requestIdHeaders());
    assertEquals("acme", full.name());
    assertEquals(List.of(), new VendorProfile("a", "https://a", auth, null, null, null, null, null, null)
        .requestIdHeaders());
    assertThrows(NullPointerException.class, () -> VendorProfile.of(null, "https://a", auth));
    assertThrows(NullPointerException.class, () -> VendorProfile.of("a", null, auth));
    assertThrows(NullPointerException.class, () -> VendorProfile.of("a", "https://a", null));
  }

  @Test
  void authSchemes() {
    assertEquals(new AuthScheme(AuthScheme.Location.HEADER, "x-key", ""), AuthScheme.header("x-key"));
    assertEquals(new AuthScheme(AuthScheme.Location.HEADER, "Authorization", "ApiToken "),
        AuthScheme.header("Authorization", "ApiToken "));
    assertEquals(new AuthScheme(AuthScheme.Location.HEADER, "Authorization", "Bearer "), AuthScheme.bearer());
    assertEquals(new AuthScheme(AuthScheme.Location.QUERY, "api_token", ""), AuthScheme.query("api_token"));
    assertEquals("", new AuthScheme(AuthScheme.Location.HEADER, "k", null).prefix());
    assertThrows(NullPointerException.class, () -> new AuthScheme(null, "k", ""));
    assertThrows(NullPointerException.class, () -> new AuthScheme(AuthScheme.Location.HEADER, null, ""));
  }

  @Test
  void secrets() {
    Secret s = Secret.of("k-1");
    assertEquals("k-1", s.reveal());
    assertEquals("****", s.toString());
    assertEquals(Secret.of("k-1"), s);
    assertEquals(Secret.of("k-1").hashCode(), s.hashCode());
    assertEquals("k-1".hashCode(), s.hashCode());
    assertNotEquals(Secret.of("k-2"), s);
    assertNotEquals("k-1", s);
    assertEquals("credential is blank", assertThrows(IllegalArgumentException.class, () -> Secret.of(" \t"))
        .getMessage());
    assertThrows(NullPointerException.class, () -> Secret.of(null));
  }

  @Test
  void apiResponses() {
    ApiResponse<String> r = new ApiResponse<>(200, Map.of("x-request-id", List.of("R-1", "R-2"), "x-empty", List.of()),
        "R-1", 2, "body", Map.of("status", "archived"));
    assertEquals(Optional.of("R-1"), r.header("X-Request-Id"));
    assertEquals(Optional.empty(), r.header("x-empty"));
    assertEquals(Optional.empty(), r.header("x-missing"));
    assertEquals(Map.of("status", "archived"), r.unknownEnumValues());
    assertEquals(Map.of(), new ApiResponse<>(200, Map.of(), null, 1, null).unknownEnumValues());
    assertEquals(Map.of(), new ApiResponse<>(200, Map.of(), null, 1, null, null).unknownEnumValues());
  }

  @Test
  void anApiResponseKeepsACopyOfCallersHeadersAndTheRuntimesOwnAsTheyAre() {
    Map<String, List<String>> mine = new java.util.HashMap<>(Map.of("x-a", List.of("1")));
    ApiResponse<String> r = new ApiResponse<>(200, mine, null, 1, null);
    mine.put("x-b", List.of("2"));
    assertEquals(Map.of("x-a", List.of("1")), r.headers(), "a copy, not the caller's map");
    assertThrows(UnsupportedOperationException.class, () -> r.headers().put("x-c", List.of("3")));
    dev.sttclients.runtime.internal.ResponseHeaders lazy = new dev.sttclients.runtime.internal.ResponseHeaders(
        new org.apache.hc.core5.http.Header[] {new org.apache.hc.core5.http.message.BasicHeader("X-A", "1")});
    assertSame(lazy, new ApiResponse<>(200, lazy, null, 1, null).headers(), "immutable already: not copied");
  }

  @Test
  void requestOptions() {
    RequestOptions o = RequestOptions.builder().headers(Map.of("X-A", "1")).header("X-B", "2")
        .responseTimeout(Duration.ofSeconds(3)).callTimeout(Duration.ofSeconds(4)).maxRetries(1).build();
    assertEquals(Map.of("X-A", "1", "X-B", "2"), o.headers());
    RequestOptions copy = o.toBuilder().header("X-C", "3").build();
    assertEquals(Map.of("X-A", "1", "X-B", "2", "X-C", "3"), copy.headers());
    assertEquals(Optional.of(Duration.ofSeconds(3)), copy.responseTimeout());
    assertEquals(Optional.of(Duration.ofSeconds(4)), copy.callTimeout());
    assertEquals(Optional.of(1), copy.maxRetries());
    assertTrue(o.toString().startsWith("RequestOptions{headers=["), o.toString());
    assertTrue(o.toString().endsWith("], responseTimeout=PT3S, callTimeout=PT4S, maxRetries=1}"), o.toString());
    assertEquals("RequestOptions{headers=[], responseTimeout=null, callTimeout=null, maxRetries=null}",
        RequestOptions.none().toString());
    assertEquals(Optional.empty(), RequestOptions.builder().responseTimeout(null).callTimeout(null).build()
        .callTimeout());
    assertEquals(0, RequestOptions.builder().maxRetries(0).build().maxRetries().orElseThrow());
  }
}
