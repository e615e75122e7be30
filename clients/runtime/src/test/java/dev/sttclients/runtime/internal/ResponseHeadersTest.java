package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

/** The lazy header map reads as the map it stands for: lower-cased names, every value in order, immutable. */
class ResponseHeadersTest {
  private static final String[] NAMES = {"Content-Type", "content-type", "X-Request-Id", "x-request-id",
      "Set-Cookie", "RETRY-AFTER", "Date", "x-İd", "X-KELVIN-\u212A"};

  /** What the headers mean, made the plain way. */
  private static Map<String, List<String>> expected(Header[] headers) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (Header h : headers) {
      m.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
    }
    return m;
  }

  @Test
  void agreesWithThePlainMapOnRandomHeaders() {
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      Header[] headers = new Header[random.nextInt(8)];
      for (int k = 0; k < headers.length; k++) {
        headers[k] = new BasicHeader(NAMES[random.nextInt(NAMES.length)], "v" + k);
      }
      Map<String, List<String>> want = expected(headers);
      ResponseHeaders lazy = new ResponseHeaders(headers);
      for (String name : NAMES) { // before the map is made: read from the headers
        for (String key : new String[] {name, name.toLowerCase(Locale.ROOT)}) {
          assertEquals(want.get(key), lazy.get(key), key + " in " + want);
          assertEquals(want.containsKey(key), lazy.containsKey(key), key + " in " + want);
        }
      }
      assertEquals(want, lazy); // makes the map
      assertEquals(lazy, want);
      assertEquals(want.hashCode(), lazy.hashCode());
      assertEquals(want.size(), lazy.size());
      for (String name : NAMES) { // after: from the map
        assertEquals(want.get(name.toLowerCase(Locale.ROOT)), lazy.get(name.toLowerCase(Locale.ROOT)));
        assertEquals(want.get(name), lazy.get(name));
      }
    }
  }

  @Test
  void repeatedHeadersKeepEveryValueInOrderAndOtherKeysFindNothing() {
    ResponseHeaders lazy = new ResponseHeaders(new Header[] {new BasicHeader("Set-Cookie", "a"),
        new BasicHeader("Date", "d"), new BasicHeader("set-cookie", "b")});
    assertEquals(List.of("a", "b"), lazy.get("set-cookie"));
    assertNull(lazy.get("Set-Cookie"), "keys are lower case");
    assertNull(lazy.get(7));
    assertFalse(lazy.containsKey("expires"));
    assertTrue(lazy.containsKey("date"));
  }

  @Test
  void isImmutableBeforeAndAfterTheMapIsMade() {
    ResponseHeaders lazy = new ResponseHeaders(new Header[] {new BasicHeader("A", "1"), new BasicHeader("a", "2")});
    assertThrows(UnsupportedOperationException.class, () -> lazy.get("a").add("3"));
    assertThrows(UnsupportedOperationException.class, () -> lazy.put("b", List.of("1")));
    assertThrows(UnsupportedOperationException.class, () -> lazy.remove("a"));
    assertThrows(UnsupportedOperationException.class, () -> lazy.entrySet().clear());
    assertThrows(UnsupportedOperationException.class, () -> lazy.get("a").add("3"));
    assertEquals(Map.of("a", List.of("1", "2")), lazy);
  }
}
