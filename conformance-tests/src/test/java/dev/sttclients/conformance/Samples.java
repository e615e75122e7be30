package dev.sttclients.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sttclients.runtime.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Valid values derived from a schema: its example, else its default, else its first enum value, else a value
 * built from its type, format and bounds. A patterned string needs an example (no regex inversion here).
 */
final class Samples {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Samples() {}

  static JsonNode sample(VendorSpec spec, Schema<?> raw, String where) {
    Schema<?> s = spec.deref(raw);
    if (s == null) {
      throw new IllegalStateException(where + ": unresolved schema " + raw.get$ref());
    }
    if (s.getExample() != null) {
      return Json.mapper().valueToTree(s.getExample());
    }
    if (s.getDefault() != null) {
      return Json.mapper().valueToTree(s.getDefault());
    }
    if (s.getEnum() != null && !s.getEnum().isEmpty()) {
      return Json.mapper().valueToTree(s.getEnum().get(0));
    }
    String type = type(s);
    switch (type) {
      case "string" -> {
        if (s.getPattern() != null) {
          throw new IllegalStateException(where + ": patterned string needs an example in the spec");
        }
        String f = s.getFormat() == null ? "" : s.getFormat();
        return F.textNode(switch (f) {
          case "uuid" -> "3fa85f64-5717-4562-b3fc-2c963f66afa6";
          case "date" -> "2024-01-01";
          case "date-time" -> "2024-01-01T00:00:00Z";
          case "uri", "url" -> "https://example.com/x";
          default -> "x".repeat(Math.max(1, s.getMinLength() == null ? 1 : s.getMinLength()));
        });
      }
      case "integer" -> {
        BigDecimal v = s.getMinimum() != null ? s.getMinimum() : BigDecimal.ONE;
        if (s.getMaximum() != null && v.compareTo(s.getMaximum()) > 0) {
          v = s.getMaximum();
        }
        return F.numberNode(v.longValueExact());
      }
      case "number" -> {
        BigDecimal v = s.getMinimum() != null ? s.getMinimum() : new BigDecimal("1.5");
        return F.numberNode(v);
      }
      case "boolean" -> {
        return F.booleanNode(false);
      }
      case "array" -> {
        ArrayNode a = F.arrayNode();
        a.add(sample(spec, s.getItems(), where + "[]"));
        return a;
      }
      default -> {
        ObjectNode o = F.objectNode();
        Map<String, Schema> props = s.getProperties() == null ? Map.of() : s.getProperties();
        List<String> required = s.getRequired() == null ? List.of() : s.getRequired();
        for (String r : required) {
          if (props.containsKey(r)) {
            o.set(r, sample(spec, props.get(r), where + "." + r));
          }
        }
        return o;
      }
    }
  }

  static String type(Schema<?> s) {
    if (s.getType() != null) {
      return s.getType();
    }
    if (s.getTypes() != null && !s.getTypes().isEmpty()) {
      return s.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse("object");
    }
    return "object";
  }
}
