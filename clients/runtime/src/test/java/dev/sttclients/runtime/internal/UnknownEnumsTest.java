package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.sttclients.runtime.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnknownEnumsTest {

  /** Shaped like a generated enum with enumUnknownDefaultCase. */
  enum Color {
    RED("red"), UNKNOWN_DEFAULT_OPEN_API("unknown_default_open_api");

    private final String value;

    Color(String value) {
      this.value = value;
    }

    @JsonValue
    public String getValue() {
      return value;
    }

    @JsonCreator
    public static Color fromValue(String value) {
      for (Color c : values()) {
        if (c.value.equals(value)) {
          return c;
        }
      }
      return UNKNOWN_DEFAULT_OPEN_API;
    }
  }

  static final class Item {
    @JsonProperty("color") public Color color;
  }

  static final class Page {
    @JsonProperty("main_color") public Color mainColor;
    @JsonProperty("items") public List<Item> items;
    @JsonProperty("palette") public List<Color> palette;
  }

  @Test
  void recordsUnknownValuesByPathAndKeepsTheUnknownConstant() throws Exception {
    String json = "{\"main_color\":\"teal\",\"items\":[{\"color\":\"red\"},{\"color\":\"mauve\"}],"
        + "\"palette\":[\"red\",\"ochre\"],\"extra\":{\"color\":\"ignored\"}}";
    Map<String, String> seen = new LinkedHashMap<>();
    Page page = Json.mapper().readerFor(Page.class).withAttribute(UnknownEnums.ATTRIBUTE, seen).readValue(json);
    assertEquals(Color.UNKNOWN_DEFAULT_OPEN_API, page.mainColor);
    assertEquals(Color.RED, page.items.get(0).color);
    assertEquals(Color.UNKNOWN_DEFAULT_OPEN_API, page.items.get(1).color);
    assertEquals(Map.of("main_color", "teal", "items[1].color", "mauve", "palette[1]", "ochre"), seen);
  }

  enum Plain { RED }

  static final class CaseInsensitive {
    @com.fasterxml.jackson.annotation.JsonFormat(with =
        com.fasterxml.jackson.annotation.JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES)
    @JsonProperty("plain") public Plain plain;
  }

  /**
   * A property-level format makes Jackson re-create the enum deserializer: the recorder wraps the new one too. (A
   * mapper of its own, so that no deserializer cached by an earlier test stands in.)
   */
  @Test
  void aContextualEnumDeserializerIsStillWrapped() throws Exception {
    // Jackson 2.15 ignores a property-level ACCEPT_CASE_INSENSITIVE_VALUES on an enum even without this module
    // (fixed in 2.16), so the lowest-supported-deps run cannot make the contextual call this test is about.
    org.junit.jupiter.api.Assumptions.assumeTrue(
        com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMinorVersion() >= 16,
        "Jackson " + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION + " has no property-level enum format");
    com.fasterxml.jackson.databind.ObjectMapper own = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .addModule(UnknownEnums.module()).build();
    Map<String, String> seen = new LinkedHashMap<>();
    CaseInsensitive read = own.readerFor(CaseInsensitive.class).withAttribute(UnknownEnums.ATTRIBUTE, seen)
        .readValue("{\"plain\":\"red\"}");
    assertEquals(Plain.RED, read.plain);
    org.junit.jupiter.api.Assertions.assertThrows(com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
        () -> own.readValue("{\"plain\":1}", CaseInsensitive.class));
  }

  @Test
  void theModuleOnAMapperOfItsOwn() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper own = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .addModule(UnknownEnums.module()).build();
    Map<String, String> seen = new LinkedHashMap<>();
    Page page = own.readerFor(Page.class).withAttribute(UnknownEnums.ATTRIBUTE, seen)
        .readValue("{\"main_color\":\"teal\",\"palette\":[\"red\"]}");
    assertEquals(Color.UNKNOWN_DEFAULT_OPEN_API, page.mainColor);
    assertEquals(List.of(Color.RED), page.palette);
    assertEquals(Map.of("main_color", "teal"), seen);
    assertEquals("(body)", UnknownEnums.path(null));
  }

  @Test
  void anEnumIsAJsonStringNotANumberOrBoolean() {
    for (String bad : new String[] {"{\"main_color\":1}", "{\"main_color\":true}", "{\"palette\":[2.5]}"}) {
      com.fasterxml.jackson.databind.exc.MismatchedInputException e = org.junit.jupiter.api.Assertions.assertThrows(
          com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
          () -> Json.mapper().readValue(bad, Page.class), bad);
      assertTrue(e.getMessage().startsWith("an enum is a JSON string, not VALUE_"), e.getMessage());
    }
  }

  @Test
  void withoutTheAttributeNothingIsRecordedAndNothingFails() throws Exception {
    Page page = Json.mapper().readValue("{\"main_color\":\"teal\"}", Page.class);
    assertEquals(Color.UNKNOWN_DEFAULT_OPEN_API, page.mainColor);
    Map<String, String> seen = new LinkedHashMap<>();
    Json.mapper().readerFor(Page.class).withAttribute(UnknownEnums.ATTRIBUTE, seen).readValue("{\"main_color\":\"red\"}");
    assertTrue(seen.isEmpty());
  }

  /** The runtime's per-thread recording ends with the call: a later parse on the same thread records nothing. */
  @Test
  void recordingIntoASinkEndsAtStop() throws Exception {
    Map<String, String> sink = new LinkedHashMap<>();
    UnknownEnums.recordInto(sink);
    try {
      Json.mapper().readValue("{\"main_color\":\"teal\"}", Page.class);
    } finally {
      UnknownEnums.stop();
    }
    assertEquals(Map.of("main_color", "teal"), sink);
    Page later = Json.mapper().readValue("{\"main_color\":\"ochre\"}", Page.class);
    assertEquals(Color.UNKNOWN_DEFAULT_OPEN_API, later.mainColor);
    assertEquals(Map.of("main_color", "teal"), sink);
  }
}
