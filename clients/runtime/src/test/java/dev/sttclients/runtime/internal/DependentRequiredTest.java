package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sttclients.runtime.errors.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model-level "B only with A" rule, and how BeanChecks names such violations and list elements. */
class DependentRequiredTest {

  @DependentRequired(property = "finish_with_error", requires = "finish_in")
  public static class Options {
    private Integer finishIn;
    private Boolean finishWithError;

    @JsonProperty("finish_in")
    public Integer getFinishIn() {
      return finishIn;
    }

    @JsonProperty("finish_with_error")
    public Boolean getFinishWithError() {
      return finishWithError;
    }

    Options finishIn(Integer v) {
      this.finishIn = v;
      return this;
    }

    Options finishWithError(Boolean v) {
      this.finishWithError = v;
      return this;
    }
  }

  public static class Api {
    public void start(@Valid Options body) {}

    public void languages(@Valid List<@Pattern(regexp = "[a-z]{2}") String> codes) {}
  }

  private static List<Violation> check(Options body) {
    return BeanChecks.checkParameters(new Api(), "start", new String[] {"body"}, new Object[] {body});
  }

  @Test
  void rejectsTheDependentFieldAloneNamingItsWireNameAndValue() {
    assertEquals(List.of(new Violation("body.finish_with_error", "true",
        "only allowed together with finish_in, which is not set")), check(new Options().finishWithError(true)));
  }

  @Test
  void acceptsBothTogetherNeitherOrOnlyTheRequiredOne() {
    assertEquals(List.of(), check(new Options().finishIn(0).finishWithError(true)));
    assertEquals(List.of(), check(new Options()));
    assertEquals(List.of(), check(new Options().finishIn(5)));
    assertEquals(List.of(), check(null));
  }

  @Test
  void aListElementIsNamedByItsIndexOnly() {
    List<Violation> found = BeanChecks.checkParameters(new Api(), "languages", new String[] {"codes"},
        new Object[] {List.of("en", "EN-us")});
    assertEquals(List.of(new Violation("codes[1]", "'EN-us'", "must match \"[a-z]{2}\"")), found);
  }

  public static class Nullables {
    @JsonProperty("set")
    public org.openapitools.jackson.nullable.JsonNullable<Integer> getSet() {
      return org.openapitools.jackson.nullable.JsonNullable.of(3);
    }

    @JsonProperty("unset")
    public org.openapitools.jackson.nullable.JsonNullable<Integer> getUnset() {
      return org.openapitools.jackson.nullable.JsonNullable.undefined();
    }
  }

  @Test
  void jsonNullableFieldsAreUnwrapped() {
    assertEquals(3, DependentRequired.Check.value(new Nullables(), "set"));
    assertEquals(null, DependentRequired.Check.value(new Nullables(), "unset"));
  }

  /** A property Jackson knows from a setter only: nothing to read its value with. */
  public static class WriteOnly {
    @JsonProperty("secret")
    public void setSecret(String s) {
    }

    @JsonProperty("plain")
    public String getPlain() {
      return "p";
    }
  }

  @Test
  void aFieldThatCannotBeReadOrDoesNotExistIsAProgrammingError() {
    assertEquals("p", DependentRequired.Check.value(new WriteOnly(), "plain"));
    IllegalStateException missing = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> DependentRequired.Check.value(new WriteOnly(), "nope"));
    assertEquals("no field 'nope' on " + WriteOnly.class.getName() + ": check the DependentRequired rule in the spec",
        missing.getMessage());
    IllegalStateException unreadable = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> DependentRequired.Check.value(new WriteOnly(), "secret"));
    assertEquals("field 'secret' of " + WriteOnly.class.getName() + " is not readable", unreadable.getMessage());
  }
}
