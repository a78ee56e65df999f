package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.springframework.stereotype.Service;

/**
 * Searches the index: every word of the text must match (as a run of bigrams, in the name or anywhere else), the
 * name weighs more, an exact name most; the selected facet values filter; every facet value is counted together
 * with the other dimensions' selections (so a count is what clicking the value would give).
 */
@Service
public class ProgramSearch {

    static final int MAX_WORDS = 10;

    private final ProgramIndex index;

    ProgramSearch(ProgramIndex index) {
        this.index = index;
    }

    /** One page of ids in order, the total, and counts per dimension and value. */
    record Result(List<Long> ids, long total, Map<String, Map<String, Long>> counts, List<String> words) {
    }

    Result search(DiscoveryQuery q) {
        IndexSearcher searcher = index.snapshot().searcher();
        List<String> words = words(q.text());
        Query text = textQuery(q.text(), words);
        try {
            Query main = combine(text, q, null);
            long total = searcher.count(main);
            int end = q.page() * q.size();
            List<Long> ids = new ArrayList<>();
            if (total > 0 && (long) (q.page() - 1) * q.size() < total) {
                TopDocs top = searcher.search(main, Math.min(end, (int) total), sort(q.effectiveSort()));
                ScoreDoc[] docs = top.scoreDocs;
                for (int i = (q.page() - 1) * q.size(); i < docs.length; i++) {
                    ids.add(searcher.storedFields().document(docs[i].doc).getField(ProgramIndex.ID).numericValue().longValue());
                }
            }
            Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
            for (String dimension : ProgramIndex.DIMENSIONS) {
                Query forCounts = q.values(dimension).isEmpty() ? main : combine(text, q, dimension);
                counts.put(dimension, count(searcher, forCounts, dimension));
            }
            return new Result(ids, total, counts, words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        all.add(new BoostQuery(new TermQuery(new Term(ProgramIndex.NAME_EXACT, ProgramIndex.exact(raw))), 50f), Occur.SHOULD);
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
        for (String dimension : ProgramIndex.DIMENSIONS) {
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
        SortField byId = new SortField(ProgramIndex.ID, SortField.Type.LONG);
        return switch (sort) {
            case "relevance" -> new Sort(SortField.FIELD_SCORE, new SortField(ProgramIndex.SOURCE_ORDER, SortField.Type.LONG), byId);
            case "kana" -> new Sort(new SortField(ProgramIndex.KANA, SortField.Type.STRING), byId);
            case "start" -> new Sort(new SortField(ProgramIndex.START, SortField.Type.LONG, true), byId);
            case "reach" -> new Sort(new SortField(ProgramIndex.REACH, SortField.Type.LONG, true), byId);
            default -> new Sort(new SortField(ProgramIndex.SOURCE_ORDER, SortField.Type.LONG), byId);
        };
    }

    /** How many matching documents carry each value of the dimension (ordinals counted per segment). */
    private static Map<String, Long> count(IndexSearcher searcher, Query query, String dimension) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        searcher.search(query, new SimpleCollector() {
            private SortedSetDocValues values;
            private long[] perOrdinal;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                flush();
                values = DocValues.getSortedSet(context.reader(), dimension);
                perOrdinal = new long[(int) values.getValueCount()];
            }

            @Override
            public void collect(int doc) throws IOException {
                if (values.advanceExact(doc)) {
                    for (int i = 0; i < values.docValueCount(); i++) {
                        perOrdinal[(int) values.nextOrd()]++;
                    }
                }
            }

            @Override
            public void finish() throws IOException {
                flush();
            }

            private void flush() throws IOException {
                if (perOrdinal != null) {
                    for (int ord = 0; ord < perOrdinal.length; ord++) {
                        if (perOrdinal[ord] > 0) {
                            counts.merge(values.lookupOrd(ord).utf8ToString(), perOrdinal[ord], Long::sum);
                        }
                    }
                    perOrdinal = null;
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return counts;
    }
}
