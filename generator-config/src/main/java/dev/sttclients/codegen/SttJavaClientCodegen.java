package dev.sttclients.codegen;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.IJsonSchemaValidationProperties;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.OperationsMap;
import org.openapitools.codegen.utils.ModelUtils;

/**
 * OpenAPI Generator's Java client generator ({@code java}), plus one method per request media type.
 *
 * <p>An operation may accept its request body in several media types, e.g. SLNG's "create a batch job" takes JSON
 * (an audio URL) or {@code multipart/form-data} (the file itself). The stock generator reads only the first media
 * type, so the others could not be called at all. Here every further media type becomes an operation of its own:
 * the same method, path, parameters and responses, with only that media type as its body. Its method name is the
 * media type's {@code x-operation-id} when the spec gives one, else the operationId plus the media type's kind
 * ({@code createMultipart}, {@code createJson}, {@code createBinary}, {@code createForm}). The first media type keeps
 * the operationId. A variant carries {@code x-spec-operation-id} (the spec's operationId) and
 * {@code x-media-type} for the templates.
 *
 * <p>Each operation also gets the code that checks its parameters ({@code x-param-checks}, see
 * {@link ParameterCheckCode}), and each API class the constants that code uses ({@code paramCheckConstants}).
 *
 * <p>An integer's exclusive bound becomes the inclusive one next to it ({@code exclusiveMinimum} 0 is minimum 1):
 * {@code @Min}/{@code @Max}, which the stock templates put on integers, have no exclusive form and would otherwise
 * accept the bound itself. Parameters, form fields, properties and list elements alike.
 */
public class SttJavaClientCodegen extends JavaClientCodegen {
  /** Names the method of a media type other than the first, on the media type object. */
  public static final String OPERATION_ID = "x-operation-id";
  static final String SPEC_OPERATION_ID = "x-spec-operation-id";
  static final String MEDIA_TYPE = "x-media-type";
  static final String PARAM_CHECKS = "x-param-checks";

  @Override
  public String getName() {
    return "stt-java";
  }

  @Override
  public String getHelp() {
    return "Java client (OpenAPI Generator's 'java') with one method per request media type.";
  }

  @Override
  public void addOperationToGroup(String tag, String resourcePath, Operation operation, CodegenOperation co,
      Map<String, List<CodegenOperation>> operations) {
    super.addOperationToGroup(tag, resourcePath, operation, co, operations);
    RequestBody body = ModelUtils.getReferencedRequestBody(openAPI, operation.getRequestBody());
    if (body == null || body.getContent() == null || body.getContent().size() < 2
        || co.vendorExtensions.containsKey(SPEC_OPERATION_ID)) {
      return;
    }
    // A form's schema becomes parameters, not a model (the generator's skipFormModel): nothing to import. The stock
    // generator still imports the (ungenerated) model of a form that is not the first media type.
    List<String> formModels = body.getContent().entrySet().stream()
        .filter(e -> isForm(e.getKey()) && e.getValue().getSchema() != null && e.getValue().getSchema().get$ref() != null)
        .map(e -> toModelName(ModelUtils.getSimpleRef(e.getValue().getSchema().get$ref())))
        .toList();
    co.imports.removeAll(formModels);
    Iterator<Map.Entry<String, MediaType>> media = body.getContent().entrySet().iterator();
    co.vendorExtensions.put(MEDIA_TYPE, media.next().getKey());
    while (media.hasNext()) {
      Map.Entry<String, MediaType> m = media.next();
      Operation variant = copy(operation, variantId(operation.getOperationId(), m), new RequestBody()
          .description(body.getDescription())
          .required(body.getRequired())
          .extensions(body.getExtensions())
          .content(new Content().addMediaType(m.getKey(), m.getValue())));
      CodegenOperation v = fromOperation(resourcePath, co.httpMethod.toLowerCase(Locale.ROOT), variant, null);
      v.imports.removeAll(formModels);
      v.tags = co.tags;
      v.vendorExtensions.put(SPEC_OPERATION_ID, operation.getOperationId());
      v.vendorExtensions.put(MEDIA_TYPE, m.getKey());
      super.addOperationToGroup(tag, resourcePath, variant, v, operations);
    }
  }

  @Override
  public CodegenProperty fromProperty(String name, Schema p, boolean required,
      boolean schemaIsFromAdditionalProperties) {
    return inclusive(super.fromProperty(name, p, required, schemaIsFromAdditionalProperties));
  }

  @Override
  public CodegenParameter fromParameter(Parameter parameter, Set<String> imports) {
    return listed(inclusive(super.fromParameter(parameter, imports)));
  }

  @Override
  public CodegenParameter fromFormProperty(String name, Schema propertySchema, Set<String> imports) {
    return listed(inclusive(super.fromFormProperty(name, propertySchema, imports)));
  }

