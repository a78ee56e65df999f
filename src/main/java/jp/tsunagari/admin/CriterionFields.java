package jp.tsunagari.admin;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jp.tsunagari.admin.ProgramForm.RuleForm;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.eligibility.CriterionType;
import jp.tsunagari.system.Typed;
import jp.tsunagari.system.Violations;

/**
 * What each type of criterion needs: an age criterion a minimum or maximum age, an origin or residence criterion
 * areas, a student criterion school types, an applicant criterion one applicant at least, a group-size criterion
 * its minimum, a young-share criterion the age limit and both parts of the share.
 */
@Constraint(validatedBy = CriterionFields.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface CriterionFields {

    String message() default "{admin.error.required}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<CriterionFields, RuleForm> {

        @Override
        public boolean isValid(RuleForm r, ConstraintValidatorContext context) {
            CriterionType type = Typed.choice(r.type, CriterionType.class);
            if (type == null) {
                return true;
            }
            return switch (type) {
                case AGE -> age(r.minAge) != null || age(r.maxAge) != null
                        || Violations.report(context, "minAge", "admin.error.age.needed");
                case ORIGIN, RESIDENCE -> !ValueRules.areaTokens(r.areas).isEmpty()
                        || Violations.report(context, "areas", "admin.error.area.needed");
                case STUDENT -> !Typed.clean(r.schools).isEmpty()
                        || Violations.report(context, "schools", "admin.error.schools");
                case APPLICANT -> r.applicants != null && r.applicants.stream().anyMatch(a -> Applicant.fromCode(a).isPresent())
                        || Violations.report(context, "applicants", "admin.error.applicants");
                case GROUP_SIZE -> Typed.wholeNumber(r.minGroupSize, 1, 10_000) != null
                        || Violations.report(context, "minGroupSize", "admin.error.required");
                case GROUP_YOUNG_SHARE -> age(r.youngMaxAge) != null && share(r.youngShareNum) != null
                        && share(r.youngShareDen) != null
                        || Violations.report(context, "youngMaxAge", "admin.error.share.needed");
                default -> true;
            };
        }

        private static Integer age(String text) {
            return Typed.wholeNumber(text, 0, RowRules.MAX_AGE);
        }

        private static Integer share(String text) {
            return Typed.wholeNumber(text, 1, 100);
        }
    }
}
