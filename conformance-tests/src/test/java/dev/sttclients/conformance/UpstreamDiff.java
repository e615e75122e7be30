package dev.sttclients.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares one of our specs with the vendor's own OpenAPI document, operation by operation (matched by method and
 * path template, path parameter names ignored): parameters (in, required, style, explode, schema or content),
 * request bodies, response codes, media types and schemas, recursively (type, format, enum, bounds, required,
 * nullable, additionalProperties, properties, items). {@code $ref}s are followed, a single-part {@code allOf} is
 * the part itself (how a description or {@code nullable} is put beside a reference), several parts are merged, and
 * a {@code null} alternative or type (OpenAPI 3.1) is read as {@code nullable}. Descriptions, examples and
 * defaults are not compared.
 *
 * <p>A difference under an object of ours that carries {@code x-deviation} (operation, parameter, response, media
 * type, schema or property, or any ancestor of it within the operation or the schema reached by {@code $ref}) is
 * declared: it is reported with that reason instead of failing.
 */
final class UpstreamDiff {
  static final String DEVIATION = "x-deviation";
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final List<String> KEYWORDS = List.of("type", "format", "enum", "minimum", "maximum", "exclusiveMinimum",
      "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems", "nullable");

  /** One difference; {@code deviation} is the declared reason, or null. */
  record Difference(String path, String upstream, String ours, String deviation) {
    @Override
    public String toString() {
      return path + ": upstream " + upstream + ", ours " + ours + (deviation == null ? "" : "  [declared: " + deviation + "]");
    }
  }

  /** What a comparison found: operations compared, upstream operations we don't describe, and the differences. */
  record Report(List<String> compared, List<String> notCovered, List<Difference> differences) {
    List<Difference> undeclared() {
      return differences.stream().filter(d -> d.deviation() == null).toList();
    }

    List<Difference> declared() {
      return differences.stream().filter(d -> d.deviation() != null).toList();
    }
  }

  private final JsonNode up;
  private final JsonNode ours;
  private final List<Difference> out = new ArrayList<>();

  private UpstreamDiff(JsonNode upstream, JsonNode ours) {
    this.up = upstream;
    this.ours = ours;
  }

  static Report compare(JsonNode ours, JsonNode upstream) {
    UpstreamDiff d = new UpstreamDiff(upstream, ours);
    Map<String, Op> upOps = operations(upstream);
    Map<String, Op> ourOps = operations(ours);
    List<String> compared = new ArrayList<>();
    List<String> notCovered = new ArrayList<>();
    upOps.forEach((key, u) -> {
      Op o = ourOps.get(key);
      if (o == null) {
        notCovered.add(u.label());
      } else {
        compared.add(o.label());
        d.operation(o.label(), u, o, first(null, o.item(), o.op()));
      }
    });
    ourOps.forEach((key, o) -> {
      if (!upOps.containsKey(key)) {
        d.diff(o.label(), "absent", "described", first(null, o.item(), o.op()));
      }
    });
    return new Report(compared, notCovered, List.copyOf(d.out));
  }

  private record Op(String path, String method, JsonNode item, JsonNode op) {
    String label() {
      return method.toUpperCase() + " " + path;
    }
  }

  private static Map<String, Op> operations(JsonNode root) {
    Map<String, Op> ops = new LinkedHashMap<>();
    root.path("paths").fields().forEachRemaining(p -> METHODS.forEach(m -> {
      if (p.getValue().has(m)) {
        ops.put(m + " " + p.getKey().replaceAll("\\{[^}]*}", "{}"), new Op(p.getKey(), m, p.getValue(), p.getValue().get(m)));
      }
    }));
    return ops;
  }