  /**
   * A string parameter with an inline enum is a plain {@code String} in Java (the generator makes enum classes only
   * for properties and referenced schemas): it gets the pattern of its values, {@code ^(asc|desc)$}, so that a value
   * the spec does not list is refused before sending, by {@code @Pattern} and the generated check alike.
   */
  private static CodegenParameter listed(CodegenParameter c) {
    if (c != null && c.isString && !c.isEnumRef && c.pattern == null && c._enum != null && !c._enum.isEmpty()) {
      c.pattern = enumPattern(c._enum);
    }
    return c;
  }

  /** {@code ^(a|b)$} for the values, regex-escaped, as the body of a Java string literal (as the generator's own). */
  static String enumPattern(List<String> values) {
    StringBuilder regex = new StringBuilder("^(");
    for (int i = 0; i < values.size(); i++) {
      regex.append(i == 0 ? "" : "|").append(values.get(i).replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0"));
    }
    return regex.append(")$").toString().replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** {@code c} with an integer's exclusive bounds made inclusive. */
  private static <T extends IJsonSchemaValidationProperties> T inclusive(T c) {
    if (c != null && (c.getIsInteger() || c.getIsLong())) {
      c.setMinimum(inclusive(c.getMinimum(), c.getExclusiveMinimum(), 1));
      c.setMaximum(inclusive(c.getMaximum(), c.getExclusiveMaximum(), -1));
      c.setExclusiveMinimum(false);
      c.setExclusiveMaximum(false);
    }
    return c;
  }

  /** An integer bound made inclusive: an exclusive one moves by {@code step} (+1 for a minimum, -1 for a maximum). */
  static String inclusive(String bound, boolean exclusive, int step) {
    if (bound == null || !exclusive) {
      return bound;
    }
    java.math.BigDecimal b = new java.math.BigDecimal(bound);
    java.math.BigDecimal whole = step > 0 ? b.setScale(0, java.math.RoundingMode.FLOOR)
        : b.setScale(0, java.math.RoundingMode.CEILING);
    return whole.add(java.math.BigDecimal.valueOf(step)).toPlainString();
  }

  @Override
  public OperationsMap postProcessOperationsWithModels(OperationsMap objs, List<ModelMap> allModels) {
    OperationsMap result = super.postProcessOperationsWithModels(objs, allModels);
    java.util.Set<String> models = new java.util.HashSet<>();
    for (ModelMap m : allModels) {
      models.add(m.getModel().classname);
    }
    ParameterCheckCode code = new ParameterCheckCode();
    for (CodegenOperation op : result.getOperations().getOperation()) {
      // A form field whose schema is a model (SLNG's multipart transcription_config) is a model parameter like a
      // JSON body: @Valid, and checked through, so the form checks what the same object in a JSON body is checked
      // for. The stock generator marks only body parameters as models.
      for (List<CodegenParameter> params : List.of(op.allParams, op.formParams)) {
        for (CodegenParameter p : params) {
          if (p.isFormParam && !p.isModel && !p.isContainer && !p.isFile && models.contains(p.dataType)) {
            p.isModel = true;
          }
        }
      }
      List<String> checks = code.statements(op);
      if (!checks.isEmpty()) {
        op.vendorExtensions.put(PARAM_CHECKS, checks);
      }
    }
    result.put("paramCheckConstants", code.constants());
    result.put("sttJava", true);
    return result;
  }

  private static boolean isForm(String mediaType) {
    String type = mediaType.toLowerCase(Locale.ROOT);
    return type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
  }

  static String variantId(String operationId, Map.Entry<String, MediaType> media) {
    Map<String, Object> ext = media.getValue().getExtensions();
    if (ext != null && ext.get(OPERATION_ID) != null) {
      return ext.get(OPERATION_ID).toString();
    }
    String type = media.getKey().toLowerCase(Locale.ROOT);
    String kind = type.startsWith("multipart/") ? "Multipart"
        : type.startsWith("application/x-www-form-urlencoded") ? "Form"
        : type.contains("json") ? "Json"
        : type.startsWith("application/octet-stream") ? "Binary"
        : camelize(type.replaceAll("[^a-z0-9]+", " "));
    return operationId + kind;
  }

  private static String camelize(String words) {
    StringBuilder sb = new StringBuilder();
    for (String w : words.trim().split(" +")) {
      sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    return sb.toString();
  }

  /** The operation with another id and body; everything else shared (parameters, responses, extensions...). */
  private static Operation copy(Operation o, String operationId, RequestBody body) {
    Operation c = new Operation()
        .operationId(operationId)
        .tags(o.getTags())
        .summary(o.getSummary())
        .description(o.getDescription())
        .externalDocs(o.getExternalDocs())
        .parameters(o.getParameters())
        .requestBody(body)
        .responses(o.getResponses())
        .callbacks(o.getCallbacks())
        .deprecated(o.getDeprecated())
        .security(o.getSecurity())
        .servers(o.getServers());
    c.setExtensions(o.getExtensions() == null ? null : new LinkedHashMap<>(o.getExtensions()));
    return c;
  }
}
