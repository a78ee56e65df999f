package jp.tsunagari.system;

import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.hibernate.validator.engine.HibernateConstraintViolation;

/**
 * How our constraints report a problem: the message template is a message-bundle key in braces
 * ({@code {admin.error.tooLong}}) and the key's arguments travel with the violation as its dynamic payload, so
 * {@link FormErrors} and the import can render the message in the reader's language later.
 */
public final class Violations {

    private Violations() {
    }

    /** Reports {@code key} on {@code property} (null: on the validated value itself) instead of the default message. */
    public static boolean report(ConstraintValidatorContext context, String property, String key, Object... args) {
        context.disableDefaultConstraintViolation();
        context.unwrap(HibernateConstraintValidatorContext.class).withDynamicPayload(args.clone());
        var builder = context.buildConstraintViolationWithTemplate("{" + key + "}");
        if (property == null) {
            builder.addConstraintViolation();
        } else {
            builder.addPropertyNode(property).addConstraintViolation();
        }
        return false;
    }

    /** The message key of a violation (its template without braces). */
    public static String key(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        return template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1)
                : template;
    }

    /** The arguments of the violation's message (none for constraints that carry no payload). */
    public static Object[] args(ConstraintViolation<?> violation) {
        try {
            HibernateConstraintViolation<?> hibernate = violation.unwrap(HibernateConstraintViolation.class);
            Object[] args = hibernate.getDynamicPayload(Object[].class);
            return args == null ? new Object[0] : args;
        } catch (RuntimeException notHibernate) {
            return new Object[0];
        }
    }
}
