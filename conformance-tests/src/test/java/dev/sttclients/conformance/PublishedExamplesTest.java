package dev.sttclients.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
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
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.errors.ErrorResponse;
import dev.sttclients.runtime.errors.ServiceException;
import dev.sttclients.testkit.PrismServer;
import io.swagger.v3.oas.models.media.MediaType;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the vendors themselves publish, served by a loopback server to the public client as README builds it,
 * calling the matching operation through the generated client with valid arguments (see {@link PublishedExamples}
 * for where the cases come from; none is listed here). A 2xx must give the typed result, equal to the published
 * body after the round trip, in lenient and in strict mode; an error must give the typed exception with the
 * vendor's status, and the message, error type and request id the example says (or, for a contract's example,
 * those the body carries).
 */
class PublishedExamplesTest {
  private static WireMockServer server;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().jettyAcceptors(1));
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static Path upstreamDir() {
    return PrismServer.specsDir().resolve("upstream");
  }

  @TestFactory
  List<DynamicNode> everyPublishedExampleThroughThePublicClient() {
    List<DynamicNode> perVendor = new ArrayList<>();
    int total = 0;
    for (VendorSpec spec : VendorSpec.all()) {
      // Every example file is a case (or fails loading); a contract may hold no example of our operations.
      PublishedExamples.Found found = PublishedExamples.of(spec, upstreamDir());
      total += found.cases().size();
      perVendor.add(dynamicContainer(spec.name(), found.cases().stream()
          .map(c -> dynamicTest(c.label() + " -> " + c.status(), () -> check(c))).toList()));
    }
    assertTrue(total > 0, "no published example under " + upstreamDir());
    return perVendor;
  }

  /**
   * The harness on a contract of its own (test resources): operations matched by method and path although the
   * contract names the path parameter differently and puts the server's /v1 into its paths; a response range
   * served with its first code; a $ref'd example; an operation we do not have left out; and an example file.
   */
  @Test
  void readsAContractsExamplesAndExampleFiles() throws Throwable {
    VendorSpec daily = VendorSpec.all().stream().filter(s -> s.name().equals("daily")).findFirst().orElseThrow();
    PublishedExamples.Found found = PublishedExamples.of(daily, fixtureDir());

    assertEquals(List.of("fixture-rate-limited.json -> 429", "get 200 'finished' -> 200", "get 404 'example' -> 404",
        "get 5XX 'boom' -> 500"), found.cases().stream().map(c -> c.label() + " -> " + c.status()).toList());
    assertEquals(List.of("GET /v1/recordings: no operation of ours"), found.skipped());
    assertEquals(2, found.sources());
    for (PublishedExamples.Case c : found.cases()) {
      check(c);
    }
  }

  /** The checks can fail: a misread message, a dropped field, a body message the client did not report. */
  @Test
  void theChecksCanFail() throws Exception {
    VendorSpec daily = VendorSpec.all().stream().filter(s -> s.name().equals("daily")).findFirst().orElseThrow();
    List<PublishedExamples.Case> cases = PublishedExamples.of(daily, fixtureDir()).cases();
    PublishedExamples.Case error = cases.get(0);
    PublishedExamples.Case misread = new PublishedExamples.Case(error.op(), error.label(), error.source(),
        error.status(), error.headers(), error.body(),
        new PublishedExamples.Expect("another message", error.expect().errorType(), null));
    assertThrows(AssertionError.class, () -> check(misread));

    // A field of a closed model (an output file's "size") would be dropped by the typed result.
    PublishedExamples.Case job = cases.get(1);
    JsonNode withExtra = job.body().deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) withExtra.get("output").get("concept")).put("size", 42);
    PublishedExamples.Case dropped = new PublishedExamples.Case(job.op(), job.label(), job.source(), job.status(),
        job.headers(), withExtra, null);
    assertThrows(AssertionError.class, () -> check(dropped));

    // A contract's error example with a message the client did not report.
    JsonNode body = Json.mapper().readTree("{\"message\": \"job gone\"}");
    ServiceException silent = new dev.sttclients.runtime.errors.NotFoundException(new ErrorResponse("daily", "get",
        404, Map.of(), body.toString(), null, null, null, null, 1));
    assertThrows(AssertionError.class, () -> checkAgainstTheBody(body, silent, "test"));
  }

  private static Path fixtureDir() throws URISyntaxException {
    return Path.of(PublishedExamplesTest.class.getResource("/upstream-fixture").toURI());
  }

  private static void check(PublishedExamples.Case c) throws Throwable {
    serve(c);
    for (boolean strict : new boolean[] {false, true}) {
      try (SttClient client = Clients.client(c.op().spec(), "http://127.0.0.1:" + server.port()
          + PublishedExamples.serverPath(c.op().spec().api().getServers()), strict)) {
        Object api = Clients.api(client, c.op().tag());
        Method m = Clients.withResponse(api, c.op().id());
        Object[] args = Clients.args(c.op(), m, Map.of(), RequestOptions.none());
        String mode = (strict ? "strict" : "lenient") + ", " + c.source();
        if (c.isError()) {
          checkError(c, () -> Clients.invoke(api, m, args), mode);
        } else {
          checkSuccess(c, (ApiResponse<?>) Clients.invoke(api, m, args), mode);
        }
      }
    }
    assertEquals(2, server.getAllServeEvents().size(), "one request per mode reached the served path");
    server.getAllServeEvents().forEach(e -> assertTrue(e.getWasMatched(),
        "the client called " + e.getRequest().getMethod() + " " + e.getRequest().getUrl() + ", not " + c.op().label()));
  }

  /** The published response on our operation's path (path parameters as any segment); anything else is a 404. */
  private static void serve(PublishedExamples.Case c) {
    server.resetAll();
    String path = PublishedExamples.serverPath(c.op().spec().api().getServers()) + c.op().path();
    StringBuilder regex = new StringBuilder();
    for (String part : path.split("(?=\\{)|(?<=})")) {
      regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    ResponseDefinitionBuilder response = aResponse().withStatus(c.status()).withBody(c.wireBody());
    boolean hasType = c.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("content-type"));
    if (!hasType) {
      response.withHeader("Content-Type", c.body() != null && c.body().isTextual() ? "text/plain" : "application/json");
    }
    c.headers().forEach(response::withHeader);
    server.stubFor(request(c.op().method(), urlPathMatching(regex.toString())).willReturn(response));
  }

  private static void checkSuccess(PublishedExamples.Case c, ApiResponse<?> r, String mode) throws Exception {
    assertEquals(c.status(), r.statusCode(), mode);
    io.swagger.v3.oas.models.responses.ApiResponse documented = documentedResponse(c);
    if (documented != null && c.op().isBinary(documented)) {
      try (BinaryResponse body = assertInstanceOf(BinaryResponse.class, r.body(), mode)) {
        assertTrue(body.body().readAllBytes().length >= 0);
      }
      return;
    }
    MediaType json = documented == null ? null : c.op().json(documented);
    if (json == null || json.getSchema() == null) {
      return; // no content documented for this status: nothing typed to compare
    }
    Class<?> type = ModelConformanceTest.javaType(c.op().spec(), json.getSchema()).getRawClass();
    assertInstanceOf(type, r.body(), mode);
    assertNull(JsonCompare.diff(c.body(), Json.mapper().valueToTree(r.body()), "$"),
        mode + ": the typed result differs from the published body (a field dropped or changed)");
  }

  private static void checkError(PublishedExamples.Case c, org.junit.jupiter.api.function.Executable call,
      String mode) {
    ServiceException e = assertThrows(ServiceException.class, call, mode);
    assertEquals(c.status(), e.statusCode(), mode + ": " + e.getMessage());
    assertSame(PrismContractTest.expectedType(c.status()), e.getClass(), mode + ": " + e.getMessage());
    assertEquals(1, e.attempts(), mode);
    assertEquals(c.wireBody(), e.rawBody(), mode + ": the raw body is kept as received");
    assertFalse(e.getMessage().contains(Clients.TEST_KEY), "the key leaked into a message");
    io.swagger.v3.oas.models.responses.ApiResponse documented = documentedResponse(c);
    MediaType json = documented == null ? null : c.op().json(documented);
    if (json != null && json.getSchema() != null && json.getSchema().get$ref() != null) {
      Class<?> model = c.op().spec().modelClass(VendorSpec.refName(json.getSchema().get$ref()));
      assertTrue(e.errorBody(model).isPresent(), mode + ": the documented error body did not parse into "
          + model.getSimpleName() + ": " + e.rawBody());
    }
    if (c.expect() != null) {
      assertEquals(Optional.ofNullable(c.expect().message()), e.vendorMessage(), mode + ": vendorMessage()");
      assertEquals(Optional.ofNullable(c.expect().errorType()), e.errorType(), mode + ": errorType()");
      assertEquals(Optional.ofNullable(c.expect().requestId()), e.requestId(), mode + ": requestId()");
    } else {
      checkAgainstTheBody(c.body(), e, mode);
    }
  }

  /**
   * A contract's example says no expected values: they are read off the body. A body with a human-readable text
   * under a message-like name must give a vendorMessage(); whatever the client reports must come from the body;
   * a top-level request id must be the exception's.
   */
  private static void checkAgainstTheBody(JsonNode body, ServiceException e, String mode) {
    Set<String> texts = new HashSet<>();
    List<String> messageLike = new ArrayList<>();
    collect(body, null, texts, messageLike);
    e.errorType().ifPresent(t -> messageLike.remove(t));
    if (!messageLike.isEmpty()) {
      assertTrue(e.vendorMessage().isPresent(), mode + ": the body has a message " + messageLike
          + " but vendorMessage() is empty: " + e.rawBody());
    }
    e.vendorMessage().filter(m -> !texts.contains(m)).ifPresent(m -> {
      for (String part : m.split("; ")) { // several messages of a list, joined
        assertTrue(texts.contains(part) || part.equals("..."), mode + ": vendorMessage() part '" + part
            + "' is not in the body: " + e.rawBody());
      }
    });
    e.errorType().ifPresent(t -> assertTrue(texts.contains(t), mode + ": errorType() '" + t + "' not in the body"));
    for (String id : new String[] {"request_id", "requestId"}) {
      if (body != null && body.path(id).isTextual()) {
        assertEquals(Optional.of(body.get(id).asText()), e.requestId(), mode + ": requestId() vs the body's " + id);
      }
    }
  }

  private static void collect(JsonNode node, String name, Set<String> texts, List<String> messageLike) {
    if (node == null) {
      return;
    }
    if (node.isTextual() && !node.asText().isBlank()) {
      texts.add(node.asText().strip());
      String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
      if (n.contains("message") || n.contains("detail") || n.contains("comment") || n.equals("msg")
          || n.equals("info") || n.equals("title") || n.equals("error")) {
        messageLike.add(node.asText().strip());
      }
    } else if (node.isNumber() || node.isBoolean()) {
      texts.add(node.asText()); // an error type may be a code
    } else if (node.isObject()) {
      node.fields().forEachRemaining(f -> collect(f.getValue(), f.getKey(), texts, messageLike));
    } else if (node.isArray()) {
      node.forEach(item -> collect(item, name, texts, messageLike));
    }
  }

  /** Our spec's response for the served status: the exact code, else its range (4XX), else default. */
  private static io.swagger.v3.oas.models.responses.ApiResponse documentedResponse(PublishedExamples.Case c) {
    Map<String, io.swagger.v3.oas.models.responses.ApiResponse> responses = c.op().responses();
    String code = Integer.toString(c.status());
    if (responses.containsKey(code)) {
      return responses.get(code);
    }
    String range = code.charAt(0) + "XX";
    return responses.getOrDefault(range, responses.get("default"));
  }
}
