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
        OrdinalCounter counter = new OrdinalCounter(dimensions);
        searcher.search(query, counter);
        Map<String, Map<String, Long>> byDimension = new LinkedHashMap<>();
        for (int i = 0; i < dimensions.size(); i++) {
            byDimension.put(dimensions.get(i), counter.counts.get(i));
        }
        return new Counted(counter.total, byDimension);
    }

    /** Counts per ordinal within a segment, turned into counts per value when the segment ends. */
    private static final class OrdinalCounter extends SimpleCollector {

        private final List<String> dimensions;
        private final int n;
        private final List<Map<String, Long>> counts = new ArrayList<>();
        private final SortedSetDocValues[] values;
        private final long[][] perOrdinal;
        private long total;

        OrdinalCounter(List<String> dimensions) {
            this.dimensions = dimensions;
            this.n = dimensions.size();
            this.values = new SortedSetDocValues[n];
            this.perOrdinal = new long[n][];
            for (int i = 0; i < n; i++) {
                counts.add(new HashMap<>());
            }
        }

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
            total++;
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
    }
}
