package jp.tsunagari.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tsunagari.catalogue.SearchSource;
import jp.tsunagari.catalogue.SearchSources;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Measures building the index for 100,000 programs recombined from the 15 seeded ones (names, texts, places and
 * facets shuffled), then a query. Not part of the normal suites: {@code ./mvnw test -Dtests.excluded=browser -Dtest=IndexBuildBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest
class IndexBuildBenchmark {

    static final int N = 100_000;

    @Autowired
    SearchSources sources;

    @Autowired
    jp.tsunagari.eligibility.EligibilityChecker areas;

    @Test
    void buildsTheIndexFor100000Programs() {
        List<SearchSource> seed = sources.published();
        List<SearchSource> many = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            SearchSource a = seed.get(i % seed.size());
            SearchSource b = seed.get((i * 7 + 3) % seed.size());
            List<String> texts = new ArrayList<>(a.texts());
            texts.addAll(b.texts().subList(0, Math.min(3, b.texts().size())));
            many.add(new SearchSource(i + 1, a.name() + " " + i, a.nameKana(), b.categoryCode(), a.prefectureCodes(),
                    a.regionCodes(), a.maintainers(), b.audiences(), a.channel(), b.lifecycle(), i, a.startYearMonth(), b.reach(),
                    b.placeNames(), texts, a.groups(), b.schedule(), a.published(), a.page(), a.unconfirmedFrom()));
        }
        long started = System.nanoTime();
        IndexSnapshot snapshot = IndexWriting.build(many, Analyzers.perField(), areas, 0, started);
        System.out.printf("index-build: %,d programs in %,d ms%n", snapshot.documents(), snapshot.buildTime().toMillis());
        ProgramSearch search = new ProgramSearch(new FixedIndex(snapshot));
        ProgramSearch.Result result = null;
        for (String text : List.of("エール便 学生", "もりおか", "LINE", "県人会", "")) {
            for (int run = 1; run <= 3; run++) {
                long query = System.nanoTime();
                result = search.search(new DiscoveryQuery(text, Map.of("region", Set.of("tohoku")), "relevance", 1, 20));
                System.out.printf("index-query: '%s' + region, run %d: %,d hits, %.1f ms (6 facet counts included)%n",
                        text, run, result.total(), (System.nanoTime() - query) / 1e6);
            }
        }
        assertThat(snapshot.documents()).isEqualTo(N);
        assertThat(result.total()).isPositive();
    }

    /** An index that is already built. */
    static final class FixedIndex extends ProgramIndex {
        private final IndexSnapshot snapshot;

        FixedIndex(IndexSnapshot snapshot) {
            super();
            this.snapshot = snapshot;
        }

        @Override
        IndexSnapshot snapshot() {
            return snapshot;
        }
    }
}
