package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.sttclients.runtime.Json;
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
  /** As the generator writes enums: a wire value, and the placeholder for values the spec does not list. */
  enum Mode {
    FAST("fast"), UNKNOWN_DEFAULT_OPEN_API("unknown_default_open_api");

    private final String value;

    Mode(String value) {
      this.value = value;
    }

    @JsonValue
    public String getValue() {
      return value;
    }
  }

  static final class Config {
    @JsonProperty("operating_mode") public Mode mode;
    @JsonProperty("modes") public List<Mode> modes;
  }

  static final class Job {
    @JsonProperty("name") public String name = "a";
    @JsonProperty("transcription_config") public Config config;
    @JsonProperty("configs") public List<Config> configs;
  }

  private static Config config(Mode mode, Mode... modes) {
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
        refused(json(job(config(Mode.UNKNOWN_DEFAULT_OPEN_API)))).field());
    assertEquals("body.transcription_config.modes[1]",
        refused(json(job(config(Mode.FAST, Mode.FAST, Mode.UNKNOWN_DEFAULT_OPEN_API)))).field());
    assertEquals("body.configs[2].operating_mode", refused(json(job(config(Mode.FAST), config(Mode.FAST),
        config(Mode.FAST), config(Mode.UNKNOWN_DEFAULT_OPEN_API)))).field());
    assertEquals("body", refused(json(Mode.UNKNOWN_DEFAULT_OPEN_API)).field());
    assertEquals("body[0]", refused(json(List.of(Mode.UNKNOWN_DEFAULT_OPEN_API))).field());
  }

  @Test
  void aPlaceholderInAFormsJsonPartIsRefusedNamingThePart() {
    OperationRequest request = OperationRequest.builder("upload", "POST", "/jobs").form("multipart/form-data")
        .formParam("transcription_config", config(Mode.UNKNOWN_DEFAULT_OPEN_API), null).build();
    assertEquals("transcription_config.operating_mode", refused(request).field());
  }

  @Test
  void knownValuesAreSentAsTheirWireValues() throws IOException {
    HttpEntityText sent = new HttpEntityText(RequestBodies.prepare("acme", json(job(config(Mode.FAST, Mode.FAST)))));
    assertEquals("{\"name\":\"a\",\"transcription_config\":{\"operating_mode\":\"fast\",\"modes\":[\"fast\"]}}",
        sent.text);
  }

  /** A property left out when empty: the wrapped enum serializer still says what is empty (a value never is). */
  static final class Sparse {
    @JsonProperty("mode")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    public Mode mode = Mode.FAST;
  }

  @Test
  void anEnumIsNeverEmpty() throws IOException {
    assertEquals("{\"mode\":\"fast\"}", Json.mapper().writeValueAsString(new Sparse()));
  }

  @Test
  void outsideARequestThePlaceholderIsWrittenAsBefore() throws IOException {
    // A response read with an unknown value can still be printed as JSON (the CLI's --json does).
    String json = Json.mapper().writeValueAsString(job(config(Mode.UNKNOWN_DEFAULT_OPEN_API)));
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
