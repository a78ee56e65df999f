package jp.tsunagari.admin;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jp.tsunagari.system.Typed;
import jp.tsunagari.system.Violations;

/** The rules of the application part of the program form that span fields, and the shapes of phone and e-mail. */
final class ApplicationRules {

    /** Empty, or a Japanese phone number as people write it: digits with hyphens, brackets or spaces, 6–20 long. */
    static final String PHONE = "\\s*|\\s*\\+?[0-9０-９][0-9０-９()（）\\- ー‐－]{5,19}\\s*";
    /** Empty, or one @ with a dot in the domain and no spaces (the mail server has the last word). */
    static final String EMAIL = "\\s*|\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*";

    private ApplicationRules() {
    }

    /** 金額 needs an amount, その他 a text (reported on the missing field). */
    @Constraint(validatedBy = CostCompleteCheck.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface CostComplete {
        String message() default "{admin.error.cost.amount}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static final class CostCompleteCheck implements ConstraintValidator<CostComplete, ProgramForm.ApplicationForm> {
        @Override
        public boolean isValid(ProgramForm.ApplicationForm a, ConstraintValidatorContext context) {
            String cost = Typed.clean(a.cost);
            if ("AMOUNT".equals(cost) && Typed.clean(a.costAmount).isEmpty()) {
                return Violations.report(context, "costAmount", "admin.error.cost.amount");
            }
            if ("TEXT".equals(cost) && Typed.clean(a.costText).isEmpty()) {
                return Violations.report(context, "costText", "admin.error.cost.text");
            }
            return true;
        }
    }
}
