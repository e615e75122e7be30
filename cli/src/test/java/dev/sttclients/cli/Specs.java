package dev.sttclients.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/** The specs' own examples, so that the tests serve what each vendor documents rather than hand-written bodies. */
final class Specs {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Specs() {}

  static JsonNode spec(String vendor) {
    try {
      return YAML.readTree(Path.of(System.getProperty("specs.dir", "../specs"), vendor + ".yaml").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example {@code name} of the JSON response {@code status} of operation {@code operationId}. */
  static ObjectNode example(String vendor, String operationId, int status, String name) {
    JsonNode spec = spec(vendor);
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
      for (Iterator<Map.Entry<String, JsonNode>> ops = paths.next().getValue().fields(); ops.hasNext(); ) {
        JsonNode op = ops.next().getValue();
        if (!operationId.equals(op.path("operationId").asText())) {
          continue;
        }
        JsonNode response = op.path("responses").path(Integer.toString(status));
        if (response.has("$ref")) {
          response = spec.at("/components/responses/" + response.get("$ref").asText().replaceFirst(".*/", ""));
        }
        JsonNode value = response.path("content").path("application/json").path("examples").path(name).path("value");
        if (value.isMissingNode()) {
          throw new IllegalArgumentException(vendor + " " + operationId + " " + status + " has no example " + name);
        }
        return (ObjectNode) value.deepCopy();
      }
    }
    throw new IllegalArgumentException(vendor + " has no operation " + operationId);
  }

  static String json(String vendor, String operationId, int status, String name) {
    return example(vendor, operationId, status, name).toString();
  }
}
