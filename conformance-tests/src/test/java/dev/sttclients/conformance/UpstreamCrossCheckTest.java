package dev.sttclients.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sttclients.conformance.UpstreamDiff.Difference;
import dev.sttclients.conformance.UpstreamDiff.Report;
import dev.sttclients.testkit.PrismServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every spec in specs/ that has the vendor's own contract beside it ({@code specs/upstream/NAME.openapi.json} or
 * {@code .yaml}) is compared with it, operation by operation ({@link UpstreamDiff}). Any difference that our spec
 * does not declare with {@code x-deviation} (and a reason) fails the build. Upstream operations we do not describe
 * yet are listed as "not covered".
 */
class UpstreamCrossCheckTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  record Pair(String vendor, JsonNode ours, JsonNode upstream) {}

  static List<Pair> pairs() {
    Path specs = PrismServer.specsDir();
    List<Pair> pairs = new ArrayList<>();
    try (Stream<Path> files = Files.list(specs)) {
      for (Path spec : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        String vendor = spec.getFileName().toString().replace(".yaml", "");
        for (String ext : List.of("json", "yaml")) {
          Path upstream = specs.resolve("upstream").resolve(vendor + ".openapi." + ext);
          if (Files.exists(upstream)) {
            pairs.add(new Pair(vendor, YAML.readTree(spec.toFile()), YAML.readTree(upstream.toFile())));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pairs;
  }

  @TestFactory
  List<DynamicTest> everySpecAgreesWithItsVendorsContract() {
    List<Pair> pairs = pairs();
    assertFalse(pairs.isEmpty(), "no spec has an upstream contract in specs/upstream/");
    return pairs.stream().map(p -> dynamicTest(p.vendor() + " agrees with specs/upstream/" + p.vendor() + ".openapi.*",
        () -> {
          Report r = UpstreamDiff.compare(p.ours(), p.upstream());
          System.out.println(report(p.vendor(), r));
          assertFalse(r.compared().isEmpty(), p.vendor() + ": no operation in common with the vendor's contract");
          if (!r.undeclared().isEmpty()) {
            fail(p.vendor() + ": " + r.undeclared().size() + " difference(s) from the vendor's contract, not declared"
                + " with x-deviation:\n  " + r.undeclared().stream().map(Difference::toString)
                .collect(Collectors.joining("\n  ")));
          }
        })).toList();
  }

  static String report(String vendor, Report r) {
    StringBuilder sb = new StringBuilder("Upstream cross-check, " + vendor + ": compared " + r.compared() + "\n");
    sb.append("  not covered (upstream operations our spec does not describe yet): ").append(r.notCovered()).append('\n');
    // One entry per declared reason, with every difference it covers.
    Map<String, List<Difference>> byReason = new LinkedHashMap<>();
    r.declared().forEach(d -> byReason.computeIfAbsent(d.deviation(), k -> new ArrayList<>()).add(d));
    byReason.forEach((reason, ds) -> {
      sb.append("  declared deviation (").append(ds.size()).append(" difference(s)): ").append(reason).append('\n');
      ds.forEach(d -> sb.append("    ").append(d.path()).append(": upstream ").append(d.upstream()).append(", ours ")
          .append(d.ours()).append('\n'));
    });
    return sb.toString();
  }

  /** The check on a deliberately broken copy of one of our specs: the changed bound is named, red, then declared. */
  @Test
  void aChangedSpecTurnsRedNamingTheDifference() {
    Pair gladia = pairs().stream().filter(p -> p.vendor().equals("gladia")).findFirst().orElseThrow();
    assertTrue(UpstreamDiff.compare(gladia.ours(), gladia.upstream()).undeclared().isEmpty(),
        "the unmodified spec must agree before the test breaks it");

    ObjectNode broken = gladia.ours().deepCopy();
    ObjectNode limit = null;
    for (JsonNode p : broken.at("/paths/~1v2~1pre-recorded/get/parameters")) {
      if (p.path("name").asText().equals("limit")) {
        limit = (ObjectNode) p;
      }
    }
    ((ObjectNode) limit.get("schema")).put("minimum", 0);

    List<Difference> red = UpstreamDiff.compare(broken, gladia.upstream()).undeclared();
    assertEquals(1, red.size(), red.toString());
    Difference d = red.get(0);
    assertEquals("GET /v2/pre-recorded/parameters/query:limit/schema/minimum", d.path());
    assertEquals("1", d.upstream());
    assertEquals("0", d.ours());

    limit.put(UpstreamDiff.DEVIATION, "test: the vendor's page says 0 is allowed");
    Report declared = UpstreamDiff.compare(broken, gladia.upstream());
    assertTrue(declared.undeclared().isEmpty(), declared.undeclared().toString());
    assertTrue(declared.declared().stream().anyMatch(x -> x.path().equals(d.path())
        && x.deviation().equals("test: the vendor's page says 0 is allowed")), declared.declared().toString());
  }

  /** A removed response property and an operation only upstream describes. */
  @Test
  void aDroppedFieldIsADifferenceAndAMissingOperationIsNotCovered() {
    Pair slng = pairs().stream().filter(p -> p.vendor().equals("slng")).findFirst().orElseThrow();
    assertTrue(UpstreamDiff.compare(slng.ours(), slng.upstream()).notCovered().isEmpty(),
        "our SLNG spec describes every operation of SLNG's Batch API");
    ObjectNode broken = slng.ours().deepCopy();
    ((ObjectNode) broken.at("/components/schemas/BatchJob/properties")).remove("updated_at");
    ((ObjectNode) broken.at("/paths/~1v1~1batch~1jobs")).remove("post");
    Report r = UpstreamDiff.compare(broken, slng.upstream());
    assertTrue(r.undeclared().stream().anyMatch(d -> d.path().endsWith("/properties/updated_at")
        && d.upstream().equals("string<date-time>") && d.ours().equals("absent")), r.undeclared().toString());
    assertTrue(r.notCovered().contains("POST /v1/batch/jobs"), r.notCovered().toString());
  }
}
