package jp.tsunagari.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.tsunagari.catalogue.SearchSource;
import jp.tsunagari.catalogue.SearchSources;
import jp.tsunagari.eligibility.EligibilityChecker;
import jp.tsunagari.place.LgCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link Coverage} counts what the sources say: on 2,000 programs recombined from the seeded ones (categories,
 * prefectures and maintainers mixed), per prefecture and category, without a prefecture, per category and in all, for
 * everyone and for each maintaining organization — read from the {@link FacetTables} masks and, with the tables off,
 * from the doc values; and the municipalities that organize a program are the sources' municipal maintainers.
 */
@SpringBootTest
class CoverageTest {

    static final int N = 2_000;

    @Autowired
    SearchSources sources;

    @Autowired
    EligibilityChecker areas;

    @Test
    void countsWhatTheSourcesSayFromTablesAndFromDocValues() {
        List<SearchSource> seed = sources.published();
        List<SearchSource> many = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            SearchSource a = seed.get(i % seed.size());
            SearchSource b = seed.get((i * 7 + 3) % seed.size());
            Set<String> prefectures = i % 11 == 0 ? Set.of() : a.prefectureCodes();
            many.add(new SearchSource(i + 1, a.name() + " " + i, a.nameKana(), b.categoryCode(), prefectures,
                    a.regionCodes(), a.maintainers(), b.audiences(), a.channel(), b.lifecycle(), i, a.startYearMonth(),
                    b.reach(), b.placeNames(), a.texts(), a.groups(), b.schedule(), a.published(), a.page(), a.unconfirmedFrom()));
        }
        Coverage coverage = new Coverage(new IndexBuildBenchmark.FixedIndex(
                IndexWriting.build(many, Analyzers.perField(), areas, 0, System.nanoTime())));
        Set<String> organizations = new TreeSet<>();
        many.forEach(s -> organizations.addAll(s.maintainers()));
        assertThat(organizations).as("municipalities and prefectures maintain programs")
                .anyMatch(o -> LgCode.prefectureOf(o) == null).anyMatch(o -> LgCode.prefectureOf(o) != null);
        for (boolean tables : new boolean[] {true, false}) {
            FacetTables.enabled = tables;
            try {
                assertCounts(coverage.count(null), many);
                for (String organization : organizations) {
                    assertCounts(coverage.count(organization), many.stream()
                            .filter(s -> s.maintainers().contains(organization)).toList());
                }
            } finally {
                FacetTables.enabled = true;
            }
        }
        assertThat(coverage.count("none").total()).isZero();
        assertThat(coverage.organizingMunicipalities()).containsExactlyInAnyOrderElementsOf(
                organizations.stream().filter(o -> LgCode.prefectureOf(o) == null).toList());
    }

    static void assertCounts(Coverage.Counts counts, List<SearchSource> expected) {
        Map<String, Long> cells = new HashMap<>();
        Map<String, Long> prefectures = new HashMap<>();
        Map<String, Long> categories = new HashMap<>();
        Map<String, Long> unplaced = new HashMap<>();
        for (SearchSource s : expected) {
            categories.merge(s.categoryCode(), 1L, Long::sum);
            if (s.prefectureCodes().isEmpty()) {
                unplaced.merge(s.categoryCode(), 1L, Long::sum);
            }
            for (String p : s.prefectureCodes()) {
                cells.merge(p + "/" + s.categoryCode(), 1L, Long::sum);
                prefectures.merge(p, 1L, Long::sum);
            }
        }
        assertThat(counts.total()).isEqualTo(expected.size());
        assertThat(counts.categories()).isEqualTo(categories);
        assertThat(counts.prefectures()).isEqualTo(prefectures);
        assertThat(counts.unplaced()).isEqualTo(unplaced);
        Map<String, Long> counted = new HashMap<>();
        counts.cells().forEach((p, byCategory) -> byCategory.forEach((c, n) -> counted.put(p + "/" + c, n)));
        assertThat(counted).isEqualTo(cells);
    }
}
