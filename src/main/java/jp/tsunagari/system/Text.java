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
 * Text as typed: leading and trailing white space (full-width too) do not count; {@code required} text must not be
 * empty ({@code admin.error.required}), and at most {@code max} characters remain ({@code admin.error.tooLong}).
 */
@Documented
@Constraint(validatedBy = Text.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(Text.List.class)
public @interface Text {

    int max();

    boolean required() default false;

    String message() default "{admin.error.tooLong}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @Documented
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        Text[] value();
    }

    class Check implements ConstraintValidator<Text, String> {

        private int max;
        private boolean required;

        @Override
        public void initialize(Text text) {
            max = text.max();
            required = text.required();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String t = Typed.clean(value);
            if (t.isEmpty()) {
                return !required || Violations.report(context, null, "admin.error.required");
            }
            return t.length() <= max || Violations.report(context, null, "admin.error.tooLong", max);
        }
    }
}
