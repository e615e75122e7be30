package dev.sttclients.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared mapper reads one meaning or fails: no duplicates, nothing after the document, no scalar coercion. */
class JsonTest {
  enum Kind {
    A("a"), UNKNOWN_DEFAULT_OPEN_API("unknown_default_open_api");

    private final String value;

    Kind(String value) {
      this.value = value;
    }

    @JsonValue
    public String getValue() {
      return value;
    }

    @JsonCreator
    public static Kind fromValue(String value) {
      return "a".equals(value) ? A : UNKNOWN_DEFAULT_OPEN_API;
    }
  }

  static final class Model {
    @JsonProperty("i") public Integer i;
    @JsonProperty("l") public Long l;
    @JsonProperty("d") public Double d;
    @JsonProperty("b") public Boolean b;
    @JsonProperty("s") public String s;
    @JsonProperty("k") public Kind k;
    @JsonProperty("t") public OffsetDateTime t;
  }

  private static Model read(String json) throws JsonProcessingException {
    return Json.mapper().readValue(json, Model.class);
  }

  @Test
  void wellTypedValuesAreRead() throws Exception {
    Model m = read("{\"i\":2,\"l\":3,\"d\":2.5,\"b\":true,\"s\":\"x\",\"k\":\"a\",\"t\":\"2024-01-01T00:00:00Z\","
        + "\"unknown\":{\"deep\":[1]}}");
    assertEquals(2, m.i);
    assertEquals(3L, m.l);
    assertEquals(2.5, m.d);
    assertEquals(true, m.b);
    assertEquals("x", m.s);
    assertEquals(Kind.A, m.k);
    assertEquals("2024-01-01T00:00Z", m.t.toString());
    assertEquals(2.0, read("{\"d\":2}").d, "an integer is a number");
    assertEquals(Kind.UNKNOWN_DEFAULT_OPEN_API, read("{\"k\":\"zzz\"}").k, "enums stay open to new strings");
    assertEquals(null, read("{\"i\":null,\"k\":null}").k);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"i\":\"2\"}", "{\"i\":2.5}", "{\"i\":2.0}", "{\"i\":true}", "{\"l\":\"3\"}", "{\"d\":\"2.5\"}",
      "{\"d\":true}", "{\"b\":\"true\"}", "{\"b\":1}", "{\"s\":2}", "{\"s\":2.5}", "{\"s\":true}", "{\"k\":2}",
      "{\"k\":true}", "{\"k\":2.5}", "{\"i\":1,\"i\":2}", "{\"i\":1} {}", "{\"i\":1}x", "{\"i\":1}]",
      "{\"i\":99999999999}"})
  void illTypedOrAmbiguousDocumentsFail(String json) {
    assertThrows(JsonProcessingException.class, () -> read(json), json);
  }

  @Test
  void duplicateKeysFailInTreesToo() {
    assertThrows(JsonProcessingException.class, () -> Json.mapper().readTree("{\"a\":1,\"a\":2}"));
  }

  @Test
  void writingLeavesNullsAndEmptyMapsOut() throws Exception {
    Model m = new Model();
    m.s = "x";
    m.t = OffsetDateTime.parse("2024-01-01T00:00:00Z");
    assertEquals("{\"s\":\"x\",\"t\":\"2024-01-01T00:00:00Z\"}", Json.mapper().writeValueAsString(m));
    assertEquals("{}", Json.mapper().writeValueAsString(Map.of()));
  }
}
