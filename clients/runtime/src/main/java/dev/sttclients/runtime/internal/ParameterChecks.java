package dev.sttclients.runtime.internal;

import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.Violation;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks that generated API methods run on their parameters before anything is sent: plain code generated from
 * the spec's bounds (no reflection, no Bean Validation bootstrap). Each check mirrors the Bean Validation annotation
 * the generator puts on the same parameter ({@code @NotNull}, {@code @Min}, {@code @Max}, {@code @DecimalMin},
 * {@code @DecimalMax}, {@code @Size}, {@code @Pattern}) and reports the same {@link Violation}: the field by its
 * wire name ({@code name[i]} for an element of a list), the value as {@link BeanChecks#show} writes it, and the rule
 * in Hibernate Validator's words. The conformance suite proves the two agree on every derived case.
 *
 * <p>Usage by generated code: {@code violations = ParameterChecks.min(violations, "limit", -1, limit, 1);} for each
 * check, then {@link #throwIfAny}. The list is created on the first violation only: a valid call allocates nothing.
 * A null value passes every check but {@link #notNull}, as in Bean Validation. An {@code index} of -1 means the value
 * is the parameter itself; otherwise it is the element at that index of a list parameter.
 */
public final class ParameterChecks {
  private static final String PLACEHOLDER = UnknownEnums.UNKNOWN_CONSTANT;
  private static final Comparator<Violation> ORDER = Comparator.comparing(Violation::field);

  private ParameterChecks() {}

  /** {@code @NotNull}. */
  public static List<Violation> notNull(List<Violation> out, String field, Object value) {
    return value != null ? out : add(out, field, -1, null, "must not be null");
  }

  /** {@code @Min(min)} on an integral number. */
  public static List<Violation> min(List<Violation> out, String field, int index, Number value, long min) {
    return value == null || value.longValue() >= min ? out
        : add(out, field, index, value, "must be greater than or equal to " + min);
  }

  /** {@code @Max(max)} on an integral number. */
  public static List<Violation> max(List<Violation> out, String field, int index, Number value, long max) {
    return value == null || value.longValue() <= max ? out
        : add(out, field, index, value, "must be less than or equal to " + max);
  }

  /**
   * {@code @DecimalMin(value = text, inclusive = inclusive)}; {@code min} is {@code new BigDecimal(text)}, made once
   * by the generated class.
   */
  public static List<Violation> decimalMin(List<Violation> out, String field, int index, Object value,
      BigDecimal min, String text, boolean inclusive) {
    if (value == null) {
      return out;
    }
    int c = compare(value, min, -1);
    return c > 0 || inclusive && c == 0 ? out : add(out, field, index, value,
        "must be greater than " + (inclusive ? "or equal to " : "") + text);
  }

  /** {@code @DecimalMax(value = text, inclusive = inclusive)}, as {@link #decimalMin}. */
  public static List<Violation> decimalMax(List<Violation> out, String field, int index, Object value,
      BigDecimal max, String text, boolean inclusive) {
    if (value == null) {
      return out;
    }
    int c = compare(value, max, 1);
    return c < 0 || inclusive && c == 0 ? out : add(out, field, index, value,
        "must be less than " + (inclusive ? "or equal to " : "") + text);
  }

  /**
   * {@code value} compared with {@code bound} as Hibernate Validator's decimal validators do; {@code nanAs} is what
   * NaN or unparseable text counts as (outside the bound either way).
   */
  private static int compare(Object value, BigDecimal bound, int nanAs) {
    if (value instanceof BigDecimal d) {
      return d.compareTo(bound);
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i).compareTo(bound);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        return nanAs;
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? 1 : -1;
      }
      return new BigDecimal(value.toString()).compareTo(bound);
    }
    if (value instanceof Number n) {
      return BigDecimal.valueOf(n.longValue()).compareTo(bound);
    }
    try {
      return new BigDecimal(value.toString()).compareTo(bound);
    } catch (NumberFormatException notANumber) {
      return nanAs;
    }
  }

  /** {@code @Size(min, max)} on a string, collection, map or array. */
  public static List<Violation> size(List<Violation> out, String field, int index, Object value, int min, int max) {
    if (value == null) {
      return out;
    }
    int n = value instanceof CharSequence s ? s.length()
        : value instanceof Collection<?> c ? c.size()
        : value instanceof Map<?, ?> m ? m.size()
        : Array.getLength(value);
    return n >= min && n <= max ? out
        : add(out, field, index, value, "size must be between " + min + " and " + max);
  }

  /** {@code @Pattern(regexp)}: the whole value must match, as in Bean Validation (not a search). */
  public static List<Violation> pattern(List<Violation> out, String field, int index, CharSequence value,
      Pattern regexp) {
    return value == null || regexp.matcher(value).matches() ? out
        : add(out, field, index, value, "must match \"" + regexp.pattern() + "\"");
  }

  /**
   * An enum's {@code UNKNOWN_DEFAULT_OPEN_API} stands for "a value this client version does not know": reading it is
   * fine, sending it (e.g. as a status filter) would put a made-up value on the wire. Checks the value, or each
   * element of an iterable value.
   */
  public static List<Violation> notPlaceholder(List<Violation> out, String field, Object value) {
    if (value instanceof Iterable<?> values) {
      for (Object v : values) {
        out = notPlaceholder(out, field, v);
      }
      return out;
    }
    return value instanceof Enum<?> e && e.name().equals(PLACEHOLDER) ? addShown(out, field, -1, PLACEHOLDER,
        UnknownEnums.PLACEHOLDER_RULE) : out;
  }

  /**
   * {@code @Valid} on a model parameter: Bean Validation of the model (Hibernate Validator, bootstrapped on first
   * use), its fields named under {@code field} ({@code body.audio_url}).
   */
  public static List<Violation> valid(List<Violation> out, String field, int index, Object value) {
    if (value == null) {
      return out;
    }
    List<Violation> found = BeanChecks.checkBean(index < 0 ? field : field + "[" + index + "]", value);
    if (found.isEmpty()) {
      return out;
    }
    List<Violation> list = out == null ? new ArrayList<>() : out;
    list.addAll(found);
    return list;
  }

  /**
   * Throws the violations found, if any, sorted by field as Bean Validation's are.
   *
   * @throws RequestValidationException when {@code violations} is not null
   */
  public static void throwIfAny(List<Violation> violations, String vendor, String operationId) {
    if (violations != null) {
      violations.sort(ORDER);
      throw new RequestValidationException(vendor, operationId, violations);
    }
  }

  private static List<Violation> add(List<Violation> out, String field, int index, Object value, String rule) {
    return addShown(out, field, index, BeanChecks.show(value), rule);
  }

  private static List<Violation> addShown(List<Violation> out, String field, int index, String shown, String rule) {
    List<Violation> list = out == null ? new ArrayList<>() : out;
    list.add(new Violation(index < 0 ? field : field + "[" + index + "]", shown, rule));
    return list;
  }
}
