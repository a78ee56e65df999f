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

/**
 * A date typed as text in the form 2025-03-04 ({@code admin.error.date}); empty only when not {@code required}. With
 * {@code inRange}, also within the days the checker judges ({@link Typed#FIRST_DAY} to {@link Typed#LAST_DAY}): give
 * it the message {@code admin.error.date.range}, which says the range.
 */
@Documented
@Constraint(validatedBy = IsoDate.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoDate {

    boolean required() default false;

    boolean inRange() default false;

    String message() default "{admin.error.date}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<IsoDate, String> {

        private boolean required;
        private boolean inRange;

        @Override
        public void initialize(IsoDate date) {
            required = date.required();
            inRange = date.inRange();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (Typed.clean(value).isEmpty()) {
                return !required;
            }
            return (inRange ? Typed.dayInRange(value) : Typed.date(value)) != null;
        }
    }
}
