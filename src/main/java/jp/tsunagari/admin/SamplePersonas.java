package jp.tsunagari.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.eligibility.EligibilityChecker;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.eligibility.SchoolType;
import jp.tsunagari.eligibility.Validity;
import jp.tsunagari.eligibility.Verdict;
import jp.tsunagari.system.JapanTime;
import org.springframework.stereotype.Component;

/**
 * A few sample people judged against the program being edited (as last saved), so staff see at once how their
 * reading of 対象 works out — the same evaluation as the public eligibility checker, for an application today (in
 * Japan), and again on each later day a group's 適用期間 starts or ends, where a verdict then changes.
 */
@Component
class SamplePersonas {

    /** A sample person: a message key describing them and their answers. */
    record Persona(String key, Profile profile) {
    }

    /** A person's verdict today, and the later days their verdict changes on (a dated group starts or ends). */
    record Judged(String key, Verdict verdict, List<Change> later) {
    }

    /** From {@code from} on, the verdict is {@code verdict}. */
    record Change(LocalDate from, Verdict verdict) {
    }

    /** The sample people's verdicts, on {@code today} and on the later days the rules change. */
    record Sample(LocalDate today, List<Judged> people) {
    }

    private final EligibilityChecker checker;
    private final Clock clock;

    SamplePersonas(EligibilityChecker checker, Clock clock) {
        this.checker = checker;
        this.clock = clock;
    }

    List<Persona> personas(LocalDate today) {
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

    Sample judge(ProgramContent content) {
        LocalDate today = JapanTime.today(clock);
        var groups = content.toTargetGroups();
        SortedSet<LocalDate> changes = new TreeSet<>();
        for (var g : groups) {
            Validity v = g.validity();
            if (v.from() != null && v.from().isAfter(today)) {
                changes.add(v.from());
            }
            if (v.to() != null && !v.to().isBefore(today)) {
                changes.add(v.to().plusDays(1));
            }
        }
        List<Judged> people = new ArrayList<>();
        for (Persona p : personas(today)) {
            Verdict now = checker.evaluate(groups, p.profile()).verdict();
            List<Change> later = new ArrayList<>();
            Verdict last = now;
            for (LocalDate day : changes) {
                Verdict then = checker.evaluate(groups, p.profile().on(day)).verdict();
                if (then != last) {
                    later.add(new Change(day, then));
                    last = then;
                }
            }
            people.add(new Judged(p.key(), now, later));
        }
        return new Sample(today, people);
    }
}