  private void operation(String path, Op u, Op o, String dev) {
    Map<String, JsonNode> upParams = parameters(up, u);
    Map<String, JsonNode> ourParams = parameters(ours, o);
    for (String key : union(upParams.keySet(), ourParams.keySet())) {
      JsonNode ourParam = ourParams.get(key);
      parameter(path + "/parameters/" + key, upParams.get(key), ourParam, first(dev, ourParam));
    }
    JsonNode upBody = resolve(up, u.op().path("requestBody"));
    JsonNode ourBody = resolve(ours, o.op().path("requestBody"));
    String bodyDev = first(dev, o.op().path("requestBody"), ourBody);
    same(path + "/requestBody/required", bool(upBody, "required"), bool(ourBody, "required"), bodyDev);
    content(path + "/requestBody/content", upBody.path("content"), ourBody.path("content"), bodyDev);
    JsonNode upResponses = u.op().path("responses");
    JsonNode ourResponses = o.op().path("responses");
    for (String code : union(names(upResponses), names(ourResponses))) {
      String p = path + "/responses/" + code;
      if (!upResponses.has(code) || !ourResponses.has(code)) {
        diff(p, upResponses.has(code) ? "documented" : "absent", ourResponses.has(code) ? "documented" : "absent",
            first(dev, ourResponses.get(code)));
        continue;
      }
      JsonNode ourResponse = resolve(ours, ourResponses.get(code));
      content(p + "/content", resolve(up, upResponses.get(code)).path("content"), ourResponse.path("content"),
          first(dev, ourResponses.get(code), ourResponse));
    }
  }

  /** Parameters of an operation (path-level ones too), keyed by {@code in} and name; path parameters by position. */
  private static Map<String, JsonNode> parameters(JsonNode root, Op op) {
    Map<String, JsonNode> params = new LinkedHashMap<>();
    List<JsonNode> all = new ArrayList<>();
    op.item().path("parameters").forEach(all::add);
    op.op().path("parameters").forEach(all::add);
    for (JsonNode raw : all) {
      JsonNode p = resolve(root, raw);
      String name = p.path("name").asText();
      String in = p.path("in").asText();
      String key = in.equals("path") ? "path:{#" + op.path().split("\\{" + java.util.regex.Pattern.quote(name) + "}")[0]
          .chars().filter(c -> c == '{').count() + "}" : in + ":" + name;
      ObjectNode withDev = p.deepCopy();
      String dev = first(null, raw, p);
      if (dev != null) {
        withDev.put(DEVIATION, dev);
      }
      params.put(key, withDev);
    }
    return params;
  }

  private void parameter(String path, JsonNode u, JsonNode o, String dev) {
    if (u == null || o == null) {
      diff(path, u == null ? "absent" : "documented", o == null ? "absent" : "documented", dev);
      return;
    }
    same(path + "/required", bool(u, "required"), bool(o, "required"), dev);
    same(path + "/style", style(u), style(o), dev);
    same(path + "/explode", explode(u), explode(o), dev);
    if (u.has("schema") || o.has("schema")) {
      if (u.has("schema") && o.has("schema")) {
        schema(path + "/schema", u.get("schema"), o.get("schema"), dev, new HashSet<>());
      } else {
        diff(path + "/schema", u.has("schema") ? summary(up, u.get("schema")) : "absent",
            o.has("schema") ? summary(ours, o.get("schema")) : "absent", dev);
      }
    }
    content(path + "/content", u.path("content"), o.path("content"), dev);
  }

  private static String style(JsonNode p) {
    String in = p.path("in").asText();
    return p.path("style").asText(in.equals("query") || in.equals("cookie") ? "form" : "simple");
  }

  private static String explode(JsonNode p) {
    return String.valueOf(p.has("explode") ? p.get("explode").asBoolean() : style(p).equals("form"));
  }

  private void content(String path, JsonNode u, JsonNode o, String dev) {
    for (String type : union(names(u), names(o))) {
      String p = path + "/" + type;
      if (!u.has(type) || !o.has(type)) {
        diff(p, u.has(type) ? "documented" : "absent", o.has(type) ? "documented" : "absent", first(dev, o.get(type)));
      } else if (u.get(type).has("schema") || o.get(type).has("schema")) {
        schema(p + "/schema", u.get(type).path("schema"), o.get(type).path("schema"), first(dev, o.get(type)),
            new HashSet<>());
      }
    }
  }

