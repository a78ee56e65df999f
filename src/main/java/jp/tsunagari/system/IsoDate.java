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

/** A date typed as text in the form 2025-03-04 ({@code admin.error.date}); empty only when not {@code required}. */
@Documented
@Constraint(validatedBy = IsoDate.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoDate {

    boolean required() default false;

    String message() default "{admin.error.date}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<IsoDate, String> {

        private boolean required;

        @Override
        public void initialize(IsoDate date) {
            required = date.required();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Typed.clean(value).isEmpty() ? !required : Typed.date(value) != null;
        }
    }
}
