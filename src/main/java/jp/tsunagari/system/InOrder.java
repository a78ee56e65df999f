package jp.tsunagari.system;

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

/**
 * A class-level rule for two whole-number text fields, such as an age range: when both hold a whole number from
 * {@code min} to {@code max}, {@code lower} must not be above {@code upper}. Reported on {@code lower} with the
 * given message (e.g. {@code admin.error.ageOrder}); an empty or invalid field is left to its own constraint.
 */
@Documented
@Constraint(validatedBy = InOrder.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(InOrder.List.class)
public @interface InOrder {

    String lower();

    String upper();

    int min();

    int max();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @Documented
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        InOrder[] value();
    }

    class Check implements ConstraintValidator<InOrder, Object> {

        private InOrder rule;

        @Override
        public void initialize(InOrder rule) {
            this.rule = rule;
        }

        @Override
        public boolean isValid(Object form, ConstraintValidatorContext context) {
            if (form == null) {
                return true;
            }
            Integer lower = Typed.wholeNumber(Typed.textField(form, rule.lower()), rule.min(), rule.max());
            Integer upper = Typed.wholeNumber(Typed.textField(form, rule.upper()), rule.min(), rule.max());
            if (lower == null || upper == null || lower <= upper) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(rule.message()).addPropertyNode(rule.lower())
                    .addConstraintViolation();
            return false;
        }
    }
}
