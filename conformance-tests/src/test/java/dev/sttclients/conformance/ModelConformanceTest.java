package dev.sttclients.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sttclients.conformance.Constraints.Case;
import dev.sttclients.conformance.Constraints.Constraint;
import dev.sttclients.conformance.Constraints.Expect;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.Violation;
import dev.sttclients.runtime.internal.BeanChecks;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance cases derived from every spec in specs/, with no case listed by hand:
 * examples round-trip through the generated models; each documented bound is checked on both sides on the
 * models (through the client's own ObjectMapper and Bean Validation) and on the operations' parameters
 * (through the generated API, which must refuse before any network call); a coverage check fails when a
 * documented constraint has no derived case.
 */
class ModelConformanceTest {
  private static final List<VendorSpec> SPECS = VendorSpec.all();
  /** A loopback port with nothing listening: an accepted request fails to connect, nothing is ever sent. */
  private static int deadPort;
  private static final Map<String, SttClient> CLIENTS = new HashMap<>();

  @BeforeAll
  static void pickDeadPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
  }

  @AfterAll
  static void closeClients() {
    CLIENTS.values().forEach(SttClient::close);
  }

  @TestFactory
  List<DynamicNode> everyExampleRoundTrips() {
    List<DynamicNode> perSpec = new ArrayList<>();
    for (VendorSpec spec : SPECS) {
      List<DynamicNode> tests = new ArrayList<>();
      for (VendorSpec.Op op : spec.operations()) {
        op.responses().forEach((code, response) -> {
          MediaType mt = op.json(response);
          if (mt != null) {
            Constraints.examples(mt).forEach((name, ex) -> tests.add(dynamicTest(
                spec.name() + ": " + op.id() + " " + code + " example '" + name + "'", () -> roundTrip(spec, mt.getSchema(), ex))));
          }
        });
        MediaType req = op.requestJson();
        if (req != null) {
          Constraints.examples(req).forEach((name, ex) -> tests.add(dynamicTest(
              spec.name() + ": " + op.id() + " request example '" + name + "'", () -> roundTrip(spec, req.getSchema(), ex))));
        }
      }
      assertFalse(tests.isEmpty(), spec.name() + " documents no examples");
      perSpec.add(dynamicContainer(spec.name(), tests));
    }
    return perSpec;
  }

  /** Example -> generated model (client's ObjectMapper) -> zero violations -> JSON equal to the example. */
  static void roundTrip(VendorSpec spec, Schema<?> schema, JsonNode example) throws Exception {
    JavaType type = javaType(spec, schema);
    Object model = Json.mapper().readValue(Json.mapper().writeValueAsBytes(example), type);
    assertNotNull(model);
    List<Violation> violations = model instanceof List<?> list
        ? list.stream().flatMap(e -> BeanChecks.checkBean(e).stream()).toList()
        : BeanChecks.checkBean(model);
    assertTrue(violations.isEmpty(), "the spec's own example breaks its constraints: " + violations);
    String diff = JsonCompare.diff(example, Json.mapper().valueToTree(model), "$");
    assertNull(diff, "round trip changed the example");
  }

  static JavaType javaType(VendorSpec spec, Schema<?> schema) {
    if (schema.get$ref() != null) {
      return Json.mapper().constructType(spec.modelClass(VendorSpec.refName(schema.get$ref())));
    }
    if ("array".equals(Samples.type(schema)) && schema.getItems() != null && schema.getItems().get$ref() != null) {
      return Json.mapper().getTypeFactory().constructCollectionType(List.class,
          spec.modelClass(VendorSpec.refName(schema.getItems().get$ref())));
    }
    throw new AssertionError("example of an inline schema: give it a $ref'd component so it has a generated model");
  }

  @TestFactory
  List<DynamicNode> everyBoundOnBothSides() {
    List<DynamicNode> perSpec = new ArrayList<>();
    for (VendorSpec spec : SPECS) {
      Map<String, JsonNode> bases = Constraints.baseDocuments(spec);
      List<DynamicNode> tests = new ArrayList<>();
      for (Constraint c : Constraints.of(spec)) {
        for (Case k : casesOf(c, bases)) {
          tests.add(dynamicTest(spec.name() + ": " + (c.isParam() ? "param " : "") + k.label(),
              () -> { if (c.isParam()) runParamCase(k); else runModelCase(k, bases.get(c.owner())); }));
        }
      }
      perSpec.add(dynamicContainer(spec.name(), tests));
    }
    return perSpec;
  }

  static List<Case> casesOf(Constraint c, Map<String, JsonNode> bases) {
    if (c.isParam()) {
      io.swagger.v3.oas.models.parameters.Parameter p = c.op().parameters().stream()
          .filter(x -> x.getName().equals(c.field())).findFirst().orElseThrow();
      JsonNode valid = p.getExample() != null ? Json.mapper().valueToTree(p.getExample()) : null;
      return Constraints.cases(c, valid);
    }
    JsonNode base = bases.get(c.owner());
    if (base == null) {
      return List.of(); // no valid instance to vary: reported by the coverage test
    }
    JsonNode valid = base.get(c.field());
    if ((valid == null || !valid.isTextual()) && c.schema().getExample() != null) {
      valid = Json.mapper().valueToTree(c.schema().getExample());
    }
    return Constraints.cases(c, valid);
  }

  static void runModelCase(Case k, JsonNode base) {
    Constraint c = k.constraint();
    JsonNode doc = Constraints.with(base, k);
    Class<?> cls = c.spec().modelClass(c.owner());
    Object model;
    try {
      model = Json.mapper().treeToValue(doc, cls);
    } catch (IOException e) {
      if (k.expect() == Expect.REJECT) {
        return; // refused while parsing: rejected
      }
      throw new AssertionError("the generated model refused " + doc + ": " + e.getMessage(), e);
    }
    List<Violation> violations = BeanChecks.checkBean(model);
    switch (k.expect()) {
      case ACCEPT -> assertTrue(violations.isEmpty(), "expected no violation, got " + violations);
      case REJECT -> assertTrue(violations.stream().anyMatch(v -> v.field().equals(c.field())),
          "expected a violation on " + c.field() + ", got " + violations);
      case UNKNOWN_ENUM -> {
        assertTrue(violations.isEmpty(), "an unknown enum value must not be a violation: " + violations);
        assertEquals("unknown_default_open_api",
            Json.mapper().valueToTree(model).get(c.field()).asText().toLowerCase(java.util.Locale.ROOT));
      }
    }
  }

  /**
   * Calls the generated operation with one parameter at the case's value, against a port where nothing listens;
   * then, when the operation also takes its parameters as one {@code OpParams} object, the same through that.
   */
  void runParamCase(Case k) throws Throwable {
    Constraint c = k.constraint();
    SttClient client = CLIENTS.computeIfAbsent(c.spec().name(),
        n -> Clients.client(c.spec(), "http://127.0.0.1:" + deadPort));
    Object api = Clients.api(client, c.op().tag());
    Method m = Clients.withResponse(api, c.op().id());
    Map<String, JsonNode> override = new HashMap<>();
    override.put(c.field(), k.remove() ? null : k.value());
    Object[] args = Clients.args(c.op(), m, override, RequestOptions.none());
    checkParamCase(k, api, m, args);
    Method byParams = Clients.withResponseByParams(api, c.op().id());
    if (byParams != null) {
      checkParamCase(k, api, byParams, Clients.paramsArgs(byParams, m, args));
    }
  }

  private static void checkParamCase(Case k, Object api, Method m, Object[] args) {
    Constraint c = k.constraint();
    if (k.expect() == Expect.REJECT) {
      RequestValidationException e = assertThrows(RequestValidationException.class, () -> Clients.invoke(api, m, args));
      assertTrue(e.violations().stream().anyMatch(v -> v.field().equals(c.field())),
          "expected a violation naming " + c.field() + ": " + e.getMessage());
      assertEquals(0, e.attempts(), "nothing may be sent");
    } else {
      // Passed validation, so the client tried the network: the dead port refuses.
      ConnectionException e = assertThrows(ConnectionException.class, () -> Clients.invoke(api, m, args));
      assertEquals(1, e.attempts());
    }
  }

  /** Fails when a documented constraint has no derived case, listing each with the reason. */
  @Test
  void everyConstraintHasDerivedCases() {
    List<String> uncovered = new ArrayList<>();
    List<String> limitations = new ArrayList<>();
    int constraints = 0;
    int cases = 0;
    for (VendorSpec spec : SPECS) {
      Map<String, JsonNode> bases = Constraints.baseDocuments(spec);
      for (Constraint c : Constraints.of(spec)) {
        constraints++;
        List<Case> derived = casesOf(c, bases);
        cases += derived.size();
        if (Constraints.requiredButNullable(c)) {
          limitations.add(c.key());
        } else if (derived.isEmpty()) {
          uncovered.add(c.key() + (bases.containsKey(c.owner()) || c.isParam() ? ""
              : " (no valid instance of " + c.owner() + ": add an example or examples to its properties)"));
        } else if (derived.stream().noneMatch(k -> k.expect() == Expect.REJECT)
            && !c.rule().equals("nullable") && !c.rule().startsWith("enum")) {
          uncovered.add(c.key() + " (no rejected case could be derived)");
        }
      }
    }
    assertTrue(constraints > 0, "no constraints found in any spec");
    assertTrue(cases >= constraints - limitations.size(), "fewer cases than constraints");
    if (!limitations.isEmpty()) {
      System.out.println("Known limitation, required but nullable (presence not enforced by the Java model): "
          + limitations);
    }
    if (!uncovered.isEmpty()) {
      fail("constraints without derived cases:\n  " + uncovered.stream().collect(Collectors.joining("\n  ")));
    }
  }

  /** Every spec's client must be on this module's classpath. */
  @Test
  void everySpecHasAClient() {
    for (VendorSpec spec : SPECS) {
      try (SttClient c = Clients.client(spec, "http://127.0.0.1:" + deadPort)) {
        assertNotNull(c);
      }
    }
  }

  /** Without a key, every client refuses to build: nothing is ever sent unauthenticated. */
  @Test
  void everyClientRequiresAKey() throws Exception {
    for (VendorSpec spec : SPECS) {
      Object builder = Class.forName(spec.clientClassName()).getMethod("builder").invoke(null);
      var b = (dev.sttclients.runtime.SttClientBuilder<?, ?>) builder;
      b.baseUrl("http://127.0.0.1:" + deadPort);
      IllegalStateException e = assertThrows(IllegalStateException.class, b::build, spec.name());
      assertTrue(e.getMessage().contains("API key"), e.getMessage());
    }
  }

}
