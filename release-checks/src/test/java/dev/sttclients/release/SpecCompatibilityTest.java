package dev.sttclients.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sttclients.release.SpecCompatibility.Accepted;
import dev.sttclients.release.SpecCompatibility.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec compatibility gate against each spec's last released copy (release/baseline/VERSION/specs/), and
 * the gate itself on broken copies: red for a removed operation, a new required parameter and a changed
 * response type; green for a new operation or optional parameter, after a major version bump, and with a
 * reviewed acceptance for the baseline.
 */
class SpecCompatibilityTest {
  private static final String OLD = "1.4.0";
  private static final String NEXT_MINOR = "1.5.0-SNAPSHOT";

  @Test
  void everySpecIsCompatibleWithItsLastRelease() {
    String baseline = Repo.baselineVersion();
    if (baseline.equals("none")) {
      assertFalse(Files.exists(Repo.root().resolve("release/baseline/none")), "a baseline named none");
      System.out.println("spec compatibility: no release yet, nothing to compare");
      return;
    }
    Path released = Repo.baselineDir().resolve("specs");
    assertTrue(Files.isDirectory(released), "the baseline " + baseline + " has no specs: " + released);
    List<String> red = new ArrayList<>();
    for (Path spec : Repo.specs()) {
      String vendor = Repo.vendorOf(spec);
      Path old = released.resolve(spec.getFileName());
      if (!Files.exists(old)) {
        System.out.println("spec compatibility: " + vendor + " is new since " + baseline);
        continue;
      }
      Result r = SpecCompatibility.check(old, spec, baseline, Repo.version(),
          Accepted.read(SpecCompatibility.acceptedBreaksFile(vendor)));
      System.out.println("spec compatibility: " + vendor + " vs " + baseline + ": " + r.breaking().size()
          + " breaking change(s)" + (r.breaking().isEmpty() ? "" : " " + r.breaking()
          + (r.majorBump() ? " (major version bump)" : " (accepted: " + (r.breaking().size() - r.unaccepted().size()) + ")")));
      r.unaccepted().forEach(b -> red.add(vendor + ": " + b));
    }
    for (Path old : list(released)) {
      if (!Files.exists(Repo.specsDir().resolve(old.getFileName())) && Repo.major(Repo.version()) <= Repo.major(baseline)) {
        red.add(old.getFileName() + ": the whole spec was removed");
      }
    }
    assertTrue(red.isEmpty(), () -> "breaking spec changes since " + baseline + " without a major version bump"
        + " or a reviewed clients/<vendor>/ACCEPTED-BREAKS.md (RELEASING.md):\n" + String.join("\n", red));
  }

  // ---- the gate on broken copies ----

  static final Map<String, Consumer<ObjectNode>> BREAKING = Map.of(
      "operation removed", spec -> {
        Specs.Op op = Specs.operations(spec).get(0);
        ObjectNode item = (ObjectNode) spec.path("paths").path(op.path());
        item.remove(op.method());
        if (Specs.operations(spec).stream().noneMatch(o -> o.path().equals(op.path()))) {
          ((ObjectNode) spec.path("paths")).remove(op.path());
        }
      },
      "required query parameter added", spec -> {
        ObjectNode op = Specs.operations(spec).get(0).node();
        ObjectNode p = op.withArray("parameters").addObject();
        p.put("name", "addedInRedProof").put("in", "query").put("required", true);
        p.putObject("schema").put("type", "string");
      },
      "response property type changed", spec -> {
        ObjectNode schema = firstSuccessSchemaWithProperties(spec);
        JsonNode prop = schema.path("properties").elements().next();
        ObjectNode changed = (ObjectNode) prop;
        changed.removeAll();
        changed.put("type", "boolean");
      });

  static final Map<String, Consumer<ObjectNode>> COMPATIBLE = Map.of(
      "operation added", spec -> {
        Specs.Op op = Specs.operations(spec).get(0);
        ObjectNode added = op.node().deepCopy();
        added.put("operationId", "addedInProof");
        added.remove("parameters");
        ((ObjectNode) spec.path("paths")).putObject("/added-in-proof").set("get", added);
      },
      "optional query parameter added", spec -> {
        ObjectNode op = Specs.operations(spec).get(0).node();
        ObjectNode p = op.withArray("parameters").addObject();
        p.put("name", "optionalInProof").put("in", "query").put("required", false);
        p.putObject("schema").put("type", "string");
      });

  @Test
  void breakingChangesTurnItRed(@TempDir Path dir) {
    List<String> missed = new ArrayList<>();
    Set<String> tried = new java.util.TreeSet<>();
    for (Path spec : Repo.specs()) {
      for (Map.Entry<String, Consumer<ObjectNode>> change : BREAKING.entrySet()) {
        Path broken = mutate(spec, change.getValue(), dir, change.getKey());
        if (broken == null) {
          continue;
        }
        Result r = SpecCompatibility.check(spec, broken, OLD, NEXT_MINOR, Accepted.NONE);
        tried.add(change.getKey());
        if (!r.red()) {
          missed.add(Repo.vendorOf(spec) + ": " + change.getKey());
        }
      }
    }
    assertEquals(new java.util.TreeSet<>(BREAKING.keySet()), tried, "every breaking change tried on some spec");
    assertTrue(missed.isEmpty(), () -> "breaking changes the gate passed:\n" + String.join("\n", missed));
  }

