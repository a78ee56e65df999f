package jp.tsunagari.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
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
 * A search page in one pass ({@link FacetedPass}: total, every facet count and the page from one evaluation of the
 * text; values read from {@link FacetTables} or, every other query, decoded from doc values; and from the
 * {@link ResultCache}) gives what the separate passes give (a count, a count per selected dimension without its own selection, and a
 * sorted search; still used for exports): on 3,000 programs recombined from the seeded ones, 300 random queries of
 * text, selections, sorts and pages.
 */
@SpringBootTest
class FacetedPassEquivalenceTest {

    static final int N = 3_000;
    static final List<String> WORDS = List.of("", "", "地域", "LINE", "若者", "学生", "大学生", "特産品", "ふるさと", "仕送り",
            "就職", "移住", "出身者", "県人会", "もりおか", "応援", "イベント", "LINE 若者", "ふるさと 大学生", "該当なし語");

    @Autowired
    SearchSources sources;

    @Autowired
    EligibilityChecker areas;

    @Test
    void onePassEqualsSeparatePasses() {
        List<SearchSource> seed = sources.published();
        List<SearchSource> many = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            SearchSource a = seed.get(i % seed.size());
            SearchSource b = seed.get((i * 7 + 3) % seed.size());
            many.add(new SearchSource(i + 1, a.name() + " " + i, a.nameKana(), b.categoryCode(), a.prefectureCodes(),
                    a.regionCodes(), a.maintainers(), b.audiences(), a.channel(), b.lifecycle(), i % 97 == 0 ? null : i % 500,
                    a.startYearMonth(), b.reach(), b.placeNames(), a.texts(), a.groups(), b.schedule(),
                    a.published().plusSeconds(i % 1000), a.page(), a.unconfirmedFrom()));
        }
        IndexSnapshot snapshot = IndexWriting.build(many, Analyzers.perField(), areas, 0, System.nanoTime());
        ProgramSearch search = new ProgramSearch(new IndexBuildBenchmark.FixedIndex(snapshot));
        ProgramSearch cached = new ProgramSearch(new IndexBuildBenchmark.FixedIndex(snapshot), 50);
        Map<String, List<String>> values = search.search(new DiscoveryQuery("", Map.of(), "source", 1, 20)).counts()
                .entrySet().stream().collect(HashMap::new, (m, e) -> m.put(e.getKey(), List.copyOf(e.getValue().keySet())),
                        HashMap::putAll);
        long seed0 = Long.getLong("search.seed", System.nanoTime());
        Random random = new Random(seed0);
        int compared = 0;
        int withMatches = 0;
        for (int run = 0; run < 300; run++) {
            Map<String, Set<String>> selected = new HashMap<>();
            for (String dimension : ProgramDocuments.DIMENSIONS) {
                List<String> known = values.get(dimension);
                if (random.nextInt(3) == 0 && known != null && !known.isEmpty()) {
                    Set<String> chosen = new java.util.HashSet<>();
                    chosen.add(known.get(random.nextInt(known.size())));
                    if (random.nextBoolean()) {
                        chosen.add(known.get(random.nextInt(known.size())));
                    }
                    selected.put(dimension, chosen);
                }
            }
            String text = WORDS.get(random.nextInt(WORDS.size()));
            String sort = DiscoveryQuery.SORTS.get(random.nextInt(DiscoveryQuery.SORTS.size()));
            int page = 1 + random.nextInt(3);
            DiscoveryQuery q = new DiscoveryQuery(text, selected, sort, page, 20);
            FacetTables.enabled = run % 2 == 0; // with the tables and decoding doc values, alternately
            ProgramSearch.Result one = search.search(q);
            FacetTables.enabled = true;
            ProgramSearch.Result all = search.search(new DiscoveryQuery(text, selected, sort, 1, Integer.MAX_VALUE));
            String what = "seed " + seed0 + ", run " + run + ": " + q;
            assertThat(one.total()).as(what).isEqualTo(all.total());
            assertThat(one.counts()).as(what).isEqualTo(all.counts());
            int from = Math.min((page - 1) * 20, all.ids().size());
            assertThat(one.ids()).as(what).isEqualTo(all.ids().subList(from, Math.min(from + 20, all.ids().size())));
            // The result cache (pages 1 to 5 of a search from one entry) answers the same, first and second time.
            for (int again = 0; again < 2; again++) {
                ProgramSearch.Result fromCache = cached.search(q);
                assertThat(fromCache.total()).as(what).isEqualTo(one.total());
                assertThat(fromCache.counts()).as(what).isEqualTo(one.counts());
                assertThat(fromCache.ids()).as(what).isEqualTo(one.ids());
            }
            compared++;
            withMatches += one.ids().isEmpty() ? 0 : 1;
        }
        assertThat(compared).isEqualTo(300);
        assertThat(withMatches).as("queries with results on their page").isGreaterThan(50);
    }
}
