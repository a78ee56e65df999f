package jp.tsunagari.alerts;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A plain e-mail address as {@link Addresses#valid} accepts it (one address, no name, no line breaks). */
@Documented
@Constraint(validatedBy = MailAddress.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface MailAddress {

    String message() default "{alerts.error.email}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<MailAddress, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Addresses.valid(value);
        }
    }
}
