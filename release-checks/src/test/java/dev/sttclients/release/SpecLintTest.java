package dev.sttclients.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec lint gate: every spec passes Spectral with specs/lint/spectral.yaml; and each rule of ours (plus one
 * of spectral:oas, to prove the ruleset extends it) turns red on a copy of a spec broken for that rule alone.
 */
class SpecLintTest {

  @Test
  void everySpecPassesTheLint() {
    List<SpecLint.Finding> findings = SpecLint.lint(Repo.specs());
    List<SpecLint.Finding> errors = findings.stream().filter(SpecLint.Finding::isError).toList();
    assertTrue(errors.isEmpty(), () -> "Spectral errors (specs/lint/spectral.yaml):\n" + errors.stream()
        .map(Object::toString).collect(Collectors.joining("\n")));
  }

  /** A way to break a spec for one rule; returns false when the spec has nothing to break that way. */
  interface Breaker extends Predicate<ObjectNode> {
  }

  static Map<String, Breaker> breakers() {
    Map<String, Breaker> b = new LinkedHashMap<>();
    b.put("operation-operationId", spec -> first(spec).node().remove("operationId") != null);
    b.put("operation-tags", spec -> first(spec).node().remove("tags") != null);
    b.put("stt-operation-summary", spec -> first(spec).node().remove("summary") != null);
    b.put("stt-success-example", spec -> {
      for (Specs.Op op : Specs.operations(spec)) {
        for (Map.Entry<String, JsonNode> r : entries(op.node().path("responses"))) {
          JsonNode resp = Specs.deref(spec, r.getValue());
          if (r.getKey().startsWith("2") && resp.path("content").has("application/json")) {
            ObjectNode json = (ObjectNode) resp.path("content").path("application/json");
            json.remove("examples");
            json.remove("example");
            return true;
          }
        }
      }
      return false;
    });
    b.put("stt-error-schema", spec -> {
      for (Specs.Op op : Specs.operations(spec)) {
        for (Map.Entry<String, JsonNode> r : entries(op.node().path("responses"))) {
          if (r.getKey().startsWith("4")) {
            ObjectNode inline = Specs.YAML.createObjectNode();
            inline.put("description", "An error with an ad-hoc body.");
            inline.putObject("content").putObject("application/json").putObject("schema").put("type", "object");
            ((ObjectNode) op.node().path("responses")).set(r.getKey(), inline);
            return true;
          }
        }
      }
      return false;
    });
    b.put("stt-id-parameter-format", spec -> {
      for (ObjectNode p : parameters(spec)) {
        if (p.path("name").asText().matches("id|.*Id|.*_id|id_.*")) {
          p.remove("x-undocumented-format");
          ObjectNode schema = p.putObject("schema");
          schema.put("type", "string");
          return true;
        }
      }
      return false;
    });
    b.put("oas3-unused-component", spec -> {
      ((ObjectNode) spec.path("components")).with("schemas").putObject("UnusedInRedProof").put("type", "object");
      return true;
    });
    // A rule of spectral:oas itself (an error there): a response without its required description.
    b.put("oas3-schema", spec -> {
      Map.Entry<String, JsonNode> r = entries(first(spec).node().path("responses")).get(0);
      ObjectNode response = Specs.YAML.createObjectNode();
      response.putObject("content");
      ((ObjectNode) first(spec).node().path("responses")).set(r.getKey(), response);
      return true;
    });
    return b;
  }

  @Test
  void eachRuleTurnsRedOnABrokenCopy(@TempDir Path dir) throws IOException {
    Map<Path, String> expected = new LinkedHashMap<>();
    Set<String> proved = new TreeSet<>();
    for (Path spec : Repo.specs()) {
      for (Map.Entry<String, Breaker> rule : breakers().entrySet()) {
        ObjectNode copy = Specs.load(spec);
        if (rule.getValue().test(copy)) {
          // Same file name as the original (rules may read the vendor from it), one directory per rule.
          Path broken = Specs.write(copy, Files.createDirectories(dir.resolve(rule.getKey())).resolve(spec.getFileName()));
          expected.put(broken, rule.getKey());
          proved.add(rule.getKey());
        }
      }
    }
    assertEquals(breakers().keySet(), proved, "every rule is proved on at least one spec");

    List<SpecLint.Finding> findings = SpecLint.lint(new ArrayList<>(expected.keySet()));
    List<String> missed = new ArrayList<>();
    expected.forEach((file, rule) -> {
      boolean red = findings.stream().anyMatch(f -> f.isError() && f.code().equals(rule)
          && f.file().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize()));
      if (!red) {
        missed.add(dir.relativize(file) + " (expected an error from " + rule + ")");
      }
    });
    assertTrue(missed.isEmpty(), () -> "broken copies the lint passed:\n" + String.join("\n", missed)
        + "\nfindings:\n" + findings.stream().map(Object::toString).collect(Collectors.joining("\n")));
    assertEquals(breakers().size(), Files.list(dir).count(), "one directory per rule");
  }

  private static Specs.Op first(ObjectNode spec) {
    return Specs.operations(spec).get(0);
  }

  private static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    it.forEachRemaining(out::add);
    return out;
  }

  /** Every parameter object of the spec: path-level, operation-level and components.parameters. */
  private static List<ObjectNode> parameters(ObjectNode spec) {
    List<ObjectNode> out = new ArrayList<>();
    spec.path("components").path("parameters").forEach(p -> out.add((ObjectNode) p));
    spec.path("paths").forEach(item -> {
      item.path("parameters").forEach(p -> {
        if (!p.has("$ref")) {
          out.add((ObjectNode) p);
        }
      });
      item.fields().forEachRemaining(m -> m.getValue().path("parameters").forEach(p -> {
        if (p.isObject() && !p.has("$ref") && p.has("name")) {
          out.add((ObjectNode) p);
        }
      }));
    });
    return out;
  }
}
