package dev.sttclients.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sttclients.runtime.Json;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every constraint a spec documents (on component-schema properties and on operation parameters), and the
 * test cases derived from each: values just inside and just outside each bound. A constraint for which no
 * case can be derived is reported by the coverage test, never skipped silently.
 */
final class Constraints {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final String UNKNOWN_ENUM_VALUE = "value-added-by-the-vendor-later";
  /** Candidates for "does not match the pattern", tried in order. */
  private static final List<String> PATTERN_BREAKERS =
      List.of("abc-123", "../x", "has space", "", "!", "a/b", "x".repeat(300));

  enum Expect { ACCEPT, REJECT, UNKNOWN_ENUM }

  /** Where a constraint lives: a component schema's property, or an operation's parameter. */
  record Constraint(VendorSpec spec, String owner, String field, String rule, Schema<?> schema, boolean isParam,
      VendorSpec.Op op) {
    String key() {
      return spec.name() + ":" + owner + "." + field + ":" + rule;
    }
  }

  /** One derived case: a JSON value for the field, and what the spec says must happen to it. */
  record Case(Constraint constraint, String description, JsonNode value, boolean remove, Expect expect) {
    String label() {
      return constraint.owner() + "." + constraint.field() + " " + description + " -> " + switch (expect) {
        case ACCEPT -> "accepted";
        case REJECT -> "rejected (" + constraint.rule() + ")";
        case UNKNOWN_ENUM -> "accepted as the unknown constant";
      };
    }
  }

  /** All constraints of a spec. Nested inline objects are listed too (they get no cases: use a $ref). */
  static List<Constraint> of(VendorSpec spec) {
    List<Constraint> out = new ArrayList<>();
    spec.schemas().forEach((name, schema) -> collectObject(spec, name, schema, out, false));
    for (VendorSpec.Op op : spec.operations()) {
      for (Parameter p : op.parameters()) {
        Schema<?> s = spec.deref(VendorSpec.paramSchema(p));
        String owner = op.id();
        if (Boolean.TRUE.equals(p.getRequired())) {
          out.add(new Constraint(spec, owner, p.getName(), "required", s, true, op));
        }
        rulesOf(s).forEach(r -> out.add(new Constraint(spec, owner, p.getName(), r, s, true, op)));
      }
    }
    return out;
  }

  private static void collectObject(VendorSpec spec, String owner, Schema<?> schema, List<Constraint> out,
      boolean inline) {
    if (schema.getProperties() == null) {
      return;
    }
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    schema.getProperties().forEach((prop, raw) -> {
      Schema<?> s = spec.deref(raw);
      // A reference made nullable beside it (allOf: [$ref], nullable: true): presence and null are the wrapper's.
      Schema<?> presence = Boolean.TRUE.equals(raw.getNullable()) ? raw : s;
      String o = inline ? owner + " (inline object: make it a $ref'd component)" : owner;
      if (required.contains(prop)) {
        out.add(new Constraint(spec, o, prop, "required", presence, false, null));
      }
      if (Boolean.TRUE.equals(presence.getNullable())) {
        out.add(new Constraint(spec, o, prop, "nullable", presence, false, null));
      }
      rulesOf(s).forEach(r -> out.add(new Constraint(spec, o, prop, r, s, false, null)));
      if (VendorSpec.refOf(raw) == null && s.getProperties() != null) {
        collectObject(spec, owner + "." + prop, s, out, true);
      }
    });
  }

  private static List<String> rulesOf(Schema<?> s) {
    List<String> rules = new ArrayList<>();
    if (s.getMinimum() != null) rules.add("minimum " + s.getMinimum());
    if (s.getMaximum() != null) rules.add("maximum " + s.getMaximum());
    if (s.getMinLength() != null) rules.add("minLength " + s.getMinLength());
    if (s.getMaxLength() != null) rules.add("maxLength " + s.getMaxLength());
    if (s.getPattern() != null) rules.add("pattern " + s.getPattern());
    if (s.getEnum() != null && !s.getEnum().isEmpty()) rules.add("enum " + s.getEnum());
    return rules;
  }

