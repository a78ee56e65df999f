package jp.tsunagari.search;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts the matching documents per category and prefecture for {@link Coverage}: per segment a small array
 * [category][prefecture, or none], filled from the {@link FacetTables} masks (an array read per document) or, for a
 * segment without a table, from the doc values; the arrays are added up by value at the end of each segment.
 */
final class CoverageTally implements Collector {

    private static final int CATEGORY = ProgramDocuments.DIMENSIONS.indexOf("category");
    private static final int PREF = ProgramDocuments.DIMENSIONS.indexOf("pref");

    private final Map<String, Map<String, Long>> cells = new TreeMap<>();
    private final Map<String, Long> prefectures = new TreeMap<>();
    private final Map<String, Long> categories = new TreeMap<>();
    private final Map<String, Long> withoutPrefecture = new TreeMap<>();
    private long total;

    Coverage.Counts counts() {
        return new Coverage.Counts(cells, prefectures, categories, withoutPrefecture, total);
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        FacetTables.Table table = FacetTables.of(context);
        if (table != null) {
            return new TableLeaf(table);
        }
        SortedSetDocValues category = DocValues.getSortedSet(context.reader(), "category");
        SortedSetDocValues pref = DocValues.getSortedSet(context.reader(), "pref");
        return new ValuesLeaf(category, pref, names(category), names(pref));
    }

    private static String[] names(SortedSetDocValues values) throws IOException {
        String[] names = new String[(int) values.getValueCount()];
        for (int i = 0; i < names.length; i++) {
            names[i] = values.lookupOrd(i).utf8ToString();
        }
        return names;
    }

    /**
     * Adds a segment's counts: n[category][prefecture], its last column the documents without a prefecture, and the
     * documents per category.
     */
    private void add(long[][] n, long[] perCategory, String[] categoryNames, String[] prefNames) {
        for (int c = 0; c < n.length; c++) {
            String category = categoryNames[c];
            if (perCategory[c] > 0) {
                categories.merge(category, perCategory[c], Long::sum);
                total += perCategory[c];
            }
            for (int p = 0; p < prefNames.length; p++) {
                if (n[c][p] > 0) {
                    cells.computeIfAbsent(prefNames[p], k -> new TreeMap<>()).merge(category, n[c][p], Long::sum);
                    prefectures.merge(prefNames[p], n[c][p], Long::sum);
                }
            }
            if (n[c][prefNames.length] > 0) {
                withoutPrefecture.merge(category, n[c][prefNames.length], Long::sum);
            }
        }
    }

    /** A segment with a table: the category and prefecture masks of each document. */
    private final class TableLeaf implements LeafCollector {
        private final long[] categoryMasks;
        private final long[] prefMasks;
        private final String[] categoryNames;
        private final String[] prefNames;
        private final long[][] n;
        private final long[] perCategory;

        TableLeaf(FacetTables.Table table) {
            this.categoryMasks = table.masks()[CATEGORY];
            this.prefMasks = table.masks()[PREF];
            this.categoryNames = table.values()[CATEGORY];
            this.prefNames = table.values()[PREF];
            this.n = new long[categoryNames.length][prefNames.length + 1];
            this.perCategory = new long[categoryNames.length];
        }

        @Override
        public void setScorer(Scorable scorer) {
        }

        @Override
        public void collect(int doc) {
            long categoryMask = categoryMasks[doc];
            if (categoryMask == 0) {
                return;
            }
            int c = Long.numberOfTrailingZeros(categoryMask);
            perCategory[c]++;
            long prefs = prefMasks[doc];
            if (prefs == 0) {
                n[c][prefNames.length]++;
            }
            for (long m = prefs; m != 0; m &= m - 1) {
                n[c][Long.numberOfTrailingZeros(m)]++;
            }
        }

        @Override
        public void finish() {
            add(n, perCategory, categoryNames, prefNames);
        }
    }

    /** A segment without a table: the values decoded from the doc values, document by document. */
    private final class ValuesLeaf implements LeafCollector {
        private final SortedSetDocValues category;
        private final SortedSetDocValues pref;
        private final String[] categoryNames;
        private final String[] prefNames;
        private final long[][] n;
        private final long[] perCategory;

        ValuesLeaf(SortedSetDocValues category, SortedSetDocValues pref, String[] categoryNames, String[] prefNames) {
            this.category = category;
            this.pref = pref;
            this.categoryNames = categoryNames;
            this.prefNames = prefNames;
            this.n = new long[categoryNames.length][prefNames.length + 1];
            this.perCategory = new long[categoryNames.length];
        }

        @Override
        public void setScorer(Scorable scorer) {
        }

        @Override
        public void collect(int doc) throws IOException {
            if (!category.advanceExact(doc)) {
                return;
            }
            int c = (int) category.nextOrd();
            perCategory[c]++;
            if (!pref.advanceExact(doc)) {
                n[c][prefNames.length]++;
                return;
            }
            for (int k = pref.docValueCount(); k > 0; k--) {
                n[c][(int) pref.nextOrd()]++;
            }
        }

        @Override
        public void finish() {
            add(n, perCategory, categoryNames, prefNames);
        }
    }
}
