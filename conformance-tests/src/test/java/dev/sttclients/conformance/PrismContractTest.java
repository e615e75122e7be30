package dev.sttclients.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.errors.AuthenticationException;
import dev.sttclients.runtime.errors.BadRequestException;
import dev.sttclients.runtime.errors.ConflictException;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.PermissionDeniedException;
import dev.sttclients.runtime.errors.RateLimitException;
import dev.sttclients.runtime.errors.ServerException;
import dev.sttclients.runtime.errors.ServiceException;
import dev.sttclients.runtime.errors.UnexpectedStatusException;
import dev.sttclients.testkit.PrismServer;
import io.swagger.v3.oas.models.media.MediaType;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Contract tests: every operation of every spec, once per documented response code (selected with Prism's
 * {@code Prefer: code=N}) and once per named example of a success response ({@code Prefer: example=NAME}),
 * called through the generated client against a Prism mock of the same spec. Asserts the typed result or the
 * typed exception (status, vendor error body parsed into its model), and that Prism found nothing wrong with
 * the request the client sent (no {@code sl-violations} header, whatever the status).
 *
 * <p>Prism runs on {@link #prismView(VendorSpec) a view} of each spec that works around one Prism limitation: it
 * ignores a multipart field's {@code encoding.contentType}, so a JSON-encoded object field (SLNG's
 * {@code transcription_config}) is validated as the raw string it arrives as, and refused. In the view such a field
 * is a string; everything else Prism checks as the spec says.
 */
class PrismContractTest {
  private static final Map<String, PrismServer> SERVERS = new ConcurrentHashMap<>();
  private static final Map<String, SttClient> CLIENTS = new ConcurrentHashMap<>();

  @AfterAll
  static void stopServers() {
    CLIENTS.values().forEach(SttClient::close);
    SERVERS.values().forEach(PrismServer::close);
  }

  @TestFactory
  List<DynamicNode> everyOperationAndResponseCodeAgainstPrism() {
    List<DynamicNode> perSpec = new ArrayList<>();
    for (VendorSpec spec : VendorSpec.all()) {
      List<DynamicNode> tests = new ArrayList<>();
      for (VendorSpec.Op op : spec.operations()) {
        op.responses().forEach((code, response) -> {
          if (!code.matches("\\d{3}|[1-5]XX")) {
            return; // "default" cannot be selected with Prefer: code
          }
          // A range ("5XX") is exercised with its first code (500).
          int status = code.endsWith("XX") ? (code.charAt(0) - '0') * 100 : Integer.parseInt(code);
          tests.add(dynamicTest(spec.name() + ": " + op.id() + " -> " + code,
              () -> callAndCheck(op, status, null, response)));
          MediaType mt = op.json(response);
          if (status < 300 && mt != null && mt.getExamples() != null) {
            mt.getExamples().keySet().forEach(name -> tests.add(dynamicTest(
                spec.name() + ": " + op.id() + " -> " + code + " example '" + name + "'",
                () -> callAndCheck(op, status, name, response))));
          }
        });
      }
      perSpec.add(dynamicContainer(spec.name(), tests));
    }
    return perSpec;
  }

