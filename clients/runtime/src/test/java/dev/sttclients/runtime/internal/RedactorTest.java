package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private static final String KEY = "k/e y\"1";
  private final Redactor redactor = new Redactor(KEY, null, "", "proxy-pass");

  @Test
  void everyFormOfEverySecretIsMasked() {
    assertEquals("a **** b", redactor.redact("a " + KEY + " b"));
    assertEquals("q=****&x", redactor.redact("q=k%2Fe%20y%221&x"));
    assertEquals("{\"m\":\"****\"}", redactor.redact("{\"m\":\"k/e y\\\"1\"}"));
    assertEquals("****:****", redactor.redact(KEY + ":proxy-pass"));
    assertEquals("nothing here", redactor.redact("nothing here"));
    assertNull(redactor.redact((String) null));
  }

  @Test
  void aSecretInsideALongerOneLeavesNothingOfTheLonger() {
    assertEquals("[****]", new Redactor("ab", "abc").redact("[abc]"));
    assertEquals("[****]", new Redactor("abc", "ab").redact("[abc]"));
  }

  @Test
  void leaksSaysWhetherASecretIsThere() {
    assertTrue(redactor.leaks("x" + KEY));
    assertTrue(redactor.leaks("k%2Fe%20y%221"));
    assertTrue(redactor.leaks("proxy-pass"));
    assertFalse(redactor.leaks("k/e y"));
    assertFalse(redactor.leaks(null));
    assertFalse(new Redactor().leaks("anything"));
  }

  @Test
  void headerValuesAreMaskedNamesKept() {
    Map<String, List<String>> out = redactor.redact(Map.of("x-echo", List.of(KEY, "plain")));
    assertEquals(Map.of("x-echo", List.of("****", "plain")), out);
  }

  @Test
  void aCleanThrowableIsKeptAsItIs() {
    IOException clean = new IOException("connection reset", new IllegalStateException("inner"));
    assertSame(clean, redactor.sanitize(clean));
    assertNull(redactor.sanitize(null));
  }

  @Test
  void aThrowableWithASecretIsCopiedWithMaskedMessagesAndTheSameStack() {
    IllegalStateException inner = new IllegalStateException("token " + KEY);
    IOException outer = new IOException("failed", inner);
    Throwable t = redactor.sanitize(outer);
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    assertFalse(w.toString().contains(KEY), w.toString());
    assertEquals("java.io.IOException: failed", t.getMessage());
    assertEquals("java.lang.IllegalStateException: token ****", t.getCause().getMessage());
    assertEquals(outer.getStackTrace()[0], t.getStackTrace()[0]);
    assertNull(t.getCause().getCause());
  }
}
