package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Facet values per document in plain arrays, one table per index segment: for each dimension, the segment's values
 * and per document a bit mask of the ones it carries. Counting a search's matches then reads an array entry per
 * dimension instead of decoding doc values (JFR: decoding was most of a search's time at 100,000 programs). A table
 * is made once per segment, when the index switches to a new snapshot ({@link #warm}), and dropped with its segment;
 * an update of a few programs adds a small segment, so only that one is read. A segment with more than 64 values in
 * a dimension gets no table (the search then decodes doc values).
 */
final class FacetTables {

    /** Values of each dimension in this segment, and per dimension and document the mask of its values. */
    record Table(String[][] values, long[][] masks) {
    }

    private static final Table NONE = new Table(new String[0][], new long[0][]);
    private static final Map<Object, Table> TABLES = new ConcurrentHashMap<>();
    /** Off only in tests, to compare with decoding doc values. */
    static volatile boolean enabled = true;

    private FacetTables() {
    }

    /** Makes the tables of every segment of the reader not made yet. */
    static void warm(IndexReader reader) {
        reader.leaves().forEach(FacetTables::of);
    }

    /** The segment's table, or null when it cannot have one. */
    static Table of(LeafReaderContext context) {
        LeafReader reader = context.reader();
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null || !enabled) {
            return null;
        }
        Table table = TABLES.computeIfAbsent(helper.getKey(), key -> {
            helper.addClosedListener(TABLES::remove);
            return read(reader);
        });
        return table == NONE ? null : table;
    }

    private static Table read(LeafReader reader) {
        List<String> dimensions = ProgramDocuments.DIMENSIONS;
        String[][] values = new String[dimensions.size()][];
        long[][] masks = new long[dimensions.size()][];
        try {
            for (int d = 0; d < dimensions.size(); d++) {
                Terms terms = reader.terms(dimensions.get(d));
                masks[d] = new long[reader.maxDoc()];
                if (terms == null) {
                    values[d] = new String[0];
                    continue;
                }
                if (terms.size() < 0 || terms.size() > 64) {
                    return NONE;
                }
                values[d] = new String[(int) terms.size()];
                TermsEnum each = terms.iterator();
                PostingsEnum postings = null;
                int i = 0;
                for (BytesRef term = each.next(); term != null; term = each.next(), i++) {
                    if (i >= values[d].length) {
                        return NONE;
                    }
                    values[d][i] = term.utf8ToString();
                    postings = each.postings(postings, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        masks[d][doc] |= 1L << i;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Table(values, masks);
    }
}
