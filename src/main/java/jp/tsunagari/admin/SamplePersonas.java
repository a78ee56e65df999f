package jp.tsunagari.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.eligibility.EligibilityChecker;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.eligibility.SchoolType;
import jp.tsunagari.eligibility.Verdict;
import org.springframework.stereotype.Component;

/**
 * A few sample people judged against the program being edited (as last saved), so staff see at once how their
 * reading of 対象 works out — the same evaluation as the public eligibility checker.
 */
@Component
class SamplePersonas {

    /** A sample person: a message key describing them and their answers. */
    record Persona(String key, Profile profile) {
    }

    record Judged(String key, Verdict verdict) {
    }

    private final EligibilityChecker checker;
    private final Clock clock;

    SamplePersonas(EligibilityChecker checker, Clock clock) {
        this.checker = checker;
        this.clock = clock;
    }

    List<Persona> personas() {
        LocalDate today = LocalDate.now(clock);
        return List.of(
                new Persona("admin.persona.student", new Profile(22, "032018", "13", SchoolType.UNIVERSITY, 4, "032018",
                        Applicant.SELF, null, null, today)),
                new Persona("admin.persona.highSchool", new Profile(16, "262056", "262056", SchoolType.HIGH, 1, "262056",
                        Applicant.SELF, null, null, today)),
                new Persona("admin.persona.parent", new Profile(19, "024457", "13", SchoolType.KOSEN, 4, "024457",
                        Applicant.GUARDIAN, null, null, today)),
                new Persona("admin.persona.worker", new Profile(30, "09", "13", SchoolType.NONE, null, null,
                        Applicant.SELF, null, null, today)),
                new Persona("admin.persona.group", new Profile(null, null, "152161", null, null, null,
                        Applicant.GROUP, 5, 4, today)));
    }

    List<Judged> judge(ProgramContent content) {
        var groups = content.toTargetGroups();
        return personas().stream().map(p -> new Judged(p.key(), checker.evaluate(groups, p.profile()).verdict())).toList();
    }
}
