package jp.tsunagari.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import jp.tsunagari.catalogue.ProgramRules;
import jp.tsunagari.catalogue.SearchSources;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.eligibility.EligibilityChecker;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.eligibility.SchoolType;
import jp.tsunagari.eligibility.TargetGroup;
import jp.tsunagari.eligibility.Verdict;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The e-mail alerts' shortcut ({@link FailingGroups}) says of every program exactly what the checker's full
 * evaluation says — 該当 or 要確認 against 非該当 — for thousands of varied profiles against the seeded programs' rules,
 * one profile after another on the same instance (so its kept sets are reused, as in a digest).
 */
@SpringBootTest
class FailingGroupsTest {

    @Autowired
    EligibilityChecker checker;

    @Autowired
    SearchSources sources;

    @Test
    void aProgramIsOpenExactlyWhenTheCheckerFindsItEligibleOrToCheck() {
        List<ProgramRules> programs = sources.rules();
        FailingGroups failing = new FailingGroups(checker, programs);
        List<String> places = places(programs);
        List<LocalDate> dates = dates(programs);
        Random random = new Random(28);
        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        for (int i = 0; i < 4000; i++) {
            Profile p = profile(random, places, dates);
            Predicate<Long> open = failing.open(p);
            for (ProgramRules program : programs) {
                Verdict v = checker.evaluate(program.groups(), p).verdict();
                seen.merge(v, 1, Integer::sum);
                assertThat(open.test(program.id())).as("program %d for %s (%s)", program.id(), p, v)
                        .isEqualTo(v != Verdict.NOT_ELIGIBLE);
            }
            assertThat(open.test(-1L)).as("a program not among them").isFalse();
        }
        assertThat(seen).as("every verdict came up").containsKeys(Verdict.ELIGIBLE, Verdict.CHECK, Verdict.NOT_ELIGIBLE);
    }

    /** The areas the rules name, their prefectures, a few others, abroad and none. */
    private static List<String> places(List<ProgramRules> programs) {
        List<String> places = new ArrayList<>(List.of("13", "131016", "27", "271004", "01", "47", Profile.ABROAD));
        programs.forEach(p -> p.groups().forEach(g -> g.criteria().forEach(c -> c.areas().forEach(a -> {
            places.add(a);
            places.add(a.substring(0, 2));
        }))));
        places.add(null);
        return places;
    }

    /** A usual day, and each end of every dated group's rules and the day on either side. */
    private static List<LocalDate> dates(List<ProgramRules> programs) {
        List<LocalDate> dates = new ArrayList<>(List.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 12, 7)));
        for (ProgramRules p : programs) {
            for (TargetGroup g : p.groups()) {
                for (LocalDate d : new LocalDate[] {g.validity().from(), g.validity().to()}) {
                    if (d != null) {
                        dates.addAll(List.of(d.minusDays(1), d, d.plusDays(1)));
                    }
                }
            }
        }
        return dates;
    }

    private static Profile profile(Random r, List<String> places, List<LocalDate> dates) {
        SchoolType[] schools = SchoolType.values();
        Applicant[] applicants = Applicant.values();
        SchoolType school = r.nextInt(4) == 0 ? null : schools[r.nextInt(schools.length)];
        Integer grade = school == null || school.grades() == 0 || r.nextInt(4) == 0 ? null : 1 + r.nextInt(school.grades());
        Integer size = r.nextInt(3) == 0 ? null : 1 + r.nextInt(30);
        Integer young = size == null || r.nextBoolean() ? null : r.nextInt(size + 1);
        String residence = places.get(r.nextInt(places.size()));
        String hometown = places.get(r.nextInt(places.size()));
        String family = places.get(r.nextInt(places.size()));
        return new Profile(r.nextInt(6) == 0 ? null : 10 + r.nextInt(40),
                Profile.ABROAD.equals(hometown) ? null : hometown, residence, school, grade,
                Profile.ABROAD.equals(family) ? null : family,
                r.nextInt(4) == 0 ? null : applicants[r.nextInt(applicants.length)], size, young,
                dates.get(r.nextInt(dates.size())));
    }
}
