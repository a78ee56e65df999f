package jp.tsunagari.staff;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jp.tsunagari.system.Violations;

/** A password that {@link PasswordPolicy} accepts (the same rule {@link StaffDirectory} enforces). */
@Constraint(validatedBy = StaffPassword.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface StaffPassword {

    String message() default "{staff.error.password.short}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<StaffPassword, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return PasswordPolicy.problem(value).map(key -> Violations.report(context, null, key)).orElse(true);
        }
    }
}