  @Test
  void additionsStayGreen(@TempDir Path dir) {
    List<String> red = new ArrayList<>();
    for (Path spec : Repo.specs()) {
      for (Map.Entry<String, Consumer<ObjectNode>> change : COMPATIBLE.entrySet()) {
        Path changed = mutate(spec, change.getValue(), dir, change.getKey());
        Result r = SpecCompatibility.check(spec, changed, OLD, NEXT_MINOR, Accepted.NONE);
        if (r.red()) {
          red.add(Repo.vendorOf(spec) + ": " + change.getKey() + " -> " + r.unaccepted());
        }
      }
      Result same = SpecCompatibility.check(spec, spec, OLD, NEXT_MINOR, Accepted.NONE);
      assertTrue(same.breaking().isEmpty(), () -> spec + " breaks against itself: " + same.breaking());
    }
    assertTrue(red.isEmpty(), () -> "compatible changes the gate refused:\n" + String.join("\n", red));
  }

  @Test
  void aMajorBumpOrAReviewedAcceptanceLetsABreakThrough(@TempDir Path dir) {
    Path spec = Repo.specs().get(0);
    Path broken = mutate(spec, BREAKING.get("operation removed"), dir, "removed");
    Result minor = SpecCompatibility.check(spec, broken, OLD, NEXT_MINOR, Accepted.NONE);
    assertTrue(minor.red());
    String operation = minor.unaccepted().get(0).operation();

    assertFalse(SpecCompatibility.check(spec, broken, OLD, "2.0.0-SNAPSHOT", Accepted.NONE).red(), "major bump");
    assertFalse(SpecCompatibility.check(spec, broken, OLD, NEXT_MINOR, new Accepted(OLD, Set.of(operation))).red(),
        "accepted " + operation);
    assertTrue(SpecCompatibility.check(spec, broken, OLD, NEXT_MINOR, new Accepted(OLD, Set.of("GET /other"))).red(),
        "an acceptance of another operation covers nothing here");
    IllegalStateException stale = assertThrows(IllegalStateException.class,
        () -> SpecCompatibility.check(spec, broken, OLD, NEXT_MINOR, new Accepted("1.3.0", Set.of(operation))));
    assertTrue(stale.getMessage().contains("1.3.0"), stale.getMessage());
  }

  @Test
  void acceptanceFileFormat(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ACCEPTED-BREAKS.md");
    Files.writeString(file, "# Accepted breaking changes\nbaseline: 1.4.0\n\n- spec GET /v2/jobs/{id}: why\n"
        + "- api: dev.example.Model.getX(): why\n- spec DELETE /v2/jobs: why\n");
    Accepted a = Accepted.read(file);
    assertEquals("1.4.0", a.baseline());
    assertEquals(Set.of("GET /v2/jobs/{id}", "DELETE /v2/jobs"), a.operations());
    assertFalse(a.covers("POST /v2/jobs"));
    Files.writeString(file, "- spec *: everything\n");
    assertThrows(IllegalStateException.class, () -> Accepted.read(file), "no baseline line");
  }

  private static Path mutate(Path spec, Consumer<ObjectNode> change, Path dir, String name) {
    ObjectNode copy = Specs.load(spec);
    try {
      change.accept(copy);
    } catch (RuntimeException | Error e) {
      return null; // nothing of that kind in this spec
    }
    return Specs.write(copy, dir.resolve(Repo.vendorOf(spec) + "--" + name.replace(' ', '-') + ".yaml"));
  }

  /** The component schema with properties behind the first 2xx JSON response (for a type change). */
  private static ObjectNode firstSuccessSchemaWithProperties(ObjectNode spec) {
    for (Specs.Op op : Specs.operations(spec)) {
      for (JsonNode r : iterable(op.node().path("responses"), "2")) {
        JsonNode schema = Specs.deref(spec, Specs.deref(spec, r).path("content").path("application/json").path("schema"));
        if (schema != null && schema.path("properties").size() > 0) {
          return (ObjectNode) schema;
        }
      }
    }
    throw new IllegalStateException("no 2xx JSON schema with properties");
  }

  private static List<JsonNode> iterable(JsonNode responses, String prefix) {
    List<JsonNode> out = new ArrayList<>();
    responses.fields().forEachRemaining(e -> {
      if (e.getKey().startsWith(prefix)) {
        out.add(e.getValue());
      }
    });
    return out;
  }

  private static List<Path> list(Path dir) {
    try (var s = Files.list(dir)) {
      return s.filter(f -> f.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
