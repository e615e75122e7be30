package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sttclients.runtime.errors.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bean Validation without an Expression Language implementation on the classpath, messages included. */
class BeanChecksTest {
  static final class Model {
    private final BigDecimal low;
    private final BigDecimal high;
    private final Double open;
    private final String code;
    private final List<String> tags;
    private final Integer count;

    Model(BigDecimal low, BigDecimal high, Double open, String code, List<String> tags, Integer count) {
      this.low = low;
      this.high = high;
      this.open = open;
      this.code = code;
      this.tags = tags;
      this.count = count;
    }

    @DecimalMin("0.5") @JsonProperty("low_value") public BigDecimal getLow() {
      return low;
    }

    @DecimalMax(value = "10", inclusive = false) @JsonProperty("high_value") public BigDecimal getHigh() {
      return high;
    }

    @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @JsonProperty("open") public Double getOpen() {
      return open;
    }

    @NotNull @Pattern(regexp = "^[a-z]+$") @JsonProperty("code") public String getCode() {
      return code;
    }

    @Size(min = 1, max = 2) @JsonProperty("tags") public List<String> getTags() {
      return tags;
    }

    @Max(5) @JsonProperty("count") public Integer getCount() {
      return count;
    }
  }

  /** Stands in for a generated API class: its parameters carry the constraints. */
  public static final class Api {
    public void call(@NotNull @Pattern(regexp = "^[0-9]+$") String id, @Valid Model body, Object options) {
    }
  }

  @Test
  void everyDefaultMessageIsInterpolatedWithoutEl() {
    List<Violation> v = BeanChecks.checkBean(new Model(new BigDecimal("0.4"), new BigDecimal("10"), 0.0, "A1",
        List.of("a", "b", "c"), 6));
    assertEquals(List.of(
        new Violation("code", "'A1'", "must match \"^[a-z]+$\""),
        new Violation("count", "6", "must be less than or equal to 5"),
        new Violation("high_value", "10", "must be less than 10"),
        new Violation("low_value", "0.4", "must be greater than or equal to 0.5"),
        new Violation("open", "0.0", "must be greater than 0"),
        new Violation("tags", "[a, b, c]", "size must be between 1 and 2")), v);
    assertEquals(List.of(new Violation("open", "1.5", "must be less than or equal to 1")),
        BeanChecks.checkBean(new Model(null, null, 1.5, "a", null, null)));
    assertEquals(List.of(new Violation("code", "null", "must not be null")),
        BeanChecks.checkBean(new Model(null, null, null, null, null, null)));
  }

  @Test
  void parametersAreNamedByTheirWireNames() {
    List<Violation> v = BeanChecks.checkParameters(new Api(), "call", new String[] {"job_id", "body"},
        new Object[] {"x\ny", new Model(null, null, null, "ok", List.of(), null), null});
    assertEquals(List.of(
        new Violation("body.tags", "[]", "size must be between 1 and 2"),
        new Violation("job_id", "'x\\ny'", "must match \"^[0-9]+$\"")), v);
  }

  @Test
  void valuesAreShownOnOneLine() {
    assertEquals("null", BeanChecks.show(null));
    assertEquals("'a\\r\\nb\\tc'", BeanChecks.show("a\r\nb\tc"));
    assertEquals("'\\u0000\\u001f\\u007f'", BeanChecks.show("\u0000\u001f\u007f"));
    assertEquals("42", BeanChecks.show(42));
    assertEquals("'" + "x".repeat(119) + "...", BeanChecks.show("x".repeat(200)));
    assertEquals("'" + "x".repeat(118) + "'", BeanChecks.show("x".repeat(118)));
  }

  public enum Kind { A, UNKNOWN_DEFAULT_OPEN_API }

  public static final class Inner {
    private final String name;

    Inner(String name) {
      this.name = name;
    }

    @NotNull @JsonProperty("inner_name") public String getName() {
      return name;
    }
  }

  /** A rule on the whole bean that names no property. */
  @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @jakarta.validation.Constraint(validatedBy = NeverValid.Check.class)
  public @interface NeverValid {
    String message() default "is never valid";

    Class<?>[] groups() default {};

    Class<? extends jakarta.validation.Payload>[] payload() default {};

    final class Check implements jakarta.validation.ConstraintValidator<NeverValid, Object> {
      @Override
      public boolean isValid(Object value, jakarta.validation.ConstraintValidatorContext context) {
        return false;
      }
    }
  }

  @NeverValid
  public static final class Whole {
    private final java.util.Map<String, Inner> byName;

    Whole(java.util.Map<String, Inner> byName) {
      this.byName = byName;
    }

    @Valid @JsonProperty("by_name") public java.util.Map<String, Inner> getByName() {
      return byName;
    }

    @Override
    public String toString() {
      return "Whole";
    }
  }

  public static final class Api2 {
    public void call(@NotNull String a, @Valid Model body, Object kind, List<Kind> kinds) {
    }
  }

