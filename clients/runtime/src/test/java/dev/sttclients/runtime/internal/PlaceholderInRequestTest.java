package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.internal.UnknownEnumsTest.Color;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.Violation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An enum's unknown-value placeholder is never sent, wherever it sits in a request body: the request fails before
 * anything is sent, naming the field, the value and the rule; a response holding it can still be written as JSON.
 */
class PlaceholderInRequestTest {
  /** Shaped like a generated enum: a wire value, and the placeholder for values the spec does not list. */
  private static final Color FAST = Color.RED;
  private static final Color UNKNOWN = Color.UNKNOWN_DEFAULT_OPEN_API;

  static final class Config {
    @JsonProperty("operating_mode") public Color mode;
    @JsonProperty("modes") public List<Color> modes;
  }

  static final class Job {
    @JsonProperty("name") public String name = "a";
    @JsonProperty("transcription_config") public Config config;
    @JsonProperty("configs") public List<Config> configs;
  }

  private static Config config(Color mode, Color... modes) {
    Config c = new Config();
    c.mode = mode;
    c.modes = modes.length == 0 ? null : List.of(modes);
    return c;
  }

  private static Job job(Config config, Config... configs) {
    Job j = new Job();
    j.config = config;
    j.configs = configs.length == 0 ? null : List.of(configs);
    return j;
  }

  private static Violation refused(OperationRequest request) {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> RequestBodies.prepare("acme", request));
    assertEquals(1, e.violations().size(), e.getMessage());
    Violation v = e.violations().get(0);
    assertEquals("UNKNOWN_DEFAULT_OPEN_API", v.value());
    assertEquals("is the placeholder for values unknown to this client and cannot be sent", v.rule());
    return v;
  }

  private static OperationRequest json(Object body) {
    return OperationRequest.builder("create", "POST", "/jobs").body(body, "application/json").build();
  }

  @Test
  void aPlaceholderAnywhereInAJsonBodyIsRefusedNamingWhere() {
    assertEquals("body.transcription_config.operating_mode",
        refused(json(job(config(UNKNOWN)))).field());
    assertEquals("body.transcription_config.modes[1]",
        refused(json(job(config(FAST, FAST, UNKNOWN)))).field());
    assertEquals("body.configs[2].operating_mode", refused(json(job(config(FAST), config(FAST),
        config(FAST), config(UNKNOWN)))).field());
    assertEquals("body", refused(json(UNKNOWN)).field());
    assertEquals("body[0]", refused(json(List.of(UNKNOWN))).field());
  }

  @Test
  void aPlaceholderInAFormsJsonPartIsRefusedNamingThePart() {
    OperationRequest request = OperationRequest.builder("upload", "POST", "/jobs").form("multipart/form-data")
        .formParam("transcription_config", config(UNKNOWN), null).build();
    assertEquals("transcription_config.operating_mode", refused(request).field());
  }

  @Test
  void knownValuesAreSentAsTheirWireValues() throws IOException {
    HttpEntityText sent = new HttpEntityText(RequestBodies.prepare("acme", json(job(config(FAST, FAST)))));
    assertEquals("{\"name\":\"a\",\"transcription_config\":{\"operating_mode\":\"red\",\"modes\":[\"red\"]}}",
        sent.text);
  }

  /** A property left out when empty: the wrapped enum serializer still says what is empty (a value never is). */
  static final class Sparse {
    @JsonProperty("mode")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    public Color mode = FAST;
  }

  @Test
  void anEnumIsNeverEmpty() throws IOException {
    assertEquals("{\"mode\":\"red\"}", Json.mapper().writeValueAsString(new Sparse()));
  }

  @Test
  void outsideARequestThePlaceholderIsWrittenAsBefore() throws IOException {
    // A response read with an unknown value can still be printed as JSON (the CLI's --json does).
    String json = Json.mapper().writeValueAsString(job(config(UNKNOWN)));
    assertTrue(json.contains("\"operating_mode\":\"unknown_default_open_api\""), json);
    assertFalse(json.isEmpty());
  }

  private static final class HttpEntityText {
    final String text;

    HttpEntityText(RequestBodies.Prepared prepared) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      prepared.entity().writeTo(out);
      this.text = out.toString(StandardCharsets.UTF_8);
    }
  }
}
