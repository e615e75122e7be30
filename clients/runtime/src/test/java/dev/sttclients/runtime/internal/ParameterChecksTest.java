package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plain checks generated code calls, against Bean Validation's executable validation of the same annotations as
 * the oracle (the conformance suite does the same on every spec; this covers the kinds no spec uses yet: decimal
 * bounds, sizes of lists, maps and arrays, constrained list elements, NaN and infinities).
 */
class ParameterChecksTest {
  private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("^[a-z]+$");
  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigDecimal TEN = new BigDecimal("10");

  enum Kind { A, UNKNOWN_DEFAULT_OPEN_API }

  public static final class Api {
    public void call(@NotNull @Min(1) @Max(5) Integer n, @DecimalMin("0.5") @DecimalMax(value = "10", inclusive = false)
        Number d, @DecimalMin(value = "0.5", inclusive = false) @DecimalMax("10") Double e,
        @Size(min = 1, max = 2) String s, @Size(min = 1, max = 2) List<?> l, @Size(min = 1, max = 2) Map<?, ?> m,
        @Size(min = 1, max = 2) String[] a, List<@Pattern(regexp = "^[a-z]+$") @Size(max = 3) String> codes,
        @Valid BeanChecksTest.Model body, Object kind) {
    }
  }

  /** What the generated check for {@link Api#call} would be. */
  private static List<Violation> generated(Object[] a) {
    List<Violation> v = null;
    v = ParameterChecks.notNull(v, "n", a[0]);
    v = ParameterChecks.min(v, "n", -1, (Number) a[0], 1L);
    v = ParameterChecks.max(v, "n", -1, (Number) a[0], 5L);
    v = ParameterChecks.decimalMin(v, "d", -1, a[1], HALF, "0.5", true);
    v = ParameterChecks.decimalMax(v, "d", -1, a[1], TEN, "10", false);
    v = ParameterChecks.decimalMin(v, "e", -1, a[2], HALF, "0.5", false);
    v = ParameterChecks.decimalMax(v, "e", -1, a[2], TEN, "10", true);
    v = ParameterChecks.size(v, "s", -1, a[3], 1, 2);
    v = ParameterChecks.size(v, "l", -1, a[4], 1, 2);
    v = ParameterChecks.size(v, "m", -1, a[5], 1, 2);
    v = ParameterChecks.size(v, "a", -1, a[6], 1, 2);
    if (a[7] != null) {
      int i = 0;
      for (Object item : (List<?>) a[7]) {
        v = ParameterChecks.pattern(v, "codes", i, (String) item, CODE);
        v = ParameterChecks.size(v, "codes", i, item, 0, 3);
        i++;
      }
    }
    v = ParameterChecks.valid(v, "body", -1, a[8]);
    v = ParameterChecks.notPlaceholder(v, "codes", a[7]);
    v = ParameterChecks.notPlaceholder(v, "kind", a[9]);
    try {
      ParameterChecks.throwIfAny(v, "vendor", "call");
    } catch (RequestValidationException e) {
      assertEquals(0, e.attempts());
      return e.violations();
    }
    return List.of();
  }

  private static void agree(Object... args) {
    Comparator<Violation> full = Comparator.comparing(Violation::field).thenComparing(Violation::rule)
        .thenComparing(Violation::value);
    List<Violation> expected = new ArrayList<>(BeanChecks.checkParameters(new Api(), "call",
        new String[] {"n", "d", "e", "s", "l", "m", "a", "codes", "body", "kind"}, args));
    List<Violation> actual = generated(args);
    List<Violation> sortedByField = new ArrayList<>(actual);
    sortedByField.sort(Comparator.comparing(Violation::field));
    assertEquals(sortedByField, actual, "sorted by field");
    expected.sort(full);
    List<Violation> a = new ArrayList<>(actual);
    a.sort(full);
    assertEquals(expected, a, Arrays.toString(args));
  }

  private static Object[] valid() {
    return new Object[] {3, new BigDecimal("1"), 1.0, "x", List.of(1), Map.of(1, 1), new String[] {"x"}, List.of("ab"),
        null, Kind.A};
  }

  private static Object[] with(int i, Object value) {
    Object[] a = valid();
    a[i] = value;
    return a;
  }

