package dev.sttclients.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;

/**
 * The Java statements that check an operation's parameters, generated from the same facts the generator's
 * Bean Validation annotations on those parameters come from ({@code beanValidationQueryParams.mustache} and
 * {@code beanValidationCore.mustache}: {@code @NotNull}, {@code @Pattern}, {@code @Size}, {@code @Min}/{@code @Max}
 * on integers, {@code @DecimalMin}/{@code @DecimalMax} otherwise; {@code @Valid} on a model; the type-use
 * annotations on list elements), so that a call checks exactly what the annotations say without executable
 * validation. Each statement is {@code violations = ParameterChecks.x(violations, ...);}. Regular expressions and
 * decimal bounds become static constants of the API class ({@link #constants}), made once.
 *
 * <p>The conformance suite compares the result with Bean Validation's on every derived case.
 */
final class ParameterCheckCode {
  private static final String CHECKS = "dev.sttclients.runtime.internal.ParameterChecks.";
  /** Initializer expression -> constant name, in order of first use. */
  private final Map<String, String> constants = new LinkedHashMap<>();
  private final Map<String, String> types = new LinkedHashMap<>();

  /** The statements checking {@code op}'s parameters, in parameter order (empty when there is nothing to check). */
  List<String> statements(CodegenOperation op) {
    List<String> out = new ArrayList<>();
    for (CodegenParameter p : op.allParams) {
      String wire = p.isBodyParam ? "body" : p.baseName;
      String name = p.paramName;
      if (p.isEmail) {
        throw new IllegalStateException(op.operationId + ": parameter " + wire + " has format email, which has no "
            + "generated check (ParameterCheckCode): add one, with its agreement case");
      }
      if (p.required) {
        out.add(call("notNull", q(wire), name));
      }
      out.addAll(valueChecks(wire, "-1", name, p.pattern, p.isByteArray, p.minLength, p.maxLength, p.isInteger,
          p.isLong, p.minimum, p.exclusiveMinimum, p.maximum, p.exclusiveMaximum));
      if (p.minItems != null || p.maxItems != null) {
        out.add(size(wire, "-1", name, p.minItems, p.maxItems));
      }
      if (p.isModel) {
        out.add(call("valid", q(wire), "-1", name));
      }
      if (p.isArray && p.items != null && p.dataType != null && p.dataType.contains("@")) {
        // Type-use annotations on the elements (List<@Pattern(...) String>): checked element by element. A Set's
        // elements have no index in Bean Validation's path.
        CodegenProperty it = p.items;
        List<String> each = valueChecks(wire, p.uniqueItems ? "-1" : "i", "item", it.pattern, it.isByteArray,
            it.minLength, it.maxLength, it.isInteger, it.isLong, it.minimum, it.exclusiveMinimum, it.maximum,
            it.exclusiveMaximum);
        if (it.isModel) {
          each.add(call("valid", q(wire), p.uniqueItems ? "-1" : "i", "item"));
        }
        if (!each.isEmpty()) {
          out.add("if (" + name + " != null) {\n      int i = 0;\n      for (var item : " + name + ") {\n        "
              + String.join("\n        ", each) + "\n        i++;\n      }\n    }");
        }
      }
      if (p.isEnum || p.isEnumRef || p.isContainer) {
        out.add(call("notPlaceholder", q(wire), name));
      }
    }
    return out;
  }

  /** The declarations of the constants the statements use, for the API class. */
  List<String> constants() {
    List<String> out = new ArrayList<>();
    constants.forEach((init, name) -> out.add("private static final " + types.get(init) + " " + name + " = " + init
        + ";"));
    return out;
  }

  private List<String> valueChecks(String wire, String index, String name, String pattern, boolean isByteArray,
      Integer minLength, Integer maxLength, boolean isInteger, boolean isLong, String minimum, boolean exclusiveMin,
      String maximum, boolean exclusiveMax) {
    List<String> out = new ArrayList<>();
    if (pattern != null && !isByteArray) {
      // Already escaped as the body of a Java string literal, as in @Pattern(regexp="...").
      String constant = constant("java.util.regex.Pattern", "java.util.regex.Pattern.compile(\"" + pattern + "\")",
          "PATTERN_");
      out.add(call("pattern", q(wire), index, name, constant));
    }
    if (minLength != null || maxLength != null) {
      out.add(size(wire, index, name, minLength, maxLength));
    }
    if (isInteger || isLong) {
      // @Min/@Max, inclusive: the generator has made an integer's exclusive bounds inclusive (SttJavaClientCodegen).
      if (minimum != null) {
        out.add(call("min", q(wire), index, name, Long.parseLong(minimum) + "L"));
      }
      if (maximum != null) {
        out.add(call("max", q(wire), index, name, Long.parseLong(maximum) + "L"));
      }
    } else {
      if (minimum != null) {
        out.add(call("decimalMin", q(wire), index, name, decimal(minimum), q(minimum), String.valueOf(!exclusiveMin)));
      }
      if (maximum != null) {
        out.add(call("decimalMax", q(wire), index, name, decimal(maximum), q(maximum), String.valueOf(!exclusiveMax)));
      }
    }
    return out;
  }

  private static String size(String wire, String index, String name, Integer min, Integer max) {
    return call("size", q(wire), index, name, String.valueOf(min == null ? 0 : min),
        max == null ? "Integer.MAX_VALUE" : String.valueOf(max));
  }

  private String decimal(String text) {
    return constant("java.math.BigDecimal", "new java.math.BigDecimal(\"" + text + "\")", "DECIMAL_");
  }

  private String constant(String type, String init, String prefix) {
    types.putIfAbsent(init, type);
    return constants.computeIfAbsent(init, k -> prefix + constants.size());
  }

  private static String call(String check, String... args) {
    return "violations = " + CHECKS + check + "(violations, " + String.join(", ", args) + ");";
  }

  private static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
