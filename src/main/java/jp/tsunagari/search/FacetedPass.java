package jp.tsunagari.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * One evaluation of the text query gives a search page everything: the total, the first {@code hits} documents in
 * the page's order, and every facet count, each selected dimension counted without its own selection (so a value's
 * count is what choosing it would give). A document matching the text and every selection counts everywhere and
 * competes for the page; one failing exactly one dimension's selection counts only in that dimension; the others
 * count nowhere. Before, the text query ran once for the counts, once per selected dimension and once for the page.
 */
final class FacetedPass {

    private FacetedPass() {
    }

    record Outcome(long total, Map<String, Map<String, Long>> counts, TopDocs top) {
    }

    static Outcome run(IndexSearcher searcher, Query text, DiscoveryQuery q, Sort sort, int hits) throws IOException {
        List<String> dimensions = ProgramDocuments.DIMENSIONS;
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        dimensions.forEach(d -> counts.put(d, new LinkedHashMap<>()));
        TopFieldCollector top = new TopFieldCollectorManager(sort, Math.max(1, hits), null, Integer.MAX_VALUE)
                .newCollector();
        long[] total = {0};
        searcher.search(text, new Collector() {
            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                FacetTables.Table table = FacetTables.of(context);
                return table != null ? new TableLeaf(table, q, counts, top.getLeafCollector(context), total)
                        : new Leaf(context, q, counts, top.getLeafCollector(context), total);
            }

            @Override
            public ScoreMode scoreMode() {
                return top.scoreMode();
            }
        });
        return new Outcome(total[0], counts, top.topDocs());
    }

    /** One segment with a {@link FacetTables} table: each dimension's values are a mask read from an array. */
    private static final class TableLeaf implements LeafCollector {

        private final FacetTables.Table table;
        /** Per dimension: whether it has a selection, and the mask of the selected values in this segment. */
        private final boolean[] filtered;
        private final long[] chosen;
        private final long[][] perValue;
        private final Map<String, Map<String, Long>> counts;
        private final LeafCollector page;
        private final long[] total;

        TableLeaf(FacetTables.Table table, DiscoveryQuery q, Map<String, Map<String, Long>> counts, LeafCollector page,
                  long[] total) {
            List<String> dimensions = ProgramDocuments.DIMENSIONS;
            this.table = table;
            this.filtered = new boolean[dimensions.size()];
            this.chosen = new long[dimensions.size()];
            this.perValue = new long[dimensions.size()][];
            this.counts = counts;
            this.page = page;
            this.total = total;
            for (int d = 0; d < dimensions.size(); d++) {
                String[] values = table.values()[d];
                perValue[d] = new long[values.length];
                Set<String> selected = q.values(dimensions.get(d));
                filtered[d] = !selected.isEmpty();
                for (int i = 0; i < values.length; i++) {
                    chosen[d] |= selected.contains(values[i]) ? 1L << i : 0;
                }
            }
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            page.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
            long[][] masks = table.masks();
            int failing = -1;
            for (int d = 0; d < chosen.length; d++) {
                if (filtered[d] && (masks[d][doc] & chosen[d]) == 0) {
                    if (failing >= 0) {
                        return;
                    }
                    failing = d;
                }
            }
            if (failing >= 0) {
                count(failing, masks[failing][doc]);
                return;
            }
            total[0]++;
            for (int d = 0; d < chosen.length; d++) {
                count(d, masks[d][doc]);
            }
            page.collect(doc);
        }

        private void count(int d, long mask) {
            for (long m = mask; m != 0; m &= m - 1) {
                perValue[d][Long.numberOfTrailingZeros(m)]++;
            }
        }

        @Override
        public void finish() {
            for (int d = 0; d < perValue.length; d++) {
                Map<String, Long> byValue = counts.get(ProgramDocuments.DIMENSIONS.get(d));
                for (int i = 0; i < perValue[d].length; i++) {
                    if (perValue[d][i] > 0) {
                        byValue.merge(table.values()[d][i], perValue[d][i], Long::sum);
                    }
                }
            }
        }
    }

    /** One segment without a table: each dimension's values decoded from doc values once per matching document. */
    private static final class Leaf implements LeafCollector {

        private final List<String> dimensions = ProgramDocuments.DIMENSIONS;
        private final SortedSetDocValues[] values;
        private final long[][] perOrdinal;
        /** Per dimension the ordinals selected in this segment (null: no selection in that dimension). */
        private final boolean[][] selected;
        private final int[][] ords;
        private final int[] sizes;
        private final Map<String, Map<String, Long>> counts;
        private final LeafCollector page;
        private final long[] total;

        Leaf(LeafReaderContext context, DiscoveryQuery q, Map<String, Map<String, Long>> counts, LeafCollector page,
             long[] total) throws IOException {
            int n = dimensions.size();
            this.values = new SortedSetDocValues[n];
            this.perOrdinal = new long[n][];
            this.selected = new boolean[n][];
            this.ords = new int[n][];
            this.sizes = new int[n];
            this.counts = counts;
            this.page = page;
            this.total = total;
            for (int d = 0; d < n; d++) {
                values[d] = DocValues.getSortedSet(context.reader(), dimensions.get(d));
                int valueCount = (int) values[d].getValueCount();
                perOrdinal[d] = new long[valueCount];
                ords[d] = new int[Math.max(1, valueCount)];
                Set<String> chosen = q.values(dimensions.get(d));
                if (!chosen.isEmpty()) {
                    selected[d] = new boolean[valueCount];
                    for (String value : chosen) {
                        long ord = values[d].lookupTerm(new BytesRef(value));
                        if (ord >= 0) {
                            selected[d][(int) ord] = true;
                        }
                    }
                }
            }
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            page.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
            int failing = -1;
            for (int d = 0; d < values.length; d++) {
                sizes[d] = 0;
                if (values[d].advanceExact(doc)) {
                    for (int k = values[d].docValueCount(); k > 0; k--) {
                        ords[d][sizes[d]++] = (int) values[d].nextOrd();
                    }
                }
                if (selected[d] != null && !anySelected(d)) {
                    if (failing >= 0) {
                        return;
                    }
                    failing = d;
                }
            }
            if (failing >= 0) {
                countValues(failing);
                return;
            }
            total[0]++;
            for (int d = 0; d < values.length; d++) {
                countValues(d);
            }
            page.collect(doc);
        }

        private boolean anySelected(int d) {
            for (int i = 0; i < sizes[d]; i++) {
                if (selected[d][ords[d][i]]) {
                    return true;
                }
            }
            return false;
        }

        private void countValues(int d) {
            for (int i = 0; i < sizes[d]; i++) {
                perOrdinal[d][ords[d][i]]++;
            }
        }

        @Override
        public void finish() throws IOException {
            for (int d = 0; d < values.length; d++) {
                Map<String, Long> byValue = counts.get(dimensions.get(d));
                for (int ord = 0; ord < perOrdinal[d].length; ord++) {
                    if (perOrdinal[d][ord] > 0) {
                        byValue.merge(values[d].lookupOrd(ord).utf8ToString(), perOrdinal[d][ord], Long::sum);
                    }
                }
            }
        }
    }
}
