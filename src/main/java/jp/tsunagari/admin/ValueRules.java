package jp.tsunagari.admin;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.eligibility.SchoolRules;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.Text;
import jp.tsunagari.system.Typed;
import jp.tsunagari.system.Violations;

/**
 * Constraints on single values of the program form that the generic ones in {@code system} do not cover. The
 * validators that look things up get their services injected (Spring's constraint validator factory).
 */
final class ValueRules {

    private ValueRules() {
    }

    /** A count (0 or more, at most 12 digits; 5,390 and 5390 are both accepted); required. */
    @Constraint(validatedBy = CountCheck.class)
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Count {
        String message() default "{admin.error.count}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** The digits of a count as typed, without separators. */
    static String countDigits(String text) {
        return Typed.clean(text).replace(",", "").replace("，", "");
    }

    static final class CountCheck implements ConstraintValidator<Count, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String digits = countDigits(value);
            if (digits.isEmpty()) {
                return Violations.report(context, null, "admin.error.required");
            }
            return digits.matches("\\d{1,12}");
        }
    }

    /** The code of an existing category (empty is left to {@code @Text(required)}). */
    @Constraint(validatedBy = KnownCategoryCheck.class)
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface KnownCategory {
        String message() default "{admin.error.choose}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static final class KnownCategoryCheck implements ConstraintValidator<KnownCategory, String> {
        private final CategoryEditor categories;

        KnownCategoryCheck(CategoryEditor categories) {
            this.categories = categories;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String code = Typed.clean(value);
            return code.isEmpty() || categories.find(code).isPresent();
        }
    }

    /** The 2-digit code of one of the 47 prefectures, or empty. */
    @Constraint(validatedBy = KnownPrefectureCheck.class)
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface KnownPrefecture {
        String message() default "{admin.error.choose}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static final class KnownPrefectureCheck implements ConstraintValidator<KnownPrefecture, String> {
        private final Places places;

        KnownPrefectureCheck(Places places) {
            this.places = places;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String code = Typed.clean(value);
            return code.isEmpty() || places.prefecture(code).isPresent();
        }
    }

    /** Areas separated by 「,」「、」「，」: each a code or a unique name of a prefecture or municipality. */
    @Constraint(validatedBy = AreasCheck.class)
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Areas {
        String message() default "{admin.error.area}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** The non-blank areas typed, stripped. */
    static List<String> areaTokens(String typed) {
        List<String> tokens = new ArrayList<>();
        for (String token : typed == null ? new String[0] : typed.split("[,、，]")) {
            if (!token.isBlank()) {
                tokens.add(token.strip());
            }
        }
        return tokens;
    }

    static final class AreasCheck implements ConstraintValidator<Areas, String> {
        private final Places places;

        AreasCheck(Places places) {
            this.places = places;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            boolean valid = true;
            for (String token : areaTokens(value)) {
                if (places.resolveArea(token).isEmpty()) {
                    valid = Violations.report(context, null, "admin.error.area", token);
                }
            }
            return valid;
        }
    }

    /** School types in the notation {@link SchoolRules} reads, or empty. */
    @Constraint(validatedBy = SchoolTypesCheck.class)
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface SchoolTypes {
        String message() default "{admin.error.schools}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static final class SchoolTypesCheck implements ConstraintValidator<SchoolTypes, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String t = Typed.clean(value);
            if (t.isEmpty()) {
                return true;
            }
            try {
                SchoolRules.parse(t);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
