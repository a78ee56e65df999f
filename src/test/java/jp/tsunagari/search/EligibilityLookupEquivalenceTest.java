package jp.tsunagari.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import jp.tsunagari.catalogue.Acceptance;
import jp.tsunagari.catalogue.ProgramRules;
import jp.tsunagari.catalogue.SearchSources;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.eligibility.EligibilityChecker;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.eligibility.SchoolType;
import jp.tsunagari.eligibility.Verdict;
import jp.tsunagari.place.Municipality;
import jp.tsunagari.place.Places;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The lookup is an optimisation of {@link jp.tsunagari.eligibility.internal.EligibilityEvaluator}, not a second set of rules:
 * over a synthetic catalogue of {@value #N} programs and {@value #PROFILES} random profiles (seeded, printed;
 * {@code -Deligibility.seed=N} repeats a run), the verdict the index lookup implies for every published program — by
 * the list it puts the program in — equals the evaluator's, and the counts (in all and per category) agree, also
 * with a category filter (whose own counts stay those without it) and for the first page of a filtered list.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:lookup;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "catalogue.synthetic.programs=" + EligibilityLookupEquivalenceTest.N})
@ActiveProfiles("synthetic")
class EligibilityLookupEquivalenceTest {

    static final int N = 2000;
    static final int PROFILES = 300;

    @Autowired
    EligibilityLookup lookup;

    @Autowired
    EligibilityChecker checker;

    @Autowired
    SearchSources sources;

    @Autowired
    Places places;

    @Test
    void theLookupImpliesTheEvaluatorsVerdictForEveryPublishedProgram() {
        long seed = Long.getLong("eligibility.seed", System.nanoTime());
        System.out.println("eligibility lookup equivalence: seed " + seed + " (repeat with -Deligibility.seed=" + seed + ")");
        // Ended programs leave the checker's lists (as they leave /programs).
        LocalDate today = jp.tsunagari.system.JapanTime.today(java.time.Clock.systemUTC());
        List<ProgramRules> published = sources.rules();
        assertThat(published.size()).as("published programs").isGreaterThan(N * 9 / 10);
        List<ProgramRules> programs = published.stream()
                .filter(p -> Acceptance.of(p.lifecycle(), p.schedule(), today) != Acceptance.ENDED).toList();
        assertThat(programs.stream().filter(p -> p.groups().stream().anyMatch(g -> !g.validity().isAlways())))
                .as("programs with dated rules").hasSizeGreaterThan(N / 20);
        Random random = new Random(seed);
        Codes codes = codes(programs);
        Map<Verdict, Long> seen = new EnumMap<>(Verdict.class);
        Map<Long, String> categoryOf = new HashMap<>();
        programs.forEach(p -> categoryOf.put(p.id(), p.categoryCode()));
        for (int i = 0; i < PROFILES; i++) {
            Profile profile = profile(random, codes);
            EligibilityLookup.Answer answer = lookup.find(profile, Map.of(), List.of(
                    new EligibilityLookup.Slice(Verdict.ELIGIBLE, 0, EligibilityLookup.MAX_WINDOW),
                    new EligibilityLookup.Slice(Verdict.CHECK, 0, EligibilityLookup.MAX_WINDOW),
                    new EligibilityLookup.Slice(Verdict.NOT_ELIGIBLE, 0, EligibilityLookup.MAX_WINDOW)));
            Map<Long, Verdict> byLookup = new HashMap<>();
            for (Verdict v : Verdict.values()) {
                List<Long> ids = answer.slices().get(v.ordinal());
                assertThat(ids).as("profile %d %s: the %s list holds its count", i, profile, v).hasSize((int) answer.total(v));
                ids.forEach(id -> assertThat(byLookup.put(id, v)).as("program %d in two lists", id).isNull());
            }
            Map<String, Map<Verdict, Long>> perCategory = new HashMap<>();
            for (ProgramRules p : programs) {
                Verdict expected = checker.evaluate(p.groups(), profile).verdict();
                assertThat(byLookup.get(p.id())).as("program %d for profile %d %s (seed %d)", p.id(), i, profile, seed)
                        .isEqualTo(expected);
                perCategory.computeIfAbsent(p.categoryCode(), c -> new EnumMap<>(Verdict.class)).merge(expected, 1L, Long::sum);
                seen.merge(expected, 1L, Long::sum);
            }
            assertThat(byLookup).hasSize(programs.size());
            perCategory.forEach((category, counts) -> {
                for (Verdict v : Verdict.values()) {
                    assertThat(answer.facets().get("category").getOrDefault(category, Map.of()).getOrDefault(v, 0L))
                            .as("category %s, %s", category, v).isEqualTo(counts.getOrDefault(v, 0L));
                }
            });
            // Filtered by one category: its counts, and the category counts still those without the filter.
            String chosen = List.copyOf(new TreeSet<>(perCategory.keySet())).get(random.nextInt(perCategory.size()));
            EligibilityLookup.Answer filtered = lookup.find(profile, Map.of("category", Set.of(chosen)),
                    List.of(new EligibilityLookup.Slice(Verdict.CHECK, 0, 5)));
            for (Verdict v : Verdict.values()) {
                assertThat(filtered.total(v)).as("profile %d in category %s, %s", i, chosen, v)
                        .isEqualTo(perCategory.get(chosen).getOrDefault(v, 0L));
                for (String category : perCategory.keySet()) {
                    assertThat(filtered.facets().get("category").get(category).get(v))
                            .isEqualTo(answer.facets().get("category").get(category).get(v));
                }
            }
            assertThat(filtered.slices().get(0)).isEqualTo(answer.slices().get(Verdict.CHECK.ordinal()).stream()
                    .filter(id -> categoryOf.get(id).equals(chosen)).limit(5).toList());
        }
        System.out.println("eligibility lookup equivalence: " + programs.size() + " programs × " + PROFILES
                + " profiles, verdicts seen " + seen);
        // The profiles reach every verdict often: the comparison is not a trivial one.
        assertThat(seen.values()).allMatch(n -> n > PROFILES * 3L);
    }

