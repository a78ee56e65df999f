package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Searches the index: every word of the text must match (as a run of bigrams, in the name or anywhere else), the
 * name weighs more, an exact name most; the selected facet values filter; every facet value is counted together
 * with the other dimensions' selections (so a count is what clicking the value would give).
 */
@Service
class ProgramSearch {

    static final int MAX_WORDS = 10;
    /** Pages up to this many results deep are answered in one pass ({@link FacetedPass}); exports take two. */
    static final int PAGED_HITS = 10_000;

    /** Dimensions counted over the whole index for the entry pages ({@link #totals}). */
    static final List<String> TOTALS = List.of("category", "region", "pref");

    private final ProgramIndex index;
    /** {@link #totals} of one index snapshot: counted once per change of the catalogue. */
    private final AtomicReference<Totals> totals = new AtomicReference<>();

    private record Totals(IndexSnapshot snapshot, Map<String, Map<String, Long>> counts) {
    }

    private final ResultCache results;

    /** Without a result cache (tests and measurements). */
    ProgramSearch(ProgramIndex index) {
        this(index, 0);
    }

    @Autowired
    ProgramSearch(ProgramIndex index, @Value("${catalogue.search.result-cache-size:2000}") int resultCacheSize) {
        this.index = index;
        this.results = new ResultCache(resultCacheSize);
    }

    /** The query's text and filters as one Lucene query (a saved search run on a few programs, {@link SavedSearches}). */
    Query query(DiscoveryQuery q) {
        return combine(textQuery(q.text(), words(q.text())), q, null);
    }

    /** One page of ids in order and the total, without facet counts. */
    record Ranked(List<Long> ids, long total) {
    }

