package jp.tsunagari.checker;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.eligibility.SchoolType;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.FormErrors;
import jp.tsunagari.system.JapanTime;
import jp.tsunagari.system.Typed;
import org.springframework.stereotype.Component;

/**
 * Turns the form into a {@link Profile}. Places may be typed as a code (032018, 03) or a name (盛岡市, 岩手県);
 * 「海外」 or {@code abroad} for living outside Japan. Unusable answers are reported and treated as not given.
 */
@Component
public class ProfileReader {

    /** Enough for every prefecture and municipality code; a typed code is input, so the cache is bounded. */
    static final int CODES_KEPT = 5_000;

    private final Places places;
    private final Clock clock;
    /**
     * Places typed as a code (2 or 6 digits), resolved once: what a code resolves to never depends on names, and the
     * places change only by migration. The e-mail alerts read the kept answers of every checker subscription each day.
     */
    private final Cache<String, Optional<String>> codes = Caffeine.newBuilder().maximumSize(CODES_KEPT).build();

    ProfileReader(Places places, Clock clock) {
        this.places = places;
        this.clock = clock;
    }

    public record Read(Profile profile, FormErrors errors) {
    }

    public Read read(CheckerForm f) {
        FormErrors errors = new FormErrors();
        Integer age = number(f.age(), "age", 0, 130, errors);
        String hometown = place(f.hometown(), "hometown", errors);
        String residence = isAbroad(f.residence()) ? Profile.ABROAD : place(f.residence(), "residence", errors);
        SchoolType school = null;
        if (present(f.school())) {
            school = SchoolType.fromCode(f.school().strip()).orElse(null);
            if (school == null) {
                errors.add("school", "checker.error.choose");
            }
        }
        Integer grade = number(f.grade(), "grade", 1, 6, errors);
        if (grade != null && school != null && grade > school.grades()) {
            errors.add("grade", "checker.error.grade", school.grades());
            grade = null;
        }
        String family = place(f.familyHome(), "familyHome", errors);
        Applicant applicant = null;
        if (present(f.applicant())) {
            applicant = Applicant.fromCode(f.applicant().strip()).orElse(null);
            if (applicant == null) {
                errors.add("applicant", "checker.error.choose");
            }
        }
        Integer size = number(f.groupSize(), "groupSize", 1, 10_000, errors);
        Integer young = number(f.groupYoung(), "groupYoung", 0, 10_000, errors);
        if (size != null && young != null && young > size) {
            errors.add("groupYoung", "checker.error.groupYoung");
            young = null;
        }
        LocalDate date = date(f.date(), errors);
        return new Read(new Profile(age, hometown, residence, school, grade, family, applicant, size, young, date), errors);
    }

    /** The 申込日 (2026-04-01, from {@link Typed#FIRST_DAY} to {@link Typed#LAST_DAY}), today in Japan when not given. */
    private LocalDate date(String typed, FormErrors errors) {
        if (!present(typed)) {
            return JapanTime.today(clock);
        }
        LocalDate date = Typed.dayInRange(typed.length() > 20 ? "" : typed);
        if (date == null) {
            errors.add("date", "eligibility.error.date");
            return JapanTime.today(clock);
        }
        return date;
    }

    private static boolean present(String v) {
        return v != null && !v.isBlank();
    }

    private static boolean isAbroad(String v) {
        return present(v) && (v.strip().equalsIgnoreCase(Profile.ABROAD) || v.strip().equals("海外"));
    }

    private String place(String typed, String field, FormErrors errors) {
        if (!present(typed)) {
            return null;
        }
        if (typed.length() > 60) {
            errors.add(field, "checker.error.place", typed.substring(0, 60));
            return null;
        }
        String t = typed.strip();
        boolean code = (t.length() == 2 || t.length() == 6) && t.chars().allMatch(ch -> ch >= '0' && ch <= '9');
        Optional<String> resolved = code ? codes.get(t, places::resolveArea) : places.resolveArea(typed);
        return resolved.orElseGet(() -> {
            errors.add(field, "checker.error.place", typed.strip());
            return null;
        });
    }

    private static Integer number(String typed, String field, int min, int max, FormErrors errors) {
        if (!present(typed)) {
            return null;
        }
        String t = typed.strip();
        if (!t.matches("\\d{1,6}") || Integer.parseInt(t) < min || Integer.parseInt(t) > max) {
            errors.add(field, "checker.error.number", min, max);
            return null;
        }
        return Integer.parseInt(t);
    }
}