    /** The place codes worth asking about: those in criteria, their prefectures, wards of those cities, and others. */
    record Codes(List<String> inCriteria, List<String> prefectures, List<String> wards, List<String> municipalities) {
    }

    Codes codes(List<ProgramRules> programs) {
        Set<String> areas = new TreeSet<>();
        programs.forEach(p -> p.groups().forEach(g -> g.criteria().forEach(c -> areas.addAll(c.areas()))));
        List<String> wards = new ArrayList<>();
        places.wardParents().forEach((ward, city) -> {
            if (areas.contains(city) || random(ward)) {
                wards.add(ward);
            }
        });
        List<String> prefectures = places.prefectures().stream().map(p -> p.code()).toList();
        List<String> municipalities = places.municipalitiesWithPrefecture().stream().map(Municipality::lgCode).toList();
        return new Codes(List.copyOf(areas), prefectures, wards.isEmpty() ? municipalities : wards, municipalities);
    }

    private static boolean random(String ward) {
        return ward.hashCode() % 3 == 0;
    }

    static Profile profile(Random r, Codes codes) {
        Integer age = r.nextInt(5) == 0 ? null : r.nextInt(4) == 0 ? r.nextInt(80) : 12 + r.nextInt(30);
        SchoolType school = r.nextInt(4) == 0 ? null : SchoolType.values()[r.nextInt(SchoolType.values().length)];
        Integer grade = school == null || school.grades() == 0 || r.nextInt(4) == 0 ? null : 1 + r.nextInt(school.grades());
        Applicant applicant = r.nextInt(4) == 0 ? null : Applicant.values()[r.nextInt(Applicant.values().length)];
        Integer size = r.nextInt(3) == 0 ? 1 + r.nextInt(12) : null;
        Integer young = size != null && r.nextBoolean() ? r.nextInt(size + 1) : null;
        String residence = r.nextInt(10) == 0 ? Profile.ABROAD : place(r, codes);
        return new Profile(age, place(r, codes), residence, school, grade, place(r, codes), applicant, size, young,
                // Either side of the generated rule change (2026-04-01), and on it: dated rules must agree too.
                LocalDate.of(2026, 4, 1).plusDays(r.nextInt(3) - 1));
    }

    static String place(Random r, Codes codes) {
        int k = r.nextInt(10);
        if (k < 2) {
            return null;
        }
        if (k < 5) {
            return pick(r, codes.inCriteria());
        }
        if (k < 7) {
            String code = pick(r, codes.inCriteria());
            return code.length() == 6 && r.nextBoolean() ? code.substring(0, 2) : pick(r, codes.prefectures());
        }
        if (k < 8) {
            return pick(r, codes.wards());
        }
        return pick(r, codes.municipalities());
    }

    static String pick(Random r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}
