package jp.tsunagari.admin;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import jp.tsunagari.admin.ProgramForm.GroupForm;
import jp.tsunagari.admin.ProgramForm.SectionForm;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.place.Municipality;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.InOrder;
import jp.tsunagari.system.Typed;
import jp.tsunagari.system.Violations;

/**
 * Class-level constraints of the program form: rules over several fields of one form or row, each reported on the
 * field the error summary should link to. (The age and share order use the generic {@link InOrder}; the criteria's
 * type-specific needs are in {@link CriterionFields}.)
 */
final class RowRules {

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;
    static final int MAX_AGE = 150;
    static final int MAX_ITEM_LENGTH = 2000;

    private RowRules() {
    }

    /**
     * The organizer: a municipality typed (code, unique name, or the datalist's "code name（prefecture）") must be
     * found, and be in the prefecture chosen, if one is.
     */
    @Constraint(validatedBy = OrganizerCheck.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Organizer {
        String message() default "{admin.error.municipality}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static final class OrganizerCheck implements ConstraintValidator<Organizer, ProgramForm> {
        private final Places places;

        OrganizerCheck(Places places) {
            this.places = places;
        }

        @Override
        public boolean isValid(ProgramForm form, ConstraintValidatorContext context) {
            String typed = Typed.clean(form.municipality);
            if (typed.isEmpty()) {
                return true;
            }
            String code = places.resolveArea(typed).filter(c -> c.length() == 6).orElse(null);
            if (code == null) {
                return Violations.report(context, "municipality", "admin.error.municipality", typed);
            }
            String pref = Typed.clean(form.prefecture);
            String muniPref = places.municipality(code).map(Municipality::prefectureCode).orElse(null);
            return pref.isEmpty() || pref.equals(muniPref)
                    || Violations.report(context, "municipality", "admin.error.municipality.prefecture");
        }
    }

    /** A year and a month given together, or both empty; reported on the empty one (invalid ones are left alone). */
    @Constraint(validatedBy = YearMonthCheck.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Repeatable(YearMonthPairs.class)
    @interface YearMonthPair {
        String year();

        String month();

        String message() default "{admin.error.yearMonth}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface YearMonthPairs {
        YearMonthPair[] value();
    }

    static final class YearMonthCheck implements ConstraintValidator<YearMonthPair, Object> {
        private YearMonthPair pair;

        @Override
        public void initialize(YearMonthPair pair) {
            this.pair = pair;
        }

        @Override
        public boolean isValid(Object form, ConstraintValidatorContext context) {
            String yearText = Typed.clean(Typed.textField(form, pair.year()));
            String monthText = Typed.clean(Typed.textField(form, pair.month()));
            Integer year = Typed.wholeNumber(yearText, MIN_YEAR, MAX_YEAR);
            Integer month = Typed.wholeNumber(monthText, 1, 12);
            boolean yearOk = yearText.isEmpty() || year != null;
            boolean monthOk = monthText.isEmpty() || month != null;
            if (!yearOk || !monthOk || yearText.isEmpty() == monthText.isEmpty()) {
                return true;
            }
            return Violations.report(context, year == null ? pair.year() : pair.month(), "admin.error.yearMonth");
        }
    }

    /** A section has a heading or items, and no item is longer than 2,000 characters (both on {@code items}). */
    @Constraint(validatedBy = SectionContentCheck.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface SectionContent {
        String message() default "{admin.error.section.empty}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static final class SectionContentCheck implements ConstraintValidator<SectionContent, SectionForm> {
        @Override
        public boolean isValid(SectionForm section, ConstraintValidatorContext context) {
            List<ProgramContent.Item> items = new ItemLines().parse(section.items == null ? "" : section.items);
            boolean valid = true;
            if (items.stream().anyMatch(item -> item.text().length() > MAX_ITEM_LENGTH)) {
                valid = Violations.report(context, "items", "admin.error.tooLong", MAX_ITEM_LENGTH);
            }
            if (Typed.clean(section.heading).isEmpty() && items.isEmpty()) {
                valid = Violations.report(context, "items", "admin.error.section.empty");
            }
            return valid;
        }
    }

    /** A target group has at least one criterion (reported on its label). */
    @Constraint(validatedBy = HasCriteriaCheck.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface HasCriteria {
        String message() default "{admin.error.group.empty}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static final class HasCriteriaCheck implements ConstraintValidator<HasCriteria, GroupForm> {
        @Override
        public boolean isValid(GroupForm group, ConstraintValidatorContext context) {
            return !group.criteria.isEmpty() || Violations.report(context, "label", "admin.error.group.empty");
        }
    }
}
