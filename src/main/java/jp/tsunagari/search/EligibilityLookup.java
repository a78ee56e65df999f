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
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
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
            Weight eligible = weight(searcher, compiled.eligible());
            Weight possible = weight(searcher, compiled.possible());
            List<String> unselected = DIMENSIONS.stream().filter(d -> values(filters, d).isEmpty()).toList();
            Counted all = count(searcher, filter(filters, null), eligible, possible, unselected);
            Map<String, Map<String, Map<Verdict, Long>>> facets = new LinkedHashMap<>();
            for (String dimension : DIMENSIONS) {
                facets.put(dimension, unselected.contains(dimension) ? all.facets().get(dimension)
                        : count(searcher, filter(filters, dimension), eligible, possible, List.of(dimension))
                        .facets().get(dimension));
            }
            List<List<Long>> pages = new ArrayList<>();
            for (Slice slice : slices) {
                pages.add(slice(searcher, filters, compiled, slice, all.totals()));
            }
            return new Answer(all.totals(), facets, pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(snapshot);
        }
    }

    private List<Long> slice(IndexSearcher searcher, Map<String, Set<String>> filters, EligibilityQueries.Compiled q,
                             Slice slice, Map<Verdict, Long> totals) throws IOException {
        List<Long> ids = new ArrayList<>();
        long skip = slice.from();
        for (Verdict verdict : slice.verdicts()) {
            long total = totals.getOrDefault(verdict, 0L);
            int want = slice.size() - ids.size();
            if (want <= 0) {
                break;
            }
            if (skip < total) {
                ids.addAll(ids(searcher, list(filter(filters, null), q, verdict), (int) skip, want));
            }
            skip = Math.max(0, skip - total);
        }
        return ids;
    }

    private static Query list(Query filters, EligibilityQueries.Compiled q, Verdict verdict) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(filters, Occur.FILTER);
        switch (verdict) {
            case ELIGIBLE -> b.add(q.eligible(), Occur.FILTER);
            case CHECK -> b.add(q.possible(), Occur.FILTER).add(q.eligible(), Occur.MUST_NOT);
            case NOT_ELIGIBLE -> b.add(q.possible(), Occur.MUST_NOT);
        }
        return b.build();
    }

    /** Ids from {@code from} (at most {@value #MAX_WINDOW} deep), in the catalogue's source order. */
    private static List<Long> ids(IndexSearcher searcher, Query query, int from, int size) throws IOException {
        int n = Math.min(from + size, MAX_WINDOW);
        List<Long> ids = new ArrayList<>();
        if (from >= n) {
            return ids;
        }
        TopDocs top = searcher.search(query, n, ProgramSearch.sort("source"));
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = from; i < docs.length; i++) {
            ids.add(searcher.storedFields().document(docs[i].doc).getField(ProgramDocuments.ID).numericValue().longValue());
        }
        return ids;
    }

    private static Weight weight(IndexSearcher searcher, Query q) throws IOException {
        return searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
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

    private record Counted(Map<Verdict, Long> totals, Map<String, Map<String, Map<Verdict, Long>>> facets) {
    }

    /**
     * One pass over the programs that pass the filters: each is 該当 if the eligible query matches it, else 要確認 if
     * the possible query does, else 非該当 — the two queries are advanced alongside, never run per program.
     */
    private static Counted count(IndexSearcher searcher, Query base, Weight eligible, Weight possible,
                                 List<String> dimensions) throws IOException {
        int n = dimensions.size();
        Verdict[] verdicts = Verdict.values();
        long[] totals = new long[verdicts.length];
        List<Map<String, long[]>> byValue = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byValue.add(new HashMap<>());
        }
        searcher.search(base, new SimpleCollector() {
            private final SortedSetDocValues[] values = new SortedSetDocValues[n];
            private final long[][][] perOrdinal = new long[n][][];
            private DocIdSetIterator eligibleDocs;
            private DocIdSetIterator possibleDocs;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                flush();
                eligibleDocs = iterator(eligible.scorer(context));
                possibleDocs = iterator(possible.scorer(context));
                for (int i = 0; i < n; i++) {
                    values[i] = DocValues.getSortedSet(context.reader(), dimensions.get(i));
                    perOrdinal[i] = new long[verdicts.length][(int) values[i].getValueCount()];
                }
            }

            @Override
            public void collect(int doc) throws IOException {
                int v = matches(eligibleDocs, doc) ? 0 : matches(possibleDocs, doc) ? 1 : 2;
                totals[v]++;
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
        return new Counted(total, facets);
    }

    private static DocIdSetIterator iterator(Scorer scorer) {
        return scorer == null ? null : scorer.iterator();
    }

    private static boolean matches(DocIdSetIterator docs, int doc) throws IOException {
        if (docs == null) {
            return false;
        }
        if (docs.docID() < doc) {
            docs.advance(doc);
        }
        return docs.docID() == doc;
    }
}
