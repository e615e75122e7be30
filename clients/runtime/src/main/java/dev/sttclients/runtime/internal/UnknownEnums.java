package dev.sttclients.runtime.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Map;

/**
 * Keeps the raw string of enum values the spec does not know. Generated enums turn an unknown value into
 * their {@code UNKNOWN_DEFAULT_OPEN_API} constant (forward compatibility); this module wraps every enum
 * deserializer so that, when the runtime parses a response, each such value is recorded as
 * {@code path -> raw value} (path as in {@code items[0].status}) in the map passed as the
 * {@link #ATTRIBUTE} attribute of the reader. Without that attribute nothing is recorded.
 */
public final class UnknownEnums {
  /** Reader attribute: a {@code Map<String, String>} to record into. */
  public static final Object ATTRIBUTE = UnknownEnums.class;
  /** The constant the generator adds to every enum when {@code enumUnknownDefaultCase} is on. */
  static final String UNKNOWN_CONSTANT = "UNKNOWN_DEFAULT_OPEN_API";

  /** Where the recorder writes when the reader carries no {@link #ATTRIBUTE}: the runtime's parse on this thread. */
  private static final ThreadLocal<Map<String, String>> CURRENT = new ThreadLocal<>();

  private UnknownEnums() {}

  /**
   * Records the unknown values the current thread's reads meet into {@code sink} (path -> raw string) until
   * {@link #stop()}: the runtime's way to collect them without a per-call reader ({@code withAttribute} copies the
   * reader's whole configuration).
   */
  public static void recordInto(Map<String, String> sink) {
    CURRENT.set(sink);
  }

  /** Ends {@link #recordInto} on this thread. */
  public static void stop() {
    CURRENT.set(null); // not remove(): the thread keeps its entry for the next call
  }

  /** The Jackson module that installs the recorder. */
  public static SimpleModule module() {
    SimpleModule module = new SimpleModule("stt-unknown-enums");
    module.setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
          BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        return new Recorder(deserializer);
      }
    });
    return module;
  }

  /** A JSON location as {@code a.b[0].c}, from the parser's context. */
  static String path(JsonStreamContext ctx) {
    StringBuilder sb = new StringBuilder();
    build(ctx, sb);
    return sb.length() == 0 ? "(body)" : sb.toString();
  }

  private static void build(JsonStreamContext ctx, StringBuilder sb) {
    if (ctx == null || ctx.inRoot()) {
      return;
    }
    build(ctx.getParent(), sb);
    if (ctx.inArray()) {
      sb.append('[').append(Math.max(ctx.getCurrentIndex(), 0)).append(']');
    } else if (ctx.inObject() && ctx.getCurrentName() != null) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(ctx.getCurrentName());
    }
  }

  static final class Recorder extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    Recorder(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new Recorder(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token != null && token.isScalarValue() && token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL) {
        // Strict reading: an enum is a JSON string. A number or boolean is not coerced into one (nor into the
        // unknown constant).
        throw com.fasterxml.jackson.databind.exc.MismatchedInputException.from(p, handledType(),
            "an enum is a JSON string, not " + token);
      }
      Object value = super.deserialize(p, ctxt);
      // Only an unknown value costs anything: its path and text are read after the fact (reading a scalar leaves the
      // parser on that token, in the same context).
      if (token == JsonToken.VALUE_STRING && value instanceof Enum<?> e && UNKNOWN_CONSTANT.equals(e.name())) {
        Object sink = ctxt.getAttribute(ATTRIBUTE);
        if (sink == null) {
          sink = CURRENT.get();
        }
        if (sink instanceof Map<?, ?> map) {
          @SuppressWarnings("unchecked")
          Map<String, String> m = (Map<String, String>) map;
          m.put(path(p.getParsingContext()), p.getText());
        }
      }
      return value;
    }
  }
}
