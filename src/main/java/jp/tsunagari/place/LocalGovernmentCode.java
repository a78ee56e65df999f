package jp.tsunagari.place;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * An optional 全国地方公共団体コード: six digits whose last is the check digit ({@link LgCode}); a prefecture's own
 * code ({@code PP000C}) only for one of the 47 prefectures. The message gets the typed code as argument {0}
 * (the violation's dynamic payload).
 */
@Documented
@Constraint(validatedBy = LocalGovernmentCode.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface LocalGovernmentCode {

    String message() default "{admin.import.error.lgCode}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<LocalGovernmentCode, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isEmpty() || LgCode.isWellFormed(value)) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class).withDynamicPayload(new Object[] {value});
            return false;
        }
    }
}