  /** The cases for one constraint; empty when none can be derived (a coverage failure). */
  static List<Case> cases(Constraint c, JsonNode validValue) {
    Schema<?> s = c.schema();
    List<Case> out = new ArrayList<>();
    boolean integer = "integer".equals(Samples.type(s));
    String rule = c.rule();
    if (rule.equals("required")) {
      if (!requiredButNullable(c)) {
        if (!c.isParam()) { // a Java argument cannot be absent, only null
          out.add(new Case(c, "absent", null, true, Expect.REJECT));
        }
        out.add(new Case(c, "= null", F.nullNode(), false, Expect.REJECT));
      }
    } else if (rule.equals("nullable")) {
      out.add(new Case(c, "= null", F.nullNode(), false, Expect.ACCEPT));
    } else if (rule.startsWith("minimum")) {
      BigDecimal m = s.getMinimum();
      boolean exclusive = Boolean.TRUE.equals(s.getExclusiveMinimum());
      BigDecimal step = integer ? BigDecimal.ONE : new BigDecimal("0.001");
      out.add(new Case(c, "= " + (exclusive ? m.add(step) : m), num(exclusive ? m.add(step) : m), false, Expect.ACCEPT));
      out.add(new Case(c, "= " + (exclusive ? m : m.subtract(step)), num(exclusive ? m : m.subtract(step)), false,
          Expect.REJECT));
    } else if (rule.startsWith("maximum")) {
      BigDecimal m = s.getMaximum();
      boolean exclusive = Boolean.TRUE.equals(s.getExclusiveMaximum());
      BigDecimal step = integer ? BigDecimal.ONE : new BigDecimal("0.001");
      out.add(new Case(c, "= " + (exclusive ? m.subtract(step) : m), num(exclusive ? m.subtract(step) : m), false,
          Expect.ACCEPT));
      out.add(new Case(c, "= " + (exclusive ? m : m.add(step)), num(exclusive ? m : m.add(step)), false,
          Expect.REJECT));
    } else if (rule.startsWith("minLength") || rule.startsWith("maxLength")) {
      if (s.getPattern() != null) {
        return out; // lengths of a patterned string need hand-picked values: reported as uncovered
      }
      int n = rule.startsWith("min") ? s.getMinLength() : s.getMaxLength();
      int outside = rule.startsWith("min") ? n - 1 : n + 1;
      out.add(new Case(c, "of length " + n, F.textNode("x".repeat(n)), false, Expect.ACCEPT));
      if (outside >= 0) {
        out.add(new Case(c, "of length " + outside, F.textNode("x".repeat(outside)), false, Expect.REJECT));
      }
    } else if (rule.startsWith("pattern")) {
      Pattern p = Pattern.compile(s.getPattern());
      if (validValue != null && validValue.isTextual() && p.matcher(validValue.asText()).find()) {
        out.add(new Case(c, "= '" + validValue.asText() + "'", validValue, false, Expect.ACCEPT));
      }
      PATTERN_BREAKERS.stream().filter(v -> !p.matcher(v).find()).limit(2)
          .forEach(v -> out.add(new Case(c, "= '" + shorten(v) + "'", F.textNode(v), false, Expect.REJECT)));
    } else if (rule.startsWith("enum")) {
      for (Object v : s.getEnum()) {
        out.add(new Case(c, "= " + v, Json.mapper().valueToTree(v), false, Expect.ACCEPT));
      }
      if (!c.isParam()) {
        out.add(new Case(c, "= '" + UNKNOWN_ENUM_VALUE + "'", F.textNode(UNKNOWN_ENUM_VALUE), false,
            Expect.UNKNOWN_ENUM));
      } else if (inlineStringEnum(c)) {
        // A parameter's inline string enum is a String in Java: a value the spec does not list is refused before
        // sending. (A $ref'd enum is an enum class, which cannot hold one; its placeholder is tested apart.)
        out.add(new Case(c, "= '" + UNKNOWN_ENUM_VALUE + "'", F.textNode(UNKNOWN_ENUM_VALUE), false, Expect.REJECT));
      }
    }
    return out;
  }

