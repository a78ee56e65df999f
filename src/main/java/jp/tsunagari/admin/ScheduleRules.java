package jp.tsunagari.admin;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.YearMonth;
import jp.tsunagari.system.Typed;
import jp.tsunagari.system.Violations;

/**
 * The rules of dates that span fields: a program ends after it starts, a 受付期間 ends on or after its first day and
 * occurs at all (a yearly one lasts less than a year and avoids 2月29日; none opens after the program's end), a
 * target group's validity ends on or after it begins. Unreadable values are left to the fields' own constraints.
 */
final class ScheduleRules {

    private ScheduleRules() {
    }

    @Constraint(validatedBy = ProgramDatesCheck.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface ProgramDates {
        String message() default "{admin.error.endBeforeStart}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @Constraint(validatedBy = PeriodCheck.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface PeriodOccurs {
        String message() default "{admin.error.period.order}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @Constraint(validatedBy = ValidityCheck.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface ValidityOrder {
        String message() default "{admin.error.validity.order}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** The first day of a program's start month and the last of its end month, from typed year/month fields. */
    static YearMonth month(String year, String month, boolean end) {
        Integer y = Typed.wholeNumber(year, RowRules.MIN_YEAR, RowRules.MAX_YEAR);
        if (y == null) {
            return null;
        }
        Integer m = Typed.wholeNumber(month, 1, 12);
        return YearMonth.of(y, m != null ? m : end ? 12 : 1);
    }

    static final class ProgramDatesCheck implements ConstraintValidator<ProgramDates, ProgramForm> {
        @Override
        public boolean isValid(ProgramForm f, ConstraintValidatorContext context) {
            YearMonth start = month(f.startYear, f.startMonth, false);
            YearMonth end = month(f.endYear, f.endMonth, true);
            if (end == null) {
                return true;
            }
            if (start != null && end.isBefore(start)) {
                return Violations.report(context, "endYear", "admin.error.endBeforeStart");
            }
            for (int i = 0; i < f.periods.size(); i++) {
                LocalDate first = Typed.date(f.periods.get(i).start);
                if (first != null && first.isAfter(end.atEndOfMonth())) {
                    return Violations.report(context, "endYear", "admin.error.period.afterEnd", i + 1);
                }
            }
            return true;
        }
    }

    static final class PeriodCheck implements ConstraintValidator<PeriodOccurs, ProgramForm.PeriodForm> {
        @Override
        public boolean isValid(ProgramForm.PeriodForm p, ConstraintValidatorContext context) {
            LocalDate start = Typed.date(p.start);
            LocalDate end = Typed.date(p.end);
            if (start == null || end == null) {
                return true;
            }
            if (end.isBefore(start)) {
                return Violations.report(context, "end", "admin.error.period.order");
            }
            if (p.yearly && !end.isBefore(start.plusYears(1))) {
                return Violations.report(context, "end", "admin.error.period.yearLong");
            }
            if (p.yearly && (leapDay(start) || leapDay(end))) {
                return Violations.report(context, leapDay(start) ? "start" : "end", "admin.error.period.leapDay");
            }
            return true;
        }

        private static boolean leapDay(LocalDate d) {
            return d.getMonthValue() == 2 && d.getDayOfMonth() == 29;
        }
    }

    static final class ValidityCheck implements ConstraintValidator<ValidityOrder, ProgramForm.GroupForm> {
        @Override
        public boolean isValid(ProgramForm.GroupForm g, ConstraintValidatorContext context) {
            LocalDate from = Typed.date(g.validFrom);
            LocalDate to = Typed.date(g.validTo);
            if (from != null && to != null && to.isBefore(from)) {
                return Violations.report(context, "validTo", "admin.error.validity.order");
            }
            return true;
        }
    }
}
