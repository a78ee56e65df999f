package jp.tsunagari.system;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

/**
 * One of the constants of an enum, by name (in any case unless {@code exactCase}); empty only when not
 * {@code required}. Message {@code admin.error.choose} unless another is given.
 */
@Documented
@Constraint(validatedBy = Choice.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Choice {

    Class<? extends Enum<?>> value();

    boolean required() default false;

    boolean exactCase() default false;

    String message() default "{admin.error.choose}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Choice, String> {

        private Enum<?>[] constants;
        private boolean required;
        private boolean exactCase;

        @Override
        public void initialize(Choice choice) {
            constants = choice.value().getEnumConstants();
            required = choice.required();
            exactCase = choice.exactCase();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String t = exactCase ? (value == null ? "" : value) : Typed.clean(value);
            if (t.isEmpty()) {
                return !required;
            }
            return Typed.constant(exactCase ? t : t.toUpperCase(Locale.ROOT), constants) != null;
        }
    }
}
