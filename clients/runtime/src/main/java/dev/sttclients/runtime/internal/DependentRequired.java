package dev.sttclients.runtime.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.sttclients.runtime.Json;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * A model-level rule the OpenAPI 3.0 schema language cannot state: when {@code property} is sent,
 * {@code requires} must be sent too (JSON Schema's {@code dependentRequired}). Both are wire (JSON) names.
 * A spec puts it on a generated model with the generator's vendor extension, e.g.
 * {@code x-class-extra-annotation: '@dev.sttclients.runtime.internal.DependentRequired(property = "finish_with_error", requires = "finish_in")'}
 * (next to {@code x-dependent-required} for readers of the spec), and the runtime's request validation
 * then rejects such a body before anything is sent. A field counts as sent when it is neither null nor
 * an undefined {@link JsonNullable}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(DependentRequired.List.class)
@Constraint(validatedBy = DependentRequired.Check.class)
public @interface DependentRequired {
  /** Wire name of the field that needs another. */
  String property();

  /** Wire name of the field it needs. */
  String requires();

  String message() default "only allowed together with {requires}, which is not set";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Several rules on one model. */
  @Documented
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @interface List {
    DependentRequired[] value();
  }

  /** The validator; reports the violation on {@code property}. */
  final class Check implements ConstraintValidator<DependentRequired, Object> {
    private String property;
    private String requires;

    @Override
    public void initialize(DependentRequired rule) {
      this.property = rule.property();
      this.requires = rule.requires();
    }

    @Override
    public boolean isValid(Object bean, ConstraintValidatorContext context) {
      if (bean == null || !isSent(bean, property) || isSent(bean, requires)) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode(find(bean, property).getInternalName())
          .addConstraintViolation();
      return false;
    }

    private static boolean isSent(Object bean, String wireName) {
      return value(bean, wireName) != null;
    }

    /**
     * The value of a model's field by wire (or Java) name, unwrapping {@link JsonNullable} (undefined reads
     * as null). Also used by {@link BeanChecks} to show the offending value of a model-level violation.
     */
    public static Object value(Object bean, String name) {
      AnnotatedMember accessor = find(bean, name).getAccessor();
      if (accessor == null) {
        throw new IllegalStateException("field '" + name + "' of " + bean.getClass().getName() + " is not readable");
      }
      Object v = accessor.getValue(bean);
      if (v instanceof JsonNullable<?> n) {
        return n.isPresent() ? n.get() : null;
      }
      return v;
    }

    private static BeanPropertyDefinition find(Object bean, String name) {
      BeanDescription desc = Json.mapper().getSerializationConfig()
          .introspect(Json.mapper().constructType(bean.getClass()));
      for (BeanPropertyDefinition p : desc.findProperties()) {
        if (p.getName().equals(name) || p.getInternalName().equals(name)) {
          return p;
        }
      }
      throw new IllegalStateException("no field '" + name + "' on " + bean.getClass().getName()
          + ": check the DependentRequired rule in the spec");
    }
  }
}