  @Test
  void agreeWithBeanValidation() {
    agree(valid());
    assertEquals(List.of(), generated(valid()));
    agree(with(0, null));
    for (Object n : new Object[] {0, 1, 5, 6, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      agree(with(0, n));
    }
    for (Object d : new Object[] {new BigDecimal("0.5"), new BigDecimal("0.499"), new BigDecimal("9.999"), TEN,
        new BigDecimal("1E+1"), BigInteger.TEN, BigInteger.ZERO, 0.5, 0.4999, 10.0, 9.99f, 10f, 7L, 11, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN, (short) 3, (byte) 20}) {
      agree(with(1, d));
    }
    for (Double e : new Double[] {0.5, 0.5001, 10.0, 10.001, Double.NaN, Double.NEGATIVE_INFINITY, null}) {
      agree(with(2, e));
    }
    for (String s : new String[] {"", "ab", "abc"}) {
      agree(with(3, s));
    }
    for (List<?> l : List.of(List.of(), List.of(1, 2), List.of(1, 2, 3))) {
      agree(with(4, l));
    }
    for (Map<?, ?> m : List.of(Map.of(), Map.of(1, 1, 2, 2), Map.of(1, 1, 2, 2, 3, 3))) {
      agree(with(5, m));
    }
    for (String[] a : new String[][] {{}, {"a", "b"}, {"a", "b", "c"}}) {
      agree(with(6, a));
    }
    agree(with(7, Arrays.asList("ab", "Ab", null, "abcd", "a b")));
    agree(with(7, List.of()));
    agree(with(8, new BeanChecksTest.Model(new BigDecimal("0.1"), null, null, null, List.of(), 9)));
    agree(with(8, new BeanChecksTest.Model(null, null, null, "ok", null, null)));
    agree(with(9, Kind.UNKNOWN_DEFAULT_OPEN_API));
    agree(with(9, List.of(Kind.A, Kind.UNKNOWN_DEFAULT_OPEN_API, Kind.UNKNOWN_DEFAULT_OPEN_API)));
    agree(null, new BigDecimal("0"), Double.NaN, "abc", List.of(), Map.of(), new String[0], List.of("X"), null,
        Kind.UNKNOWN_DEFAULT_OPEN_API);
  }

  @Test
  void aValidCallAllocatesNoList() {
    assertNull(ParameterChecks.notNull(null, "n", 1));
    assertNull(ParameterChecks.min(null, "n", -1, 1, 1));
    assertNull(ParameterChecks.max(null, "n", -1, null, 1));
    assertNull(ParameterChecks.decimalMin(null, "d", -1, null, HALF, "0.5", true));
    assertNull(ParameterChecks.decimalMax(null, "d", -1, null, TEN, "10", true));
    assertNull(ParameterChecks.size(null, "s", -1, null, 1, 2));
    assertNull(ParameterChecks.pattern(null, "p", -1, null, CODE));
    assertNull(ParameterChecks.valid(null, "body", -1, null));
    assertNull(ParameterChecks.valid(null, "body", -1, new BeanChecksTest.Model(null, null, null, "ok", null, null)));
    assertNull(ParameterChecks.notPlaceholder(null, "k", List.of(Kind.A)));
    ParameterChecks.throwIfAny(null, "vendor", "op");
  }

  @Test
  void decimalBoundsOnText() {
    // As Hibernate Validator's validators for CharSequence: the text as a number; text that is none is outside.
    assertNull(ParameterChecks.decimalMin(null, "t", -1, "0.5", HALF, "0.5", true));
    assertEquals(List.of(new Violation("t", "'0.5'", "must be greater than 0.5")),
        ParameterChecks.decimalMin(null, "t", -1, "0.5", HALF, "0.5", false));
    assertEquals(List.of(new Violation("t", "'x'", "must be less than or equal to 10")),
        ParameterChecks.decimalMax(null, "t", -1, "x", TEN, "10", true));
    assertEquals(List.of(new Violation("t", "'x'", "must be greater than or equal to 0.5")),
        ParameterChecks.decimalMin(null, "t", -1, "x", HALF, "0.5", true));
  }

  @Test
  void textOutsideTheBoundsIsAViolation() {
    assertEquals(List.of(new Violation("t", "'0.4'", "must be greater than or equal to 0.5")),
        ParameterChecks.decimalMin(null, "t", -1, "0.4", HALF, "0.5", true));
    assertNull(ParameterChecks.decimalMin(null, "t", -1, "0.6", HALF, "0.5", false));
    assertEquals(List.of(new Violation("t", "'10.01'", "must be less than 10")),
        ParameterChecks.decimalMax(null, "t", -1, "10.01", TEN, "10", false));
    assertNull(ParameterChecks.decimalMax(null, "t", -1, "9.99", TEN, "10", false));
  }

  @Test
  void theFirstElementOfAListIsNamedByItsIndex() {
    assertEquals(List.of(new Violation("items[0].tags", "[]", "size must be between 1 and 2")),
        ParameterChecks.valid(null, "items", 0, new BeanChecksTest.Model(null, null, null, "ok", List.of(), null)));
  }

  @Test
  void violationsAddToTheListGivenAndNameTheElement() {
    List<Violation> list = new ArrayList<>(List.of(new Violation("z", "1", "r")));
    assertSame(list, ParameterChecks.pattern(list, "codes", 2, "X", CODE));
    assertSame(list, ParameterChecks.valid(list, "items", 1,
        new BeanChecksTest.Model(null, null, null, "ok", List.of(), null)));
    assertEquals(List.of(new Violation("z", "1", "r"), new Violation("codes[2]", "'X'", "must match \"^[a-z]+$\""),
        new Violation("items[1].tags", "[]", "size must be between 1 and 2")), list);
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> ParameterChecks.throwIfAny(list, "Vendor", "op"));
    assertEquals("Vendor", e.vendor());
    assertEquals(List.of("codes[2]", "items[1].tags", "z"), e.violations().stream().map(Violation::field).toList());
  }
}
