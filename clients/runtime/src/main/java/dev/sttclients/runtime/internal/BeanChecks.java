package dev.sttclients.runtime.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.errors.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bean Validation for requests (parameters of a generated API method, cascading into bodies) and, in
 * strict mode, for responses. Turns constraint violations into {@link Violation}s that name the field
 * by its wire (JSON) name, the value, and the rule.
 */
public final class BeanChecks {
  private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();
  private static final Map<String, Method> METHODS = new ConcurrentHashMap<>();

  private BeanChecks() {}

  /** The shared validator (thread-safe). */
  public static Validator validator() {
    return VALIDATOR;
  }

  /**
   * Checks the arguments of {@code api.methodName(args...)} against the constraints the generator put on
   * its parameters. {@code wireNames[i]} is the spec's name of parameter i.
   */
  public static List<Violation> checkParameters(Object api, String methodName, String[] wireNames, Object[] args) {
    Method method = METHODS.computeIfAbsent(api.getClass().getName() + "#" + methodName + "/" + args.length,
        k -> findMethod(api.getClass(), methodName, args.length));
    Set<ConstraintViolation<Object>> found =
        VALIDATOR.forExecutables().validateParameters(api, method, args);
    List<Violation> out = new ArrayList<>();
    for (ConstraintViolation<Object> v : found) {
      if (nullableAfterAll(v)) {
        continue;
      }
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
    out.sort(Comparator.comparing(Violation::field));
    return out;
  }

  /** Checks a deserialized response (strict mode). */
  public static List<Violation> checkBean(Object bean) {
    List<Violation> out = new ArrayList<>();
    for (ConstraintViolation<Object> v : VALIDATOR.validate(bean)) {
      if (nullableAfterAll(v)) {
        continue;
      }
      StringBuilder field = new StringBuilder();
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
    if (node.getName() == null) {
      return type;
    }
    String name = node.getName();
    JavaType next = null;
    if (type != null && !type.isContainerType()) {
      BeanDescription desc = Json.mapper().getSerializationConfig().introspect(type);
      for (BeanPropertyDefinition p : desc.findProperties()) {
        // A nullable optional field is a JsonNullable<T> property (getX_JsonNullable) beside the plain getter
        // that carries the constraints; both name the same wire field.
        String getter = p.getGetter() == null ? "" : p.getGetter().getName();
        if (p.getInternalName().equals(name) || p.getInternalName().equals(name + "_JsonNullable")
            || getter.equalsIgnoreCase("get" + name) || getter.equalsIgnoreCase("get" + name + "_JsonNullable")) {
          name = p.getName();
          next = p.getPrimaryType();
          if (next != null && next.isReferenceType()) {
            next = next.getReferencedType();
          }
          break;
        }
      }
    }
    if (field.length() > 0) {
      field.append('.');
    }
    field.append(name);
    return next;
  }

  /**
   * A {@code @NotNull} on a getter that is also {@code @jakarta.annotation.Nullable}: the generator's rendering of a
   * field the spec marks both required and nullable (it must be present, null is a valid value). Not a breach.
   */
  private static boolean nullableAfterAll(ConstraintViolation<?> v) {
    if (!(v.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.NotNull)
        || v.getLeafBean() == null) {
      return false;
    }
    String property = null;
    for (Path.Node node : v.getPropertyPath()) {
      property = node.getName();
    }
    if (property == null || property.isEmpty()) {
      return false;
    }
    String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    try {
      return v.getLeafBean().getClass().getMethod(getter).isAnnotationPresent(jakarta.annotation.Nullable.class);
    } catch (NoSuchMethodException notAGetter) {
      return false;
    }
  }

  private static Method findMethod(Class<?> type, String name, int arity) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == arity) {
        return m;
      }
    }
    throw new IllegalStateException("no method " + name + "/" + arity + " on " + type.getName());
  }

  /** A value as text for a message: quoted strings, shortened. */
  static String show(Object value) {
    if (value == null) {
      return "null";
    }
    String s = value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
    return s.length() > 120 ? s.substring(0, 120) + "..." : s;
  }

}
