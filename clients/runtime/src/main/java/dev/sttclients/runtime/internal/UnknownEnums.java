package dev.sttclients.runtime.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import java.io.IOException;
import java.util.Map;

/**
 * Keeps the raw string of enum values the spec does not know. Generated enums turn an unknown value into
 * their {@code UNKNOWN_DEFAULT_OPEN_API} constant (forward compatibility); this module wraps every enum
 * deserializer so that, when the runtime parses a response, each such value is recorded as
 * {@code path -> raw value} (path as in {@code items[0].status}) in the map passed as the
 * {@link #ATTRIBUTE} attribute of the reader. Without that attribute nothing is recorded.
 *
 * <p>The other way, the constant stands for no value at all: a request that would carry it anywhere in its body
 * (a job's configuration read back and sent again, say) fails with {@link Placeholder} when written by a writer with
 * the {@link #REQUEST} attribute, before anything is sent. Without that attribute it is written as the generator
 * writes it, so that a response holding it can still be printed as JSON.
 */
public final class UnknownEnums {
  /** Reader attribute: a {@code Map<String, String>} to record into. */
  public static final Object ATTRIBUTE = UnknownEnums.class;
  /** Writer attribute (any value): the document is a request body, where the placeholder is refused. */
  public static final Object REQUEST = Placeholder.class;
  /** The constant the generator adds to every enum when {@code enumUnknownDefaultCase} is on. */
  static final String UNKNOWN_CONSTANT = "UNKNOWN_DEFAULT_OPEN_API";
  /** The rule a request breaks by carrying {@link #UNKNOWN_CONSTANT}, as a parameter or in a body. */
  static final String PLACEHOLDER_RULE = "is the placeholder for values unknown to this client and cannot be sent";

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
    module.setSerializerModifier(new BeanSerializerModifier() {
      @Override
      public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription beanDesc,
          JsonSerializer<?> serializer) {
        return beanDesc.getBeanClass().isEnum() ? new Refuser(serializer) : serializer;
      }
    });
    return module;
  }

  /** The placeholder met while writing a request; Jackson adds where ({@link JsonPaths#of}). */
  public static final class Placeholder extends JsonMappingException {
    private static final long serialVersionUID = 1L;

    Placeholder(JsonGenerator gen) {
      super(gen, PLACEHOLDER_RULE);
    }
  }

  /**
   * An enum's serializer that refuses the placeholder in a request ({@link #REQUEST}). The shared mapper writes
   * without type ids, so {@code serializeWithType} is never asked for.
   */
  static final class Refuser extends JsonSerializer<Object> implements ContextualSerializer {
    private final JsonSerializer<Object> delegate;

    @SuppressWarnings("unchecked")
    Refuser(JsonSerializer<?> delegate) {
      this.delegate = (JsonSerializer<Object>) delegate;
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      refuse(value, gen, provider);
      delegate.serialize(value, gen, provider);
    }

    private static void refuse(Object value, JsonGenerator gen, SerializerProvider provider) throws Placeholder {
      if (value instanceof Enum<?> e && UNKNOWN_CONSTANT.equals(e.name()) && provider.getAttribute(REQUEST) != null) {
        throw new Placeholder(gen);
      }
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
        throws JsonMappingException {
      return delegate instanceof ContextualSerializer c ? new Refuser(c.createContextual(provider, property)) : this;
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Object value) {
      return delegate.isEmpty(provider, value);
    }
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