  private static boolean inlineStringEnum(Constraint c) {
    return c.schema().getEnum().stream().allMatch(v -> v instanceof String) && c.op().parameters().stream()
        .anyMatch(p -> p.getName().equals(c.field()) && VendorSpec.refOf(VendorSpec.paramSchema(p)) == null);
  }

  /**
   * A required property that may be null, or that has a default: the generated Java model holds it in a plain
   * field (null, or pre-set to the default), so it cannot tell "absent" from "null"/"default" and does not
   * enforce presence. The coverage test lists these as a known limitation.
   */
  static boolean requiredButNullable(Constraint c) {
    return !c.isParam() && c.rule().equals("required")
        && (Boolean.TRUE.equals(c.schema().getNullable()) || c.schema().getDefault() != null);
  }

  private static JsonNode num(BigDecimal v) {
    return v.scale() <= 0 ? F.numberNode(v.toBigIntegerExact()) : F.numberNode(v);
  }

  private static String shorten(String v) {
    return v.length() > 20 ? v.substring(0, 20) + "...(" + v.length() + " chars)" : v;
  }

  /**
   * A valid instance of each component schema: every instance found inside the spec's examples (response and
   * request bodies), else one synthesized from the schema.
   */
  static Map<String, JsonNode> baseDocuments(VendorSpec spec) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    for (VendorSpec.Op op : spec.operations()) {
      for (ApiResponse r : op.responses().values()) {
        MediaType mt = op.json(r);
        if (mt != null) {
          examples(mt).values().forEach(ex -> walk(spec, mt.getSchema(), ex, found));
        }
      }
      MediaType req = op.requestJson();
      if (req != null) {
        examples(req).values().forEach(ex -> walk(spec, req.getSchema(), ex, found));
      }
    }
    spec.schemas().forEach((name, schema) -> {
      if (!found.containsKey(name) && "object".equals(Samples.type(schema))) {
        try {
          found.put(name, Samples.sample(spec, schema, name));
        } catch (IllegalStateException noSample) {
          // reported by the coverage test
        }
      }
    });
    return found;
  }

  /** Named examples and the single example of a media type, by name. */
  static Map<String, JsonNode> examples(MediaType mt) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (mt.getExamples() != null) {
      for (Map.Entry<String, Example> e : mt.getExamples().entrySet()) {
        out.put(e.getKey(), Json.mapper().valueToTree(e.getValue().getValue()));
      }
    }
    if (mt.getExample() != null) {
      out.put("example", Json.mapper().valueToTree(mt.getExample()));
    }
    return out;
  }

  private static void walk(VendorSpec spec, Schema<?> raw, JsonNode node, Map<String, JsonNode> found) {
    if (raw == null || node == null || node.isNull()) {
      return;
    }
    if (VendorSpec.refOf(raw) != null) {
      found.putIfAbsent(VendorSpec.refName(VendorSpec.refOf(raw)), node);
    }
    Schema<?> s = spec.deref(raw);
    if (s == null) {
      return;
    }
    if (node.isArray() && s.getItems() != null) {
      node.forEach(n -> walk(spec, s.getItems(), n, found));
    } else if (node.isObject() && s.getProperties() != null) {
      s.getProperties().forEach((k, v) -> walk(spec, v, node.get(k), found));
    }
  }

  /** The base document with one field set (or removed). */
  static ObjectNode with(JsonNode base, Case c) {
    ObjectNode doc = base.deepCopy();
    if (c.remove()) {
      doc.remove(c.constraint().field());
    } else {
      doc.set(c.constraint().field(), c.value());
    }
    return doc;
  }
}
