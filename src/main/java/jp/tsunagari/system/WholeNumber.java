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
 * An optional whole number typed as text, from {@code min} to {@code max} ({@code admin.error.integer}). The field
 * stays text so that whatever was typed comes back on the page; {@link Typed#wholeNumber} reads it.
 */
@Documented
@Constraint(validatedBy = WholeNumber.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumber {

    int min();

    int max();

    String message() default "{admin.error.integer}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<WholeNumber, String> {

        private int min;
        private int max;

        @Override
        public void initialize(WholeNumber number) {
            min = number.min();
            max = number.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Typed.clean(value).isEmpty() || Typed.wholeNumber(value, min, max) != null
                    || Violations.report(context, null, "admin.error.integer", min, max);
        }
    }
}
