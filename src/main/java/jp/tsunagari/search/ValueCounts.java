package jp.tsunagari.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Counts of facet values over a query's matches (the whole index's totals, and exports; pages use {@link FacetedPass}). */
final class ValueCounts {

    private ValueCounts() {
    }

    /** The number of matching documents, and per dimension how many of them carry each value. */
    record Counted(long total, Map<String, Map<String, Long>> counts) {
    }

    /** Counts the matches and the values of {@code dimensions} in one pass (ordinals counted per segment). */
    static Counted count(IndexSearcher searcher, Query query, List<String> dimensions) throws IOException {
        int n = dimensions.size();
        List<Map<String, Long>> counts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            counts.add(new HashMap<>());
        }
        long[] total = {0};
        searcher.search(query, new SimpleCollector() {
            private final SortedSetDocValues[] values = new SortedSetDocValues[n];
            private final long[][] perOrdinal = new long[n][];

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                flush();
                for (int i = 0; i < n; i++) {
                    values[i] = DocValues.getSortedSet(context.reader(), dimensions.get(i));
                    perOrdinal[i] = new long[(int) values[i].getValueCount()];
                }
            }

            @Override
            public void collect(int doc) throws IOException {
                total[0]++;
                for (int i = 0; i < n; i++) {
                    SortedSetDocValues v = values[i];
                    if (v.advanceExact(doc)) {
                        long[] per = perOrdinal[i];
                        for (int k = v.docValueCount(); k > 0; k--) {
                            per[(int) v.nextOrd()]++;
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
                    long[] per = perOrdinal[i];
                    if (per == null) {
                        continue;
                    }
                    for (int ord = 0; ord < per.length; ord++) {
                        if (per[ord] > 0) {
                            counts.get(i).merge(values[i].lookupOrd(ord).utf8ToString(), per[ord], Long::sum);
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
        Map<String, Map<String, Long>> byDimension = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byDimension.put(dimensions.get(i), counts.get(i));
        }
        return new Counted(total[0], byDimension);
    }
}
