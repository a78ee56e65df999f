package jp.tsunagari.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import jp.tsunagari.catalogue.SearchSource;
import jp.tsunagari.catalogue.SearchSources;
import jp.tsunagari.eligibility.EligibilityChecker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A saved search matched against a day's changed programs ({@link SavedSearches.Changes}: filters as bit sets over
 * the changed programs, the text only on those its filters let through) finds exactly what the search itself finds
 * among them: on 3,000 programs recombined from the seeded ones, 300 random saved searches (text, selections, ended
 * programs included or not), each against a random set of 200 changed programs, compared with the whole search's
 * results; and the canonical form reads back to itself.
 */
@SpringBootTest(properties = "catalogue.jobs.enabled=false")
class SavedSearchesTest {

    static final int N = 3_000;

    @Autowired
    SearchSources sources;
    @Autowired
    EligibilityChecker areas;
    @Autowired
    DiscoveryFilters filters;
    @Autowired
    SearchLabels labels;

    @Test
    void matchingTheChangesEqualsTheSearch() {
        List<SearchSource> seed = sources.published();
        List<SearchSource> many = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            SearchSource a = seed.get(i % seed.size());
            SearchSource b = seed.get((i * 7 + 3) % seed.size());
            many.add(new SearchSource(i + 1, a.name() + " " + i, a.nameKana(), b.categoryCode(), a.prefectureCodes(),
                    a.regionCodes(), a.maintainers(), b.audiences(), a.channel(), b.lifecycle(), i % 500, a.startYearMonth(), b.reach(),
                    b.placeNames(), a.texts(), a.groups(), b.schedule(), a.published(), a.page(), a.unconfirmedFrom()));
        }
        IndexSnapshot snapshot = IndexWriting.build(many, Analyzers.perField(), areas, 0, System.nanoTime());
        IndexBuildBenchmark.FixedIndex index = new IndexBuildBenchmark.FixedIndex(snapshot);
        ProgramSearch search = new ProgramSearch(index);
        SavedSearches saved = new SavedSearches(filters, search, index, labels);
        Map<String, List<String>> values = new HashMap<>();
        search.search(DiscoveryQuery.ALL).counts().forEach((d, v) -> values.put(d, List.copyOf(v.keySet())));
        long seed0 = Long.getLong("search.seed", System.nanoTime());
        Random random = new Random(seed0);
        int withMatches = 0;
        for (int run = 0; run < 300; run++) {
            Map<String, Set<String>> selected = new HashMap<>();
            for (String dimension : ProgramDocuments.DIMENSIONS) {
                List<String> known = values.get(dimension);
                if (random.nextInt(3) == 0 && known != null && !known.isEmpty()) {
                    selected.put(dimension, new HashSet<>(List.of(known.get(random.nextInt(known.size())),
                            known.get(random.nextInt(known.size())))));
                }
            }
            String text = FacetedPassEquivalenceTest.WORDS.get(random.nextInt(FacetedPassEquivalenceTest.WORDS.size()));
            DiscoveryQuery q = new DiscoveryQuery(text, selected, "source", 1, Integer.MAX_VALUE, random.nextInt(4) == 0);
            List<Long> changed = new ArrayList<>();
            for (int k = 0; k < 200; k++) {
                changed.add(1L + random.nextInt(N + 50));
            }
            String conditions = SavedSearches.canonical(q);
            assertThat(SavedSearches.canonical(saved.read(conditions))).isEqualTo(conditions);
            Set<Long> found = new HashSet<>(search.search(q).ids());
            List<Long> expected = changed.stream().distinct().filter(found::contains).toList();
            String what = "seed " + seed0 + ", run " + run + ": " + conditions;
            assertThat(saved.changes(changed).matching(conditions)).as(what).isEqualTo(expected);
            withMatches += expected.isEmpty() ? 0 : 1;
        }
        assertThat(withMatches).as("saved searches that match some changed program").isGreaterThan(50);
    }
}
