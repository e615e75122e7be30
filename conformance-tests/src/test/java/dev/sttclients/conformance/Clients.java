package dev.sttclients.conformance;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sttclients.runtime.BinaryBody;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.SttClientBuilder;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/** Reaches a spec's generated client by convention (see {@link VendorSpec}) and calls its operations. */
final class Clients {
  static final String TEST_KEY = "conformance-test-key-3f9c2b";

  private Clients() {}

  static SttClient client(VendorSpec spec, String baseUrl) {
    return client(spec, baseUrl, false);
  }

  /** The vendor's public client as README builds it: key, base URL, no retries, lenient or strict responses. */
  static SttClient client(VendorSpec spec, String baseUrl, boolean strictResponses) {
    try {
      Class<?> cls = Class.forName(spec.clientClassName());
      SttClientBuilder<?, ?> builder = (SttClientBuilder<?, ?>) cls.getMethod("builder").invoke(null);
      builder.apiKey(TEST_KEY).baseUrl(baseUrl).maxRetries(0).strictResponseValidation(strictResponses);
      return (SttClient) builder.build();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no client " + spec.clientClassName() + " for " + spec.file()
          + ": add the vendor's client module as a dependency of conformance-tests/pom.xml", e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The API object for an operation's tag: the client accessor whose type is (a subclass of) TagApi. */
  static Object api(SttClient client, String tag) {
    String wanted = VendorSpec.javaClassName(tag) + "Api";
    for (Method m : client.getClass().getMethods()) {
      if (m.getParameterCount() == 0 && isOrExtends(m.getReturnType(), wanted)) {
        try {
          return m.invoke(client);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalStateException(client.getClass().getSimpleName() + " has no accessor returning " + wanted);
  }

  private static boolean isOrExtends(Class<?> c, String simpleName) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      if (k.getSimpleName().equals(simpleName)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The generated positional {@code opWithResponse(params..., RequestOptions)}: declared by the generated API class
   * (not a hand-written overload), and not the overload that takes the operation's nested {@code OpParams} object.
   */
  static Method withResponse(Object api, String operationId) {
    for (Method m : api.getClass().getMethods()) {
      if (isGeneratedWithResponse(m, operationId) && !takesParamsObject(m)) {
        return m;
      }
    }
    throw new IllegalStateException(api.getClass().getSimpleName() + " has no " + operationId + "WithResponse");
  }

  /**
   * The generated {@code opWithResponse(OpParams, RequestOptions)}, or null when the generator made no params
   * object for the operation (it does for operations with several parameters, some optional).
   */
  static Method withResponseByParams(Object api, String operationId) {
    for (Method m : api.getClass().getMethods()) {
      if (isGeneratedWithResponse(m, operationId) && takesParamsObject(m)) {
        return m;
      }
    }
    return null;
  }

  private static boolean isGeneratedWithResponse(Method m, String operationId) {
    return m.getName().equals(operationId + "WithResponse")
        && m.getDeclaringClass().getPackageName().endsWith(".api");
  }

  /** Its first parameter is a class nested in the API class: the generated {@code OpParams}. */
  private static boolean takesParamsObject(Method m) {
    return m.getParameterCount() == 2 && m.getParameterTypes()[0].getDeclaringClass() == m.getDeclaringClass();
  }

  /**
   * The arguments of {@code positional} (values for every parameter, then the RequestOptions) as the arguments of
   * {@code byParams}: one {@code OpParams} built by setting each parameter by its Java name, then the options.
   */
  static Object[] paramsArgs(Method byParams, Method positional, Object[] args) {
    try {
      Class<?> paramsClass = byParams.getParameterTypes()[0];
      Object builder = paramsClass.getMethod("builder").invoke(null);
      java.lang.reflect.Parameter[] params = positional.getParameters();
      for (int i = 0; i < params.length - 1; i++) {
        builder.getClass().getMethod(params[i].getName(), params[i].getType()).invoke(builder, args[i]);
      }
      return new Object[] {builder.getClass().getMethod("build").invoke(builder), args[args.length - 1]};
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build the params object of " + byParams, e);
    }
  }

  /**
   * Valid arguments for every parameter of {@code op}, from the spec; {@code overrides} replaces some by wire
   * name (a null value passes null).
   */
  static Object[] args(VendorSpec.Op op, Method m, Map<String, JsonNode> overrides, RequestOptions options) {
    java.lang.reflect.Parameter[] params = m.getParameters();
    Object[] args = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      String javaName = params[i].getName();
      JavaType type = Json.mapper().getTypeFactory().constructType(m.getGenericParameterTypes()[i]);
      if (params[i].getType() == RequestOptions.class) {
        args[i] = options;
        continue;
      }
      if (params[i].getType() == BinaryBody.class) {
        args[i] = sampleFile(); // a raw binary body or a multipart file field
        continue;
      }
      Parameter p = op.parameters().stream().filter(x -> VendorSpec.javaParamName(x.getName()).equals(javaName))
          .findFirst().orElse(null);
      Map.Entry<String, io.swagger.v3.oas.models.media.Schema> field = p != null ? null : op.formField(javaName);
      String wire = p != null ? p.getName() : field != null ? field.getKey() : "body";
      JsonNode value;
      if (overrides.containsKey(wire)) {
        value = overrides.get(wire);
      } else if (p != null) {
        value = p.getExample() != null ? Json.mapper().valueToTree(p.getExample())
            : Samples.sample(op.spec(), VendorSpec.paramSchema(p), op.label() + " " + wire);
      } else if (field != null) {
        value = Samples.sample(op.spec(), field.getValue(), op.label() + " form field " + wire);
      } else {
        value = requestBodySample(op);
      }
      args[i] = value == null || value.isNull() ? null : Json.mapper().convertValue(value, type);
    }
    return args;
  }

  /** A few bytes as a file upload (a fresh stream each time: a stream body is sent once). */
  static BinaryBody sampleFile() {
    byte[] bytes = "RIFF$\u0000\u0000\u0000WAVEfmt conformance sample".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    return BinaryBody.of(new java.io.ByteArrayInputStream(bytes), bytes.length, "sample.wav").withContentType("audio/wav");
  }

  static JsonNode requestBodySample(VendorSpec.Op op) {
    MediaType mt = op.requestJson();
    if (mt == null) {
      throw new IllegalStateException(op.label() + ": a body parameter but no JSON request body in the spec");
    }
    if (mt.getExamples() != null && !mt.getExamples().isEmpty()) {
      Example first = mt.getExamples().values().iterator().next();
      return Json.mapper().valueToTree(first.getValue());
    }
    if (mt.getExample() != null) {
      return Json.mapper().valueToTree(mt.getExample());
    }
    return Samples.sample(op.spec(), mt.getSchema(), op.label() + " body");
  }

  /** Invokes and unwraps: returns the result or throws what the client threw. */
  static Object invoke(Object api, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(api, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