  private void callAndCheck(VendorSpec.Op op, int status, String example,
      io.swagger.v3.oas.models.responses.ApiResponse response) throws Throwable {
    VendorSpec spec = op.spec();
    PrismServer prism = SERVERS.computeIfAbsent(spec.name(), n -> PrismServer.start(prismView(spec)));
    SttClient client = CLIENTS.computeIfAbsent(spec.name(), n -> Clients.client(spec, prism.baseUrl()));
    Object api = Clients.api(client, op.tag());
    Method m = Clients.withResponse(api, op.id());
    String prefer = "code=" + status + (example == null ? "" : ", example=" + example);
    Object[] args = Clients.args(op, m, Map.of(), RequestOptions.builder().header("Prefer", prefer).build());
    MediaType json = op.json(response);

    if (status >= 200 && status < 300) {
      ApiResponse<?> r = (ApiResponse<?>) Clients.invoke(api, m, args);
      assertEquals(status, r.statusCode());
      assertNoViolations(r.headers(), prism);
      if (op.isBinary(response)) {
        try (BinaryResponse body = assertInstanceOf(BinaryResponse.class, r.body()); InputStream in = body.body()) {
          assertTrue(in.readAllBytes().length >= 0);
        }
      } else if (json == null) {
        assertNull(r.body(), "no content documented, none expected");
      } else {
        Object body = r.body();
        Class<?> type = ModelConformanceTest.javaType(spec, json.getSchema()).getRawClass();
        assertTrue(type.isInstance(body), "expected a " + type.getName() + ", got " + body.getClass());
        if (example != null) {
          JsonNode expected = Json.mapper().valueToTree(json.getExamples().get(example).getValue());
          assertNull(JsonCompare.diff(expected, Json.mapper().valueToTree(body), "$"),
              "the typed body differs from the spec's example '" + example + "'");
        }
      }
    } else {
      ServiceException e = assertThrows(ServiceException.class, () -> Clients.invoke(api, m, args));
      assertEquals(status, e.statusCode(), e.getMessage());
      assertSame(expectedType(status), e.getClass(), e.getMessage());
      assertNoViolations(e.headers(), prism);
      assertEquals(1, e.attempts());
      assertFalse(e.getMessage().contains(Clients.TEST_KEY), "the key leaked into a message");
      if (json != null && json.getSchema() != null && json.getSchema().get$ref() != null) {
        Class<?> model = spec.modelClass(VendorSpec.refName(json.getSchema().get$ref()));
        assertTrue(e.errorBody(model).isPresent(), "error body not parsed into " + model.getSimpleName()
            + ": " + e.rawBody());
      }
    }
  }

  /**
   * The spec as Prism 5.14.2 can check it: every {@code multipart/form-data} field that the spec sends as JSON (its
   * {@code encoding.contentType} is JSON, or it is an object or array without one, OpenAPI's default being JSON) is
   * declared a string, because Prism validates the part's raw text against the field's schema. Written under the
   * module's target directory; the spec itself is untouched.
   */
  static java.nio.file.Path prismView(VendorSpec spec) {
    com.fasterxml.jackson.databind.ObjectMapper yaml =
        new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    try {
      com.fasterxml.jackson.databind.node.ObjectNode root =
          (com.fasterxml.jackson.databind.node.ObjectNode) yaml.readTree(spec.file().toFile());
      root.path("paths").forEach(item -> item.forEach(op -> {
        JsonNode form = op.path("requestBody").path("content").path("multipart/form-data");
        if (!form.isObject()) {
          return;
        }
        JsonNode schema = form.path("schema");
        if (schema.has("$ref")) {
          schema = root.at(schema.get("$ref").asText().substring(1)).deepCopy();
          ((com.fasterxml.jackson.databind.node.ObjectNode) form).set("schema", schema);
        }
        JsonNode props = schema.path("properties");
        List<String> names = new ArrayList<>();
        props.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
          String type = form.path("encoding").path(name).path("contentType").asText("");
          JsonNode prop = props.get(name);
          JsonNode target = prop.has("$ref") ? root.at(prop.get("$ref").asText().substring(1)) : prop;
          String kind = target.path("type").asText(target.has("properties") ? "object" : "");
          if (type.contains("json") || type.isEmpty() && (kind.equals("object") || kind.equals("array"))) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) props).putObject(name).put("type", "string")
                .put("description", "JSON text (Prism does not read encoding.contentType)");
          }
        }
      }));
      java.nio.file.Path dir = java.nio.file.Path.of("target", "prism-specs");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Path view = dir.resolve(spec.file().getFileName());
      yaml.writeValue(view.toFile(), root);
      return view.toAbsolutePath();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Prism lists what was wrong with a request in {@code sl-violations}, also when it answers the requested code. */
  private static void assertNoViolations(Map<String, List<String>> headers, PrismServer prism) {
    assertNull(headers.get("sl-violations"),
        () -> "Prism found the client's request invalid: " + headers.get("sl-violations") + "\n"
            + String.join("\n", prism.recentOutput()));
  }

  /** The documented status-to-exception table (an independent oracle for the runtime's ErrorTable). */
  static Class<? extends ServiceException> expectedType(int status) {
    return switch (status) {
      case 400, 422 -> BadRequestException.class;
      case 401 -> AuthenticationException.class;
      case 403 -> PermissionDeniedException.class;
      case 404 -> NotFoundException.class;
      case 409 -> ConflictException.class;
      case 429 -> RateLimitException.class;
      default -> status >= 500 ? ServerException.class : UnexpectedStatusException.class;
    };
  }
}