  @Test
  void parametersBeyondTheWireNamesKeepTheirJavaNames() {
    List<Violation> v = BeanChecks.checkParameters(new Api2(), "call", new String[] {"a"},
        new Object[] {null, new Model(null, null, null, "ok", List.of(), null), Kind.UNKNOWN_DEFAULT_OPEN_API,
            List.of(Kind.A, Kind.UNKNOWN_DEFAULT_OPEN_API)});
    assertEquals(List.of(
        new Violation("a", "null", "must not be null"),
        new Violation("arg2", "UNKNOWN_DEFAULT_OPEN_API",
            "is the placeholder for values unknown to this client and cannot be sent"),
        new Violation("arg3", "UNKNOWN_DEFAULT_OPEN_API",
            "is the placeholder for values unknown to this client and cannot be sent"),
        new Violation("body.tags", "[]", "size must be between 1 and 2")), v);
    assertEquals(List.of(), BeanChecks.checkParameters(new Api2(), "call", new String[] {"a", "b", "c", "d"},
        new Object[] {"x", null, Kind.A, List.of(Kind.A)}));
  }

  public static final class Api3 {
    public void call(String a, Object kind) {
    }
  }

  @Test
  void anUnknownPlaceholderRightAfterTheWireNamesKeepsItsJavaName() {
    assertEquals(List.of(new Violation("arg1", "UNKNOWN_DEFAULT_OPEN_API",
        "is the placeholder for values unknown to this client and cannot be sent")),
        BeanChecks.checkParameters(new Api3(), "call", new String[] {"a"}, new Object[] {"x",
            Kind.UNKNOWN_DEFAULT_OPEN_API}));
  }

  /** A rule on the whole bean that reports on a property the bean does not have. */
  @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @jakarta.validation.Constraint(validatedBy = GhostRule.Check.class)
  public @interface GhostRule {
    String message() default "names a ghost";

    Class<?>[] groups() default {};

    Class<? extends jakarta.validation.Payload>[] payload() default {};

    final class Check implements jakarta.validation.ConstraintValidator<GhostRule, Object> {
      @Override
      public boolean isValid(Object value, jakarta.validation.ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("names a ghost").addPropertyNode("ghost").addConstraintViolation();
        return false;
      }
    }
  }

  @GhostRule
  public static final class Haunted {
    @Override
    public String toString() {
      return "Haunted";
    }
  }

  @Test
  void aBeanLevelRuleOnAPropertyTheBeanLacksShowsTheBean() {
    assertEquals(List.of(new Violation("ghost", "Haunted", "names a ghost")), BeanChecks.checkBean(new Haunted()));
  }

  @Test
  void mapEntriesAndBeanLevelRulesAreNamed() {
    java.util.Map<String, Inner> byName = new java.util.LinkedHashMap<>();
    byName.put("k", new Inner(null));
    List<Violation> v = BeanChecks.checkBean(new Whole(byName));
    assertEquals(List.of(
        new Violation("(body)", "Whole", "is never valid"),
        new Violation("by_name[k].inner_name", "null", "must not be null")), v);
  }

  public static final class Groups {
    private final List<List<Inner>> groups;

    Groups(List<List<Inner>> groups) {
      this.groups = groups;
    }

    @JsonProperty("inner_groups") public List<List<@Valid Inner>> getGroups() {
      return groups;
    }
  }

  /** A bean inside a list inside a list: past the inner list's element, fields keep their wire names. */
  @Test
  void aBeanInAListOfListsIsNamedByWireNames() {
    List<Violation> v = BeanChecks.checkBean(new Groups(List.of(List.of(new Inner("ok")),
        List.of(new Inner("ok"), new Inner(null)))));
    assertEquals(List.of(new Violation("inner_groups[1][1].inner_name", "null", "must not be null")), v);
  }

  @Test
  void anUnknownMethodIsAProgrammingError() {
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> BeanChecks.checkParameters(new Api2(), "nope", new String[0], new Object[0]));
    assertEquals("no method nope/0 on " + Api2.class.getName(), e.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> BeanChecks.checkParameters(new Api2(), "call", new String[0], new Object[3]));
  }

  @Test
  void theSharedValidatorAndTheInterpolatorOnTheirOwn() {
    org.junit.jupiter.api.Assertions.assertNotNull(BeanChecks.validator());
    assertEquals(1, BeanChecks.validator().validate(new Model(null, null, null, null, null, null)).size());
    jakarta.validation.MessageInterpolator base = new org.hibernate.validator.messageinterpolation
        .ParameterMessageInterpolator();
    jakarta.validation.MessageInterpolator own = BeanChecks.interpolator(base);
    jakarta.validation.Validator validator = jakarta.validation.Validation.byDefaultProvider().configure()
        .messageInterpolator(own).buildValidatorFactory().getValidator();
    var found = validator.validate(new Model(new BigDecimal("0.1"), new BigDecimal("99"), null, "a", null, null));
    assertEquals(java.util.Set.of("must be greater than or equal to 0.5", "must be less than 10"),
        found.stream().map(jakarta.validation.ConstraintViolation::getMessage)
            .collect(java.util.stream.Collectors.toSet()));
  }
}
