package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tsunagari.eligibility.EligibilityChecker;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.eligibility.Verdict;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
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

    /** {@code filters}: selected values per dimension of {@link #DIMENSIONS} (values of one dimension are alternatives). */
    public Answer find(Profile profile, Map<String, Set<String>> filters, List<Slice> slices) {
        ProgramIndex.Snapshot snapshot = index.acquire();
        try {
            IndexSearcher searcher = snapshot.searcher();
            EligibilityQueries.Compiled compiled = queries.compile(searcher.getIndexReader(), profile);
            Formula eligible = compiled.eligible();
            Formula possible = compiled.possible();
            List<String> unselected = DIMENSIONS.stream().filter(d -> values(filters, d).isEmpty()).toList();
            // The lists come from the same pass: the first from + size programs of each verdict listed.
            int deepest = slices.stream().mapToInt(s -> Math.min(s.from() + s.size(), MAX_WINDOW)).max().orElse(0);
            Set<Verdict> listed = new java.util.HashSet<>();
            slices.forEach(s -> listed.addAll(s.verdicts()));
            Counted all = count(searcher, filter(filters, null), eligible, possible, unselected, listed, deepest);
            Map<String, Map<String, Map<Verdict, Long>>> facets = new LinkedHashMap<>();
            for (String dimension : DIMENSIONS) {
                facets.put(dimension, unselected.contains(dimension) ? all.facets().get(dimension)
                        : count(searcher, filter(filters, dimension), eligible, possible, List.of(dimension), Set.of(), 0)
                        .facets().get(dimension));
            }
            List<List<Long>> pages = new ArrayList<>();
            for (Slice slice : slices) {
                pages.add(slice(slice, all));
            }
            return new Answer(all.totals(), facets, pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(snapshot);
        }
    }

    /** The slice's programs: from the first of its verdicts' lists on, the next verdict's after it. */
    private static List<Long> slice(Slice slice, Counted counted) {
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

    private static Set<String> values(Map<String, Set<String>> filters, String dimension) {
        return filters.getOrDefault(dimension, Set.of());
    }

    /** Every dimension's selection, except {@code without}'s. */
    private static Query filter(Map<String, Set<String>> filters, String without) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
        for (String dimension : DIMENSIONS) {
            Set<String> values = values(filters, dimension);
            if (dimension.equals(without) || values.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
            values.forEach(v -> anyOf.add(new TermQuery(new Term(dimension, v)), Occur.SHOULD));
            query.add(anyOf.build(), Occur.FILTER);
        }
        return query.build();
    }

    /** Counts, and per verdict listed its first programs in source order (ids). */
    private record Counted(Map<Verdict, Long> totals, Map<String, Map<String, Map<Verdict, Long>>> facets,
                           Map<Verdict, List<Long>> first) {
    }

    /**
     * One pass over the programs that pass the filters: each is 該当 if it is in the eligible set, else 要確認 if it is
     * in the possible set, else 非該当 — both sets read from the index's postings a window at a time. For the
     * verdicts {@code listed}, the first {@code first} programs in source order are kept (a bounded heap each).
     */
    private static Counted count(IndexSearcher searcher, Query base, Formula eligible, Formula possible,
                                 List<String> dimensions, Set<Verdict> listed, int first) throws IOException {
        int n = dimensions.size();
        Verdict[] verdicts = Verdict.values();
        long[] totals = new long[verdicts.length];
        List<Map<String, long[]>> byValue = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byValue.add(new HashMap<>());
        }
        List<FirstInOrder> firsts = new ArrayList<>();
        for (Verdict v : verdicts) {
            firsts.add(listed.contains(v) && first > 0 ? new FirstInOrder(first) : null);
        }
        searcher.search(base, new SimpleCollector() {
            private final SortedSetDocValues[] values = new SortedSetDocValues[n];
            private final long[][][] perOrdinal = new long[n][][];
            private Formula.Leaf eligibleDocs;
            private Formula.Leaf possibleDocs;
            private NumericDocValues order;
            private NumericDocValues ids;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                flush();
                order = DocValues.getNumeric(context.reader(), ProgramDocuments.SOURCE_ORDER);
                ids = DocValues.getNumeric(context.reader(), ProgramDocuments.ID);
                eligibleDocs = Formula.leaf(eligible, context.reader());
                possibleDocs = Formula.leaf(possible, context.reader());
                for (int i = 0; i < n; i++) {
                    values[i] = DocValues.getSortedSet(context.reader(), dimensions.get(i));
                    perOrdinal[i] = new long[verdicts.length][(int) values[i].getValueCount()];
                }
            }

            @Override
            public void collect(int doc) throws IOException {
                int v = eligibleDocs.contains(doc) ? 0 : possibleDocs.contains(doc) ? 1 : 2;
                totals[v]++;
                FirstInOrder list = firsts.get(v);
                if (list != null) {
                    long o = order.advanceExact(doc) ? order.longValue() : Long.MAX_VALUE;
                    list.offer(o, ids.advanceExact(doc) ? ids.longValue() : 0);
                }
                for (int i = 0; i < n; i++) {
                    SortedSetDocValues dv = values[i];
                    if (dv.advanceExact(doc)) {
                        long[] per = perOrdinal[i][v];
                        for (int k = dv.docValueCount(); k > 0; k--) {
                            per[(int) dv.nextOrd()]++;
                        }
                    }
                }
            }

            @Override
            public void finish() throws IOException {
                flush();
            }

            private void flush() throws IOException {
                for (int i = 0; i < n; i++) {
                    if (perOrdinal[i] == null) {
                        continue;
                    }
                    for (int v = 0; v < verdicts.length; v++) {
                        long[] per = perOrdinal[i][v];
                        for (int ord = 0; ord < per.length; ord++) {
                            if (per[ord] > 0) {
                                byValue.get(i).computeIfAbsent(values[i].lookupOrd(ord).utf8ToString(),
                                        k -> new long[verdicts.length])[v] += per[ord];
                            }
                        }
                    }
                    perOrdinal[i] = null;
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        Map<Verdict, Long> total = new EnumMap<>(Verdict.class);
        for (Verdict v : verdicts) {
            total.put(v, totals[v.ordinal()]);
        }
        Map<String, Map<String, Map<Verdict, Long>>> facets = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Map<String, Map<Verdict, Long>> counts = new HashMap<>();
            byValue.get(i).forEach((value, per) -> {
                Map<Verdict, Long> m = new EnumMap<>(Verdict.class);
                for (Verdict v : verdicts) {
                    m.put(v, per[v.ordinal()]);
                }
                counts.put(value, m);
            });
            facets.put(dimensions.get(i), counts);
        }
        Map<Verdict, List<Long>> lists = new EnumMap<>(Verdict.class);
        for (Verdict v : verdicts) {
            if (firsts.get(v.ordinal()) != null) {
                lists.put(v, firsts.get(v.ordinal()).ids());
            }
        }
        return new Counted(total, facets, lists);
    }

    /** The first {@code limit} (source order, id) keys offered, kept in a bounded max-heap. */
    private static final class FirstInOrder {

        private final int limit;
        private final java.util.PriorityQueue<long[]> heap = new java.util.PriorityQueue<>(
                java.util.Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[1]).reversed());

        FirstInOrder(int limit) {
            this.limit = limit;
        }

        void offer(long order, long id) {
            if (heap.size() < limit) {
                heap.add(new long[] {order, id});
                return;
            }
            long[] worst = heap.peek();
            if (order < worst[0] || order == worst[0] && id < worst[1]) {
                heap.poll();
                heap.add(new long[] {order, id});
            }
        }

        List<Long> ids() {
            List<long[]> keys = new ArrayList<>(heap);
            keys.sort(java.util.Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[1]));
            return keys.stream().map(k -> k[1]).toList();
        }
    }

}