  private void schema(String path, JsonNode uRaw, JsonNode oRaw, String dev, Set<String> seen) {
    ObjectNode u = normalize(up, uRaw);
    ObjectNode o = normalize(ours, oRaw);
    dev = first(dev, o);
    String pair = u.path("x-refs").asText() + "|" + o.path("x-refs").asText();
    if (!pair.equals("|") && !seen.add(pair)) {
      return; // a recursive schema: this pair is already being compared further up
    }
    for (String kw : KEYWORDS) {
      same(path + "/" + kw, value(u.get(kw)), value(o.get(kw)), dev);
    }
    same(path + "/required", value(u.get("required")), value(o.get("required")), dev);
    JsonNode ua = u.get("additionalProperties");
    JsonNode oa = o.get("additionalProperties");
    if (ua != null && oa != null && ua.isObject() && oa.isObject()) {
      schema(path + "/additionalProperties", ua, oa, first(dev, oa), seen);
    } else {
      same(path + "/additionalProperties", ua == null ? "absent" : ua.isObject() ? "a schema" : ua.asText(),
          oa == null ? "absent" : oa.isObject() ? "a schema" : oa.asText(), dev);
    }
    JsonNode uProps = u.path("properties");
    JsonNode oProps = o.path("properties");
    for (String name : union(names(uProps), names(oProps))) {
      String p = path + "/properties/" + name;
      if (!uProps.has(name) || !oProps.has(name)) {
        diff(p, uProps.has(name) ? summary(up, uProps.get(name)) : "absent",
            oProps.has(name) ? summary(ours, oProps.get(name)) : "absent", first(dev, oProps.get(name)));
      } else {
        schema(p, uProps.get(name), oProps.get(name), dev, seen);
      }
    }
    if (u.has("items") || o.has("items")) {
      schema(path + "/items", u.path("items"), o.path("items"), dev, seen);
    }
    for (String kw : List.of("oneOf", "anyOf")) {
      JsonNode ul = u.path(kw);
      JsonNode ol = o.path(kw);
      same(path + "/" + kw + " (alternatives)", String.valueOf(ul.size()), String.valueOf(ol.size()), dev);
      for (int i = 0; i < Math.min(ul.size(), ol.size()); i++) {
        schema(path + "/" + kw + "/" + i, ul.get(i), ol.get(i), dev, seen);
      }
    }
    seen.remove(pair);
  }

