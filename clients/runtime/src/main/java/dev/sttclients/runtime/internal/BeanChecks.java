package dev.sttclients.runtime.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.errors.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bean Validation for requests (parameters of a generated API method, cascading into bodies) and, in
 * strict mode, for responses. Turns constraint violations into {@link Violation}s that name the field
 * by its wire (JSON) name, the value, and the rule.
 */
public final class BeanChecks {
  /**
   * Hibernate Validator with a parameter-only message interpolator: no Expression Language implementation is needed
   * on the classpath (the default interpolator requires one). The only default messages that use EL are
   * {@code @DecimalMin}/{@code @DecimalMax}'s "or equal to" switch, which {@link #interpolator} writes itself.
   */
  private static final class Holder {
    /** Built on first use (hundreds of milliseconds): a call whose parameters are all plain values never needs it. */
    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
        .messageInterpolator(interpolator(new ParameterMessageInterpolator()))
        .buildValidatorFactory()
        .getValidator();
  }

  private BeanChecks() {}

  /** {@code base}, plus the messages of {@code @DecimalMin} and {@code @DecimalMax} without EL. */
  static MessageInterpolator interpolator(MessageInterpolator base) {
    return new MessageInterpolator() {
      @Override
      public String interpolate(String template, Context context) {
        return interpolate(template, context, java.util.Locale.ROOT);
      }

      @Override
      public String interpolate(String template, Context context, java.util.Locale locale) {
        Map<String, Object> attributes = context.getConstraintDescriptor().getAttributes();
        if (template.equals("{jakarta.validation.constraints.DecimalMax.message}")) {
          return "must be less than " + (Boolean.TRUE.equals(attributes.get("inclusive")) ? "or equal to " : "")
              + attributes.get("value");
        }
        if (template.equals("{jakarta.validation.constraints.DecimalMin.message}")) {
          return "must be greater than " + (Boolean.TRUE.equals(attributes.get("inclusive")) ? "or equal to " : "")
              + attributes.get("value");
        }
        return base.interpolate(template, context, locale);
      }
    };
  }

  /** The shared validator (thread-safe), bootstrapped on first use. */
  public static Validator validator() {
    return Holder.VALIDATOR;
  }

  /**
   * Checks the arguments of {@code api.methodName(args...)} against the constraints the generator put on
   * its parameters. {@code wireNames[i]} is the spec's name of parameter i. Executable validation (reflective, slow):
   * generated API methods no longer call it (they run checks generated from the spec, {@link ParameterChecks});
   * the conformance suite uses it as the oracle those checks must agree with.
   */
  public static List<Violation> checkParameters(Object api, String methodName, String[] wireNames, Object[] args) {
    Method method = findMethod(api.getClass(), methodName, args.length);
    Set<ConstraintViolation<Object>> found =
        Holder.VALIDATOR.forExecutables().validateParameters(api, method, args);
    List<Violation> out = new ArrayList<>();
    for (ConstraintViolation<Object> v : found) {
      StringBuilder field = new StringBuilder();
      JavaType type = null;
      for (Path.Node node : v.getPropertyPath()) {
        switch (node.getKind()) {
          case METHOD -> { }
          case PARAMETER -> {
            int i = node.as(Path.ParameterNode.class).getParameterIndex();
            field.append(i < wireNames.length ? wireNames[i] : node.getName());
            type = Json.mapper().constructType(method.getGenericParameterTypes()[i]);
          }
          default -> type = appendNode(field, node, type);
        }
      }
      out.add(new Violation(field.toString(), show(v.getInvalidValue()), v.getMessage()));
    }
    // UNKNOWN_DEFAULT_OPEN_API stands for "a value this client version does not know": reading it is fine,
    // sending it (e.g. as a status filter) would put a made-up value on the wire.
    for (int i = 0; i < args.length; i++) {
      Iterable<?> values = args[i] instanceof Iterable<?> it ? it : java.util.Collections.singletonList(args[i]);
      for (Object value : values) {
        if (value instanceof Enum<?> e && e.name().equals(UnknownEnums.UNKNOWN_CONSTANT)) {
          out.add(new Violation(i < wireNames.length ? wireNames[i] : "arg" + i, e.name(),
              UnknownEnums.PLACEHOLDER_RULE));
        }
      }
    }
    out.sort(Comparator.comparing(Violation::field));
    return out;
  }

  /** Checks a deserialized response (strict mode). */
  public static List<Violation> checkBean(Object bean) {
    return checkBean("", bean);
  }

  /**
   * Checks a bean passed as parameter {@code prefix} (a {@code @Valid} request body), its fields named as executable
   * validation names them ({@code body.audio_url}); with an empty prefix, as {@link #checkBean(Object)}.
   */
  public static List<Violation> checkBean(String prefix, Object bean) {
    List<Violation> out = new ArrayList<>();
    for (ConstraintViolation<Object> v : Holder.VALIDATOR.validate(bean)) {
      StringBuilder field = new StringBuilder(prefix);
      JavaType type = Json.mapper().constructType(bean.getClass());
      for (Path.Node node : v.getPropertyPath()) {
        type = appendNode(field, node, type);
      }
      out.add(new Violation(field.length() == 0 ? "(body)" : field.toString(), show(v.getInvalidValue()),
          v.getMessage()));
    }
    out.sort(Comparator.comparing(Violation::field));
    return out;
  }

  private static JavaType appendNode(StringBuilder field, Path.Node node, JavaType type) {
    if (node.getIndex() != null) {
      field.append('[').append(node.getIndex()).append(']');
      type = type == null ? null : type.getContentType();
    } else if (node.getKey() != null) {
      field.append('[').append(node.getKey()).append(']');
      type = type == null ? null : type.getContentType();
    }
    // A constrained element of a List/Map (List<@Pattern String>) is named "<list element>": the index says it all.
    if (node.getName() == null || node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
      return type;
    }
    String name = node.getName();
    JavaType next = null;
    if (type != null) {
      // Generated models put @JsonProperty on the getter (getX, or getX_JsonNullable for nullable fields).
      // Reflection rather than Jackson introspection: open models extend HashMap and would look like maps.
      String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
      for (String getter : new String[] {"get" + cap + "_JsonNullable", "get" + cap, "is" + cap}) {
        try {
          java.lang.reflect.Method m = type.getRawClass().getMethod(getter);
          JsonProperty jp = m.getAnnotation(JsonProperty.class);
          if (jp != null && !jp.value().isEmpty()) {
            name = jp.value();
            next = Json.mapper().constructType(type.getRawClass().getMethod("get" + cap).getGenericReturnType());
            break;
          }
        } catch (NoSuchMethodException notThisOne) {
          // try the next getter name
        }
      }
    }
    if (field.length() > 0) {
      field.append('.');
    }
    field.append(name);
    return next;
  }

  private static Method findMethod(Class<?> type, String name, int arity) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == arity) {
        return m;
      }
    }
    throw new IllegalStateException("no method " + name + "/" + arity + " on " + type.getName());
  }

  /**
   * A value as text for a one-line message: strings quoted, control characters escaped (a line feed as backslash-n,
   * others as a backslash-u escape), shortened to 120 characters.
   */
  public static String show(Object value) {
    if (value == null) {
      return "null";
    }
    String s = value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    String shown = sb.toString();
    return shown.length() > 120 ? shown.substring(0, 120) + "..." : shown;
  }

}
