package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadersTest {
  @ParameterizedTest
  @ValueSource(strings = {"X-Trace", "a", "Z9", "x!#$%&'*+-.^_`|~"})
  void tokens(String name) {
    assertNull(Headers.problem(name, "v"), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a:b", "a\"b", "a(b)", "é", "a/b", "a@b", "a{b}", "a[b]", "a=b", "a,b", "a;b",
      "a?b", "a\\b", "\t"})
  void notTokens(String name) {
    assertEquals("is not a valid header name", Headers.problem(name, "v"), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Host", "content-length", "Transfer-Encoding", "CONNECTION", "keep-alive", "Upgrade", "TE",
      "Trailer", "Expect", "Proxy-Authorization", "Proxy-Connection"})
  void reserved(String name) {
    assertEquals("is set by the HTTP client and cannot be given per call", Headers.problem(name, "v"));
  }

  @Test
  void values() {
    assertTrue(Headers.isValidValue(""));
    assertTrue(Headers.isValidValue(" a\tb ~!"));
    assertFalse(Headers.isValidValue(null));
    assertFalse(Headers.isValidValue("a\rb"));
    assertFalse(Headers.isValidValue("a\nb"));
    assertFalse(Headers.isValidValue("a\u0000"));
    assertFalse(Headers.isValidValue("\u001f"));
    assertFalse(Headers.isValidValue("\u007f"));
    assertFalse(Headers.isValidValue("é"));
    assertEquals("must be printable ASCII without line breaks", Headers.problem("X-A", "a\r\nb"));
    assertNull(Headers.problem("X-A", "~"));
  }

  @Test
  void nullNameIsNotAToken() {
    assertFalse(Headers.isToken(null));
    assertTrue(Headers.isToken("0"));
    assertTrue(Headers.isToken("z"));
    assertTrue(Headers.isToken("A"));
    assertTrue(Headers.isToken("9"));
    assertFalse(Headers.isToken("/"));
    assertFalse(Headers.isToken(":"));
    assertFalse(Headers.isToken("@"));
    assertFalse(Headers.isToken("["));
    assertFalse(Headers.isToken("`x".substring(1) + "{"));
  }
}
