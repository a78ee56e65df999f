package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tsunagari.eligibility.EligibilityChecker;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.eligibility.Verdict;
import org.apache.lucene.search.IndexSearcher;
import org.springframework.stereotype.Service;

/**
 * 「あなたが使える施策」 at any catalogue size: for a profile, which published programs are 該当, 要確認 or 非該当,
 * how many of each (per category, region and prefecture too), and one page of each list, from the search index —
 * without judging the programs one by one. {@link EligibilityQueries} turns the profile into two index queries with
 * the evaluator's own rules; the caller judges only the programs of the page, with reasons.
 */
@Service
public class EligibilityLookup {

    /** The facet dimensions the checker filters and counts by (names as on /programs). */
    public static final List<String> DIMENSIONS = List.of("category", "region", "pref");
    /** What the lists are filtered by: those dimensions and the status, which leaves ended programs out. */
    static final List<String> FILTERED = List.of("category", "region", "pref", "status");
    /** How deep a list can be paged (results); past this, filters narrow it. Bounds the memory of a request. */
    public static final int MAX_WINDOW = 10_000;

    private final ProgramIndex index;
    private final EligibilityQueries queries;

    EligibilityLookup(ProgramIndex index, EligibilityChecker checker) {
        this.index = index;
        this.queries = new EligibilityQueries(checker);
    }

    /** Part of a list: {@code size} programs from {@code from}, the programs of each verdict in turn (each in source order). */
    public record Slice(List<Verdict> verdicts, int from, int size) {

        public Slice(Verdict verdict, int from, int size) {
            this(List.of(verdict), from, size);
        }
    }

    /**
     * Per verdict the number of programs (under every filter); per dimension and value the number per verdict
     * (under the other dimensions' filters, so a count is what choosing the value gives); the ids of each slice.
     */
    public record Answer(Map<Verdict, Long> totals, Map<String, Map<String, Map<Verdict, Long>>> facets,
                         List<List<Long>> slices) {

        public long total(Verdict v) {
            return totals.getOrDefault(v, 0L);
        }
    }

    /**
     * {@code filters}: selected values per dimension of {@link #DIMENSIONS} (values of one dimension are
     * alternatives). Ended programs are left out, as from the /programs list.
     */
    public Answer find(Profile profile, Map<String, Set<String>> filters, List<Slice> slices) {
        IndexSnapshot snapshot = index.acquire();
        try {
            IndexSearcher searcher = snapshot.searcher();
            EligibilityQueries.Compiled compiled = queries.compile(searcher.getIndexReader(), profile);
            Formula eligible = compiled.eligible();
            Formula possible = compiled.possible();
            // The lists come from the same pass: the first from + size programs of each verdict listed.
            int deepest = slices.stream().mapToInt(s -> Math.min(s.from() + s.size(), MAX_WINDOW)).max().orElse(0);
            Set<Verdict> listed = new java.util.HashSet<>();
            slices.forEach(s -> listed.addAll(s.verdicts()));
            Map<String, Set<String>> current = new java.util.HashMap<>(filters);
            current.put("status", DiscoveryQuery.NOT_ENDED);
            VerdictCount.Counted all = VerdictCount.count(searcher, current, eligible, possible, listed, deepest);
            Map<String, Map<String, Map<Verdict, Long>>> facets = all.facets();
            List<List<Long>> pages = new ArrayList<>();
            for (Slice slice : slices) {
                pages.add(slice(slice, all));
            }
            return new Answer(all.totals(), facets, pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            snapshot.release();
        }
    }

    /** The slice's programs: from the first of its verdicts' lists on, the next verdict's after it. */
    private static List<Long> slice(Slice slice, VerdictCount.Counted counted) {
        List<Long> ids = new ArrayList<>();
        long skip = slice.from();
        for (Verdict verdict : slice.verdicts()) {
            List<Long> first = counted.first().getOrDefault(verdict, List.of());
            long total = counted.totals().getOrDefault(verdict, 0L);
            for (long i = skip; i < first.size() && ids.size() < slice.size(); i++) {
                ids.add(first.get((int) i));
            }
            skip = Math.max(0, skip - total);
            if (ids.size() >= slice.size()) {
                break;
            }
        }
        return ids;
    }
}