    /** The query's page in its order, and how many match (no text: a filtered list). */
    Ranked rank(DiscoveryQuery q) {
        IndexSnapshot snapshot = index.acquire();
        IndexSearcher searcher = snapshot.searcher();
        try {
            Query main = combine(textQuery(q.text(), words(q.text())), q, null);
            long total = searcher.count(main);
            return new Ranked(ids(searcher, main, q, total), total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            snapshot.release();
        }
    }

    /** The newest matches: ids and when each was last published (epoch milliseconds), newest first. */
    record Latest(List<Long> ids, List<Long> published) {
    }

    /**
     * The {@code n} matches published or changed most recently, by the index's publication time: a top-n search on a
     * doc value (with points, so Lucene skips documents that cannot compete), never a pass over every match.
     */
    Latest latest(DiscoveryQuery q, int n) {
        IndexSnapshot snapshot = index.acquire();
        IndexSearcher searcher = snapshot.searcher();
        try {
            Query main = combine(textQuery(q.text(), words(q.text())), q, null);
            Sort newest = new Sort(new SortField(ProgramDocuments.PUBLISHED, SortField.Type.LONG, true),
                    new SortField(ProgramDocuments.ID, SortField.Type.LONG, true));
            ScoreDoc[] docs = searcher.search(main, n, newest, false).scoreDocs;
            List<Long> times = Arrays.stream(docs).map(d -> (Long) ((FieldDoc) d).fields[0]).toList();
            return new Latest(ids(searcher, docs, 0), times);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            snapshot.release();
        }
    }

    /**
     * Published programs that have not ended, per category, region and prefecture (what the entry pages' lists show):
     * counted over the whole index once per snapshot (that is, once per change of the catalogue), then answered from
     * memory.
     */
    Map<String, Map<String, Long>> totals() {
        IndexSnapshot snapshot = index.acquire();
        try {
            Totals known = totals.get();
            if (known != null && known.snapshot() == snapshot) {
                return known.counts();
            }
            // With the lists' own default filter (ended programs left out), so a count is what its list shows.
            Query listed = combine(new MatchAllDocsQuery(), new DiscoveryQuery("", Map.of(), "source", 1, 1), null);
            Map<String, Map<String, Long>> counts = ValueCounts.count(snapshot.searcher(), listed, TOTALS).counts();
            totals.set(new Totals(snapshot, counts));
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            snapshot.release();
        }
    }

    /** One page of ids in order, the total, and counts per dimension and value. */
    record Result(List<Long> ids, long total, Map<String, Map<String, Long>> counts, List<String> words) {
    }

    Result search(DiscoveryQuery q) {
        List<String> words = words(q.text());
        Query text = textQuery(q.text(), words);
        IndexSnapshot snapshot = index.acquire();
        IndexSearcher searcher = snapshot.searcher();
        try {
            Query main = combine(text, q, null);
            long hits = (long) q.page() * q.size();
            if (hits <= ResultCache.DEPTH && results.enabled()) {
                ResultCache.Entry entry = results.get(snapshot, q, () -> {
                    try {
                        FacetedPass.Outcome one = FacetedPass.run(searcher, text, q, sort(q.effectiveSort()),
                                ResultCache.DEPTH);
                        return new ResultCache.Entry(ids(searcher, one.top().scoreDocs, 0), one.total(), one.counts());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                int from = Math.min((q.page() - 1) * q.size(), entry.ids().size());
                return new Result(entry.ids().subList(from, Math.min(from + q.size(), entry.ids().size())),
                        entry.total(), entry.counts(), words);
            }
            if (hits <= PAGED_HITS) {
                FacetedPass.Outcome one = FacetedPass.run(searcher, text, q, sort(q.effectiveSort()), (int) hits);
                return new Result(ids(searcher, one.top().scoreDocs, (q.page() - 1) * q.size()), one.total(),
                        one.counts(), words);
            }
            // Every match (exports): count first, then one search sized by the total.
            List<String> unselected = ProgramDocuments.DIMENSIONS.stream().filter(d -> q.values(d).isEmpty()).toList();
            ValueCounts.Counted all = ValueCounts.count(searcher, main, unselected);
            long total = all.total();
            Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
            for (String dimension : ProgramDocuments.DIMENSIONS) {
                counts.put(dimension, unselected.contains(dimension) ? all.counts().get(dimension)
                        : ValueCounts.count(searcher, combine(text, q, dimension), List.of(dimension)).counts().get(dimension));
            }
            return new Result(ids(searcher, main, q, total), total, counts, words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            snapshot.release();
        }
    }

    /** The ids of the query's page, in its order. */
    private static List<Long> ids(IndexSearcher searcher, Query main, DiscoveryQuery q, long total) throws IOException {
        int from = (q.page() - 1) * q.size();
        if (total == 0 || from >= total) {
            return List.of();
        }
        TopDocs top = searcher.search(main, (int) Math.min((long) q.page() * q.size(), total), sort(q.effectiveSort()));
        return ids(searcher, top.scoreDocs, from);
    }

    /** The ids of {@code docs} from {@code from} on. */
    static List<Long> ids(IndexSearcher searcher, ScoreDoc[] docs, int from) throws IOException {
        List<Long> ids = new ArrayList<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (int i = from; i < docs.length; i++) {
            // The id's doc value, not the stored field: no stored-fields block to decompress per result.
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i].doc, leaves));
            NumericDocValues id = DocValues.getNumeric(leaf.reader(), ProgramDocuments.ID);
            if (!id.advanceExact(docs[i].doc - leaf.docBase)) {
                throw new IllegalStateException("A document without an id: " + docs[i].doc);
            }
            ids.add(id.longValue());
        }
        return ids;
    }

    /** Normalised words of the text (whitespace separated, at most {@value #MAX_WORDS}). */
    static List<String> words(String text) {
        String normalized = TextNormalizer.normalize(text).strip();
        if (normalized.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(normalized.split("\\s+")).distinct().limit(MAX_WORDS).toList();
    }

    private Query textQuery(String raw, List<String> words) {
        if (words.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        for (String word : words) {
            Query name = phrase(Analyzers.NAME_BI, word);
            Query body = phrase(Analyzers.BODY_BI, word);
            if (name == null) {
                continue;
            }
            any = true;
            all.add(new BooleanQuery.Builder().add(new BoostQuery(name, 4f), Occur.SHOULD).add(body, Occur.SHOULD)
                    .build(), Occur.MUST);
            for (Analyzers.Token token : Analyzers.tokens(index.analyzer(), Analyzers.NAME_JA, word)) {
                all.add(new BoostQuery(new TermQuery(new Term(Analyzers.NAME_JA, token.term())), 2f), Occur.SHOULD);
                all.add(new TermQuery(new Term(Analyzers.BODY_JA, token.term())), Occur.SHOULD);
            }
        }
        if (!any) {
            return new MatchAllDocsQuery();
        }
        all.add(new BoostQuery(new TermQuery(new Term(ProgramDocuments.NAME_EXACT, ProgramDocuments.exact(raw))), 50f), Occur.SHOULD);
        return all.build();
    }

    /** The word as consecutive bigrams (or a single token) in a field; null if the word has no token. */
    private Query phrase(String field, String word) {
        List<Analyzers.Token> tokens = Analyzers.tokens(index.analyzer(), field, word);
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0).term()));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        tokens.forEach(t -> phrase.add(new Term(field, t.term()), t.position()));
        return phrase.build();
    }

    /** Text and every dimension's filter, except {@code without} (for that dimension's counts). */
    private static Query combine(Query text, DiscoveryQuery q, String without) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
        for (String dimension : ProgramDocuments.DIMENSIONS) {
            Set<String> values = q.values(dimension);
            if (dimension.equals(without) || values.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
            values.forEach(v -> anyOf.add(new TermQuery(new Term(dimension, v)), Occur.SHOULD));
            query.add(anyOf.build(), Occur.FILTER);
        }
        return query.build();
    }

    private static Sort sort(String sort) {
        SortField byId = new SortField(ProgramDocuments.ID, SortField.Type.LONG);
        return switch (sort) {
            case "relevance" -> new Sort(SortField.FIELD_SCORE, new SortField(ProgramDocuments.SOURCE_ORDER, SortField.Type.LONG), byId);
            case "kana" -> new Sort(new SortField(ProgramDocuments.KANA, SortField.Type.STRING), byId);
            case "start" -> new Sort(new SortField(ProgramDocuments.START, SortField.Type.LONG, true), byId);
            case "reach" -> new Sort(new SortField(ProgramDocuments.REACH, SortField.Type.LONG, true), byId);
            case "deadline" -> new Sort(new SortField(ProgramDocuments.DEADLINE, SortField.Type.LONG),
                    new SortField(ProgramDocuments.SOURCE_ORDER, SortField.Type.LONG), byId);
            default -> new Sort(new SortField(ProgramDocuments.SOURCE_ORDER, SortField.Type.LONG), byId);
        };
    }
}
