package dev.sttclients.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sttclients.conformance.Constraints.Case;
import dev.sttclients.conformance.Constraints.Constraint;
import dev.sttclients.runtime.BinaryBody;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.Violation;
import dev.sttclients.runtime.internal.BeanChecks;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The generated parameter checks (plain code from the spec, run by every generated API method) and Bean Validation's
 * executable validation of the same method (the annotations the generator put on its signature, via
 * {@link BeanChecks#checkParameters}) give the same verdict and the same violations (field, value, rule, order) on
 * every case derived from the specs: for every operation of every spec, its valid sample arguments; each parameter
 * null; each documented bound of a parameter, a form field or a JSON body's property just inside and just outside;
 * the enum placeholder {@code UNKNOWN_DEFAULT_OPEN_API} for each enum parameter. The generated side is reached by
 * calling the generated method against a port where nothing listens (a passed check fails to connect), through
 * each of its forms (positional, {@code OpParams}, {@code validateOp}).
 */
class ParameterChecksAgreementTest {
  private static final Comparator<Violation> FULL =
      Comparator.comparing(Violation::field).thenComparing(Violation::rule).thenComparing(Violation::value);
  private static final String PLACEHOLDER = "UNKNOWN_DEFAULT_OPEN_API";

  /**
   * One derived argument list for one operation, and what the call refuses beyond the parameters' annotations: an
   * unknown enum value in a JSON body is the placeholder, which the writer of request bodies refuses (UnknownEnums).
   */
  private record Args(String label, Object[] values, List<Violation> bodyRefusals) {
    Args(String label, Object[] values) {
      this(label, values, List.of());
    }
  }

  @Test
  void generatedChecksAgreeWithBeanValidationOnEveryDerivedCase() throws Throwable {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Set<String> present = new TreeSet<>();
    Set<String> exercised = new TreeSet<>();
    List<String> disagreements = new ArrayList<>();
    int cases = 0;
    int rejected = 0;
    for (VendorSpec spec : VendorSpec.all()) {
      Map<String, JsonNode> bases = Constraints.baseDocuments(spec);
      List<Constraint> constraints = Constraints.of(spec);
      try (SttClient client = Clients.client(spec, "http://127.0.0.1:" + port)) {
        for (VendorSpec.Op op : spec.operations()) {
          Object api = Clients.api(client, op.tag());
          Method m = Clients.withResponse(api, op.id());
          String[] wire = wireNames(op, m);
          present.addAll(kindsOf(m));
          for (Args a : derive(op, m, constraints, bases)) {
            cases++;
            List<Violation> expected = BeanChecks.checkParameters(api, m.getName(), wire, a.values());
            if (expected.isEmpty()) { // the body is written (and its placeholder refused) only after the checks
              expected = a.bodyRefusals();
            }
            if (!expected.isEmpty()) {
              rejected++;
              exercised.addAll(kindsOf(m, wire, expected));
            }
            String where = op.label() + " " + a.label();
            compare(where, expected, generated(api, m, a.values()), disagreements);
            Method byParams = Clients.withResponseByParams(api, op.id());
            if (byParams != null) {
              Object[] pa = Clients.paramsArgs(byParams, m, fresh(a.values()));
              compare(where + " (params object)", expected, generated(api, byParams, pa), disagreements);
              Method validate = api.getClass().getMethod("validate" + VendorSpec.capitalize(op.id()),
                  byParams.getParameterTypes()[0]);
              compare(where + " (validate)", expected, validated(api, validate, pa[0]), disagreements);
            }
          }
        }
      }
    }
    if (!disagreements.isEmpty()) {
      fail(disagreements.size() + " of " + cases + " cases disagree:\n  " + String.join("\n  ", disagreements));
    }
    assertTrue(cases >= 150, "too few derived cases: " + cases);
    assertTrue(rejected >= 50, "too few rejected cases: " + rejected + " of " + cases);
    assertTrue(present.containsAll(Set.of("NotNull", "Min", "Max", "Size", "Pattern", "Valid", "placeholder")),
        "the specs no longer use some kind of constraint this test expects: " + present);
    assertEquals(present, exercised, "constraint kinds on the generated signatures that no case broke");
    System.out.println("ParameterChecksAgreementTest: " + cases + " cases (" + rejected + " rejected), kinds "
        + exercised);
  }

  /** The valid samples, then each parameter null, each derived bound case, and the placeholder for each enum. */
  private static List<Args> derive(VendorSpec.Op op, Method m, List<Constraint> constraints,
      Map<String, JsonNode> bases) {
    List<Args> out = new ArrayList<>();
    out.add(new Args("valid samples", Clients.args(op, m, Map.of(), RequestOptions.none())));
    java.lang.reflect.Parameter[] params = m.getParameters();
    for (int i = 0; i < params.length - 1; i++) {
      Object[] args = Clients.args(op, m, Map.of(), RequestOptions.none());
      args[i] = null;
      out.add(new Args(params[i].getName() + " = null", args));
      Object placeholder = placeholder(m.getGenericParameterTypes()[i]);
      if (placeholder != null) {
        args = Clients.args(op, m, Map.of(), RequestOptions.none());
        args[i] = placeholder;
        out.add(new Args(params[i].getName() + " = " + placeholder, args));
      }
    }
    String form = op.mediaType() != null && !op.mediaType().contains("json") ? refName(op.requestMedia()) : null;
    String body = op.requestJson() != null ? refName(op.requestJson()) : null;
    for (Constraint c : constraints) {
      boolean own = c.isParam() && c.op().id().equals(op.id());
      boolean formField = !c.isParam() && c.owner().equals(form);
      boolean bodyField = !c.isParam() && c.owner().equals(body);
      if (!own && !formField && !bodyField) {
        continue;
      }
      for (Case k : ModelConformanceTest.casesOf(c, bases)) {
        Map<String, JsonNode> override = new HashMap<>();
        if (bodyField) {
          ObjectNode doc = Constraints.with(Clients.requestBodySample(op), k);
          override.put("body", doc);
        } else {
          override.put(c.field(), k.remove() ? null : k.value());
        }
        List<Violation> refusals = bodyField && k.expect() == Constraints.Expect.UNKNOWN_ENUM
            ? List.of(new Violation("body." + c.field(), PLACEHOLDER,
                "is the placeholder for values unknown to this client and cannot be sent"))
            : List.of();
        try {
          out.add(new Args(k.label(), Clients.args(op, m, override, RequestOptions.none()), refusals));
        } catch (IllegalArgumentException unreadable) {
          // The value does not even convert to the parameter's Java type (e.g. 1.5 for an Integer): no call to make.
        }
      }
    }
    return out;
  }

  private static String refName(io.swagger.v3.oas.models.media.MediaType media) {
    String ref = media == null ? null : VendorSpec.refOf(media.getSchema());
    return ref == null ? null : VendorSpec.refName(ref);
  }

  /** A value carrying the enum placeholder for a parameter of this type (an enum, or a list of one), else null. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object placeholder(Type type) {
    if (type instanceof Class<?> c && c.isEnum()) {
      return Enum.valueOf((Class<? extends Enum>) c, PLACEHOLDER);
    }
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
      Object element = placeholder(p.getActualTypeArguments()[0]);
      if (element != null) {
        Class<?> raw = (Class<?>) p.getRawType();
        return Set.class.isAssignableFrom(raw) ? Set.of(element) : List.of(element);
      }
    }
    return null;
  }

  /** The spec's name of each parameter of the generated positional method, as the template names them. */
  private static String[] wireNames(VendorSpec.Op op, Method m) {
    java.lang.reflect.Parameter[] params = m.getParameters();
    String[] out = new String[params.length];
    for (int i = 0; i < params.length; i++) {
      String java = params[i].getName();
      Parameter p = op.parameters().stream().filter(x -> VendorSpec.javaParamName(x.getName()).equals(java))
          .findFirst().orElse(null);
      Map.Entry<String, io.swagger.v3.oas.models.media.Schema> field = op.formField(java);
      out[i] = params[i].getType() == RequestOptions.class ? "requestOptions"
          : p != null ? p.getName() : field != null ? field.getKey() : "body";
    }
    return out;
  }

  /** The same arguments, with a fresh stream for a file (a stream is read once). */
  private static Object[] fresh(Object[] args) {
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof BinaryBody) {
        out[i] = Clients.sampleFile();
      }
    }
    return out;
  }

  /** The violations the generated method reports, or none when it went on to the network. */
  private static List<Violation> generated(Object api, Method m, Object[] args) throws Throwable {
    try {
      Clients.invoke(api, m, fresh(args));
    } catch (RequestValidationException e) {
      assertEquals(0, e.attempts(), "nothing may be sent");
      return e.violations();
    } catch (ConnectionException e) {
      assertEquals(1, e.attempts());
      return List.of();
    }
    throw new AssertionError("a call to a dead port returned");
  }

  private static List<Violation> validated(Object api, Method validate, Object params) throws Throwable {
    try {
      Clients.invoke(api, validate, new Object[] {params});
      return List.of();
    } catch (RequestValidationException e) {
      return e.violations();
    }
  }

  /**
   * Same violations (compared fully sorted: Bean Validation's order among violations of one field is a set's), and
   * the generated ones sorted by field as the exception promises.
   */
  private static void compare(String where, List<Violation> expected, List<Violation> actual, List<String> out) {
    List<Violation> e = new ArrayList<>(expected);
    List<Violation> a = new ArrayList<>(actual);
    e.sort(FULL);
    a.sort(FULL);
    if (!e.equals(a)) {
      out.add(where + ": Bean Validation " + e + ", generated checks " + actual);
    } else if (!isSortedByField(actual)) {
      out.add(where + ": generated violations not sorted by field: " + actual);
    }
  }

  private static boolean isSortedByField(List<Violation> v) {
    for (int i = 1; i < v.size(); i++) {
      if (v.get(i - 1).field().compareTo(v.get(i).field()) > 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The kinds of constraint the generated signature declares: its Bean Validation annotations (on parameters and on
   * type arguments), and "placeholder" for a parameter that can carry an enum.
   */
  private static Set<String> kindsOf(Method m) {
    Set<String> out = new TreeSet<>();
    java.lang.reflect.AnnotatedType[] types = m.getAnnotatedParameterTypes();
    for (int i = 0; i < types.length; i++) {
      for (Annotation a : m.getParameterAnnotations()[i]) {
        if (a.annotationType().getPackageName().startsWith("jakarta.validation")) {
          out.add(a.annotationType().getSimpleName());
        }
      }
      if (types[i] instanceof java.lang.reflect.AnnotatedParameterizedType p) {
        for (java.lang.reflect.AnnotatedType t : p.getAnnotatedActualTypeArguments()) {
          for (Annotation a : t.getAnnotations()) {
            out.add(a.annotationType().getSimpleName() + " (element)");
          }
        }
      }
      if (placeholder(m.getGenericParameterTypes()[i]) != null) {
        out.add("placeholder");
      }
    }
    return out;
  }

  /** The kinds of constraint behind these violations (by their rule, and the annotations of their parameter). */
  private static Set<String> kindsOf(Method m, String[] wire, List<Violation> violations) {
    Set<String> out = new TreeSet<>();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < wire.length; i++) {
      index.put(wire[i], i);
    }
    for (Violation v : violations) {
      String root = v.field().split("[.\\[]", 2)[0];
      boolean element = v.field().startsWith(root + "[") && !v.field().contains(".");
      if (v.field().contains(".") || v.field().contains("].")) {
        out.add("Valid");
        continue;
      }
      if (v.rule().startsWith("is the placeholder")) {
        out.add("placeholder");
        continue;
      }
      String kind = v.rule().equals("must not be null") ? "NotNull"
          : v.rule().startsWith("size must be") ? "Size"
          : v.rule().startsWith("must match") ? "Pattern"
          : v.rule().startsWith("must be greater than") ? "Min"
          : v.rule().startsWith("must be less than") ? "Max"
          : v.rule();
      Integer i = index.get(root);
      if (i != null && (kind.equals("Min") || kind.equals("Max"))) {
        for (Annotation a : m.getParameterAnnotations()[i]) {
          if (a.annotationType().getSimpleName().equals("Decimal" + kind)) {
            kind = "Decimal" + kind;
          }
        }
      }
      out.add(element ? kind + " (element)" : kind);
    }
    return out;
  }
}
