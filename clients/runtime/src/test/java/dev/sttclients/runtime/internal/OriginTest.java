package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginTest {
  private static Origin of(String uri) {
    return Origin.of(URI.create(uri));
  }

  @Test
  void theDefaultPortIsFilledIn() {
    assertEquals(new Origin("https", "api.gladia.io", 443), of("https://api.gladia.io"));
    assertEquals(new Origin("http", "api.gladia.io", 80), of("http://api.gladia.io/v2"));
    assertEquals(of("https://api.gladia.io"), of("https://api.gladia.io:443/x?y"));
    assertEquals(of("http://h"), of("http://h:80"));
  }

  @Test
  void schemeHostAndPortEachMakeAnotherOrigin() {
    assertNotEquals(of("http://h:443"), of("https://h:443"));
    assertNotEquals(of("https://h"), of("https://h:8443"));
    assertNotEquals(of("https://h"), of("https://g"));
    assertNotEquals(of("http://h"), of("https://h"));
    assertEquals(of("HTTPS://API.Gladia.IO"), of("https://api.gladia.io"));
  }

  @Test
  void ipv6HostsLoseTheirBrackets() {
    assertEquals(new Origin("http", "::1", 8080), of("http://[::1]:8080"));
    assertEquals("http://[::1]:8080", of("http://[::1]:8080").toString());
    assertEquals("https://api.gladia.io:443", of("https://api.gladia.io").toString());
  }

  @Test
  void httpsIsHttps() {
    assertTrue(of("https://h").isHttps());
    assertFalse(of("http://h").isHttps());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost", "http://LOCALHOST:1", "http://a.localhost", "http://127.0.0.1",
      "http://127.255.255.255", "http://127.0.0.9:9", "http://[::1]", "http://[0:0:0:0:0:0:0:1]"})
  void loopback(String uri) {
    assertTrue(of(uri).isLoopback(), uri);
  }

  @ParameterizedTest
  @ValueSource(strings = {"128.0.0.1", "10.0.0.1", "127.0.0.256", "127.0.0", "127.0.0.1.5", "127.a.0.1",
      "localhost.example.com", "127.0.0.1.nip.io", "0.0.0.0", "::2", "1127.0.0.1", "127.0.0.1234", "127..0.1",
      "127.0.0.-1", "localhostx", "xlocalhost"})
  void notLoopback(String host) {
    assertFalse(new Origin("http", host, 80).isLoopback(), host);
  }
}
