package dev.sttclients.conformance;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One vendor's spec, parsed with swagger-parser (the generator's own parser), plus the naming conventions
 * that tie it to its generated client: {@code specs/NAME.yaml} is served by {@code dev.sttclients.NAME.NameClient}
 * (override with {@code info.x-java-client}), models live in {@code dev.sttclients.NAME.model}, and an
 * operation tagged T is a method of the API class {@code TApi} (or a subclass) returned by a client accessor.
 * An operation whose request body offers several media types is one {@link Op} per media type, as the generator
 * ({@code stt-java}) makes one method per media type: the first keeps the operationId, each other one is named by its
 * media type's {@code x-operation-id} (else the operationId plus {@code Multipart}, {@code Json}, ...).
 */
record VendorSpec(String name, Path file, OpenAPI api) {

  static List<VendorSpec> all() {
    Path dir = dev.sttclients.testkit.PrismServer.specsDir();
    try (Stream<Path> files = Files.list(dir)) {
      List<VendorSpec> specs = files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(VendorSpec::load)
          .toList();
      if (specs.isEmpty()) {
        throw new IllegalStateException("no specs in " + dir);
      }
      return specs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static VendorSpec load(Path file) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readLocation(file.toUri().toString(), null, options);
    if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
      throw new IllegalStateException(file + " does not parse: " + result.getMessages());
    }
    String name = file.getFileName().toString().replace(".yaml", "");
    return new VendorSpec(name, file, result.getOpenAPI());
  }

  String basePackage() {
    return "dev.sttclients." + name;
  }

  String clientClassName() {
    Object configured = api.getInfo().getExtensions() == null ? null : api.getInfo().getExtensions().get("x-java-client");
    return configured != null ? configured.toString() : basePackage() + "." + capitalize(name) + "Client";
  }

  /**
   * The generated model class of a component schema; {@code Map} for a free-form object (no properties, only
   * additionalProperties), which the generator maps to {@code Map<String, Object>} instead of a class.
   */
  Class<?> modelClass(String schemaName) {
    String cls = basePackage() + ".model." + javaClassName(schemaName);
    try {
      return Class.forName(cls);
    } catch (ClassNotFoundException e) {
      Schema<?> s = schemas().get(schemaName);
      if (s != null && (s.getProperties() == null || s.getProperties().isEmpty())
          && "object".equals(Samples.type(s))) {
        return Map.class;
      }
      throw new IllegalStateException("no generated model " + cls + " for schema " + schemaName, e);
    }
  }

  Map<String, Schema> schemas() {
    Map<String, Schema> s = api.getComponents() == null ? null : api.getComponents().getSchemas();
    return s == null ? Map.of() : s;
  }

  /**
   * Follows a {@code #/components/schemas/X} reference (one level), also one written as a single-part
   * {@code allOf} (the way a reference gets {@code nullable} or a description beside it).
   */
  Schema<?> deref(Schema<?> schema) {
    String ref = refOf(schema);
    return ref != null ? schemas().get(refName(ref)) : schema;
  }

  /** The reference of a schema that is one: {@code $ref}, or a single-part {@code allOf} of a {@code $ref}; else null. */
  static String refOf(Schema<?> schema) {
    if (schema == null) {
      return null;
    }
    if (schema.get$ref() != null) {
      return schema.get$ref();
    }
    List<Schema> allOf = schema.getAllOf();
    return allOf != null && allOf.size() == 1 ? allOf.get(0).get$ref() : null;
  }

  /** A parameter's schema: its {@code schema}, or the schema of its first media type ({@code content}). */
  static Schema<?> paramSchema(Parameter p) {
    if (p.getSchema() != null || p.getContent() == null || p.getContent().isEmpty()) {
      return p.getSchema();
    }
    return p.getContent().values().iterator().next().getSchema();
  }

