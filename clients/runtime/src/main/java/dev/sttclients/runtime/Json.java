package dev.sttclients.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sttclients.runtime.internal.UnknownEnums;
import org.openapitools.jackson.nullable.JsonNullableModule;

/**
 * The one JSON configuration every client uses: unknown fields ignored (forward compatibility),
 * unknown enum values kept as the enum's unknown constant (the runtime records their raw strings, see
 * {@link ApiResponse#unknownEnumValues()}), java.time as ISO-8601 strings, {@code JsonNullable} for nullable
 * fields, nulls left out of requests.
 */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new JsonNullableModule())
      .addModule(UnknownEnums.module())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      // Open schemas (additionalProperties: true) generate models that extend HashMap and are written as beans:
      // keep HashMap.isEmpty() from showing up as an "empty" property.
      .addMixIn(java.util.HashMap.class, HashMapAsBean.class)
      .build();

  abstract static class HashMapAsBean {
    @com.fasterxml.jackson.annotation.JsonIgnore
    public abstract boolean isEmpty();
  }

  private Json() {}

  /** The shared, thread-safe mapper. Do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
