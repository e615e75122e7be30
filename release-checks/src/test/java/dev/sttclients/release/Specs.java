package dev.sttclients.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Specs as editable trees, for the broken copies the red-proof tests make. */
final class Specs {
  static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());
  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private Specs() {
  }

  static ObjectNode load(Path file) {
    try {
      return (ObjectNode) YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(ObjectNode spec, Path file) {
    try {
      YAML.writeValue(file.toFile(), spec);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One operation of a spec tree: its path, method and node. */
  record Op(String path, String method, ObjectNode node) {
    @Override
    public String toString() {
      return method.toUpperCase() + " " + path;
    }
  }

  static List<Op> operations(ObjectNode spec) {
    List<Op> ops = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> p = paths.next();
      p.getValue().fields().forEachRemaining(m -> {
        if (METHODS.contains(m.getKey())) {
          ops.add(new Op(p.getKey(), m.getKey(), (ObjectNode) m.getValue()));
        }
      });
    }
    return ops;
  }

  /** Follows a local "#/a/b" reference of the tree (one level), or returns the node itself. */
  static JsonNode deref(ObjectNode spec, JsonNode node) {
    if (node != null && node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
      return spec.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }
}