  static String refName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  List<Op> operations() {
    List<Op> ops = new ArrayList<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
      List<Parameter> params = new ArrayList<>();
      if (item.getParameters() != null) {
        item.getParameters().forEach(p -> params.add(derefParam(p)));
      }
      if (op.getParameters() != null) {
        op.getParameters().forEach(p -> params.add(derefParam(p)));
      }
      Map<String, ApiResponse> responses = new LinkedHashMap<>();
      op.getResponses().forEach((code, r) -> responses.put(code, derefResponse(r)));
      Map<String, MediaType> media = op.getRequestBody() == null || op.getRequestBody().getContent() == null
          ? Map.of() : op.getRequestBody().getContent();
      if (media.isEmpty()) {
        ops.add(new Op(this, method.name(), path, op, params, responses, null, op.getOperationId()));
      }
      boolean first = true;
      for (Map.Entry<String, MediaType> m : media.entrySet()) {
        ops.add(new Op(this, method.name(), path, op, params, responses, m.getKey(),
            first ? op.getOperationId() : variantId(op.getOperationId(), m)));
        first = false;
      }
    }));
    return ops;
  }

  /** The method name of a request media type other than the first (the generator's rule, stt-java). */
  static String variantId(String operationId, Map.Entry<String, MediaType> media) {
    Map<String, Object> ext = media.getValue().getExtensions();
    if (ext != null && ext.get("x-operation-id") != null) {
      return ext.get("x-operation-id").toString();
    }
    String type = media.getKey().toLowerCase(Locale.ROOT);
    String kind = type.startsWith("multipart/") ? "Multipart"
        : type.startsWith("application/x-www-form-urlencoded") ? "Form"
        : type.contains("json") ? "Json"
        : type.startsWith("application/octet-stream") ? "Binary"
        : javaClassName(type);
    return operationId + kind;
  }

  private Parameter derefParam(Parameter p) {
    return p.get$ref() != null ? api.getComponents().getParameters().get(refName(p.get$ref())) : p;
  }

  private ApiResponse derefResponse(ApiResponse r) {
    return r.get$ref() != null ? api.getComponents().getResponses().get(refName(r.get$ref())) : r;
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The generator's class name for a schema or tag name (camelized). */
  static String javaClassName(String name) {
    StringBuilder sb = new StringBuilder();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      sb.append(capitalize(part));
    }
    return sb.toString();
  }

  /** The generator's Java parameter name (camelCase of the wire name). */
  static String javaParamName(String wire) {
    String c = javaClassName(wire);
    return c.isEmpty() ? c : Character.toLowerCase(c.charAt(0)) + c.substring(1);
  }

  /**
   * One operation of the spec, or, for a request body with several media types, one of its media types
   * ({@code mediaType}, null when there is no body; {@code id} the generated method's name).
   */
  record Op(VendorSpec spec, String method, String path, Operation operation, List<Parameter> parameters,
      Map<String, ApiResponse> responses, String mediaType, String id) {

    /** The media type object of this op's request body, or null. */
    MediaType requestMedia() {
      return mediaType == null ? null : operation.getRequestBody().getContent().get(mediaType);
    }

    String tag() {
      return operation.getTags() == null || operation.getTags().isEmpty() ? "default" : operation.getTags().get(0);
    }

    String label() {
      return spec.name() + " " + id() + " (" + method + " " + path + (mediaType == null ? "" : ", " + mediaType) + ")";
    }

    /** The JSON schema of a response (first JSON media type), or null. */
    MediaType json(ApiResponse r) {
      if (r.getContent() == null) {
        return null;
      }
      return r.getContent().entrySet().stream()
          .filter(e -> e.getKey().toLowerCase(Locale.ROOT).contains("json"))
          .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    boolean isBinary(ApiResponse r) {
      return r.getContent() != null && r.getContent().values().stream().anyMatch(m -> m.getSchema() != null
          && "binary".equals(m.getSchema().getFormat()));
    }

    /**
     * This op's request body, when it is a form ({@code multipart/form-data} or
     * {@code application/x-www-form-urlencoded}): the property whose generated Java parameter is named
     * {@code javaName}, with its wire name; null when there is none.
     */
    Map.Entry<String, Schema> formField(String javaName) {
      if (mediaType == null || !mediaType.startsWith("multipart/")
          && !mediaType.startsWith("application/x-www-form-urlencoded")) {
        return null;
      }
      Schema<?> form = spec.deref(requestMedia().getSchema());
      if (form == null || form.getProperties() == null) {
        return null;
      }
      return form.getProperties().entrySet().stream().filter(e -> javaParamName(e.getKey()).equals(javaName))
          .findFirst().orElse(null);
    }

    /** This op's request body when it is JSON, else null. */
    MediaType requestJson() {
      return mediaType != null && mediaType.contains("json") ? requestMedia() : null;
    }
  }

}