  /**
   * A schema with its {@code $ref}s followed and {@code allOf} merged, 3.1 {@code null} types and alternatives read
   * as {@code nullable: true}, the first {@code x-deviation} met kept, and the names of the refs followed in
   * {@code x-refs} (to stop on recursion).
   */
  private static ObjectNode normalize(JsonNode root, JsonNode raw) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    StringBuilder refs = new StringBuilder();
    merge(root, raw, n, refs);
    if (n.path("type").isArray()) {
      ArrayNode types = (ArrayNode) n.get("type");
      List<String> nonNull = new ArrayList<>();
      types.forEach(t -> {
        if (t.asText().equals("null")) {
          n.put("nullable", true);
        } else {
          nonNull.add(t.asText());
        }
      });
      n.put("type", String.join(",", nonNull));
    }
    for (String kw : List.of("oneOf", "anyOf")) {
      if (n.has(kw)) {
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        n.get(kw).forEach(alt -> {
          if ("null".equals(resolve(root, alt).path("type").asText())) {
            n.put("nullable", true);
          } else {
            kept.add(alt);
          }
        });
        n.remove(kw);
        if (kept.size() == 1) {
          merge(root, kept.get(0), n, refs);
        } else if (!kept.isEmpty()) {
          n.set(kw, kept);
        }
      }
    }
    if (!n.path("nullable").asBoolean(false)) {
      n.remove("nullable");
    }
    n.put("x-refs", refs.toString());
    return n;
  }

  private static void merge(JsonNode root, JsonNode raw, ObjectNode into, StringBuilder refs) {
    if (raw == null || raw.isMissingNode()) {
      return;
    }
    if (raw.has(DEVIATION) && !into.has(DEVIATION)) {
      into.set(DEVIATION, raw.get(DEVIATION));
    }
    if (raw.has("$ref")) {
      refs.append(raw.get("$ref").asText()).append(' ');
      merge(root, pointer(root, raw.get("$ref").asText()), into, refs);
    }
    raw.fields().forEachRemaining(f -> {
      switch (f.getKey()) {
        case "$ref", DEVIATION -> { }
        case "allOf" -> f.getValue().forEach(part -> merge(root, part, into, refs));
        case "properties" -> {
          ObjectNode props = into.has("properties") ? (ObjectNode) into.get("properties") : into.putObject("properties");
          f.getValue().fields().forEachRemaining(p -> props.set(p.getKey(), p.getValue()));
        }
        case "required" -> {
          TreeSet<String> all = new TreeSet<>();
          into.path("required").forEach(r -> all.add(r.asText()));
          f.getValue().forEach(r -> all.add(r.asText()));
          ArrayNode arr = into.putArray("required");
          all.forEach(arr::add);
        }
        case "nullable" -> into.put("nullable", into.path("nullable").asBoolean(false) || f.getValue().asBoolean());
        default -> {
          if (!into.has(f.getKey())) {
            into.set(f.getKey(), f.getValue());
          }
        }
      }
    });
  }

  private static JsonNode resolve(JsonNode root, JsonNode node) {
    int hops = 0;
    while (node != null && node.has("$ref") && hops++ < 20) {
      node = pointer(root, node.get("$ref").asText());
    }
    return node == null ? JsonNodeFactory.instance.missingNode() : node;
  }

  private static JsonNode pointer(JsonNode root, String ref) {
    if (!ref.startsWith("#")) {
      throw new IllegalArgumentException("only local references are supported: " + ref);
    }
    JsonNode target = root.at(ref.substring(1));
    if (target.isMissingNode()) {
      throw new IllegalArgumentException("unresolved reference " + ref);
    }
    return target;
  }

  /** A short description of a schema for a report line: its type and format, or its reference. */
  private static String summary(JsonNode root, JsonNode raw) {
    ObjectNode n = normalize(root, raw);
    String type = n.path("type").asText(n.has("properties") ? "object" : "any");
    return type + (n.has("format") ? "<" + n.get("format").asText() + ">" : "")
        + (n.path("nullable").asBoolean(false) ? "|null" : "");
  }

  /** A keyword's value as text; sets (enum, required) sorted, numbers by value; "absent" when not there. */
  private static String value(JsonNode v) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      return "absent";
    }
    if (v.isArray()) {
      TreeSet<String> set = new TreeSet<>();
      v.forEach(e -> set.add(e.asText()));
      return set.toString();
    }
    return v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString() : v.asText();
  }

  private static String bool(JsonNode n, String field) {
    return String.valueOf(n.path(field).asBoolean(false));
  }

  private void same(String path, String upstream, String ours, String dev) {
    if (!upstream.equals(ours)) {
      diff(path, upstream, ours, dev);
    }
  }

  private void diff(String path, String upstream, String ours, String dev) {
    out.add(new Difference(path, upstream, ours, dev));
  }

  /** The current deviation, else the first {@code x-deviation} among these nodes of ours. */
  private static String first(String dev, JsonNode... nodes) {
    if (dev != null) {
      return dev;
    }
    for (JsonNode n : nodes) {
      if (n != null && n.hasNonNull(DEVIATION)) {
        return n.get(DEVIATION).asText();
      }
    }
    return null;
  }

  private static List<String> names(JsonNode obj) {
    List<String> names = new ArrayList<>();
    obj.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> union(Iterable<String> a, Iterable<String> b) {
    Set<String> all = new LinkedHashSet<>();
    a.forEach(all::add);
    b.forEach(all::add);
    return new ArrayList<>(all);
  }
}
