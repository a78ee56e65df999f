package jp.tsunagari.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The documents of a frequent term in one segment as a bit set, read from its postings once and kept while the
 * segment lives (segments never change; deletions are left to the callers, as with postings). The checker's formulas
 * ({@link Formula}) read the same frequent terms — an age band, 「本人」, a school type — for every person and every
 * window of every request: decoding their long postings lists again each time was most of a checker request at
 * 100,000 programs (docs/performance.md, issue 27). Rare terms stay postings, which skip to the window cheaply.
 * Bounded by weight ({@value #MAX_BYTES} bytes: about 1,300 terms at 100,000 programs); entries of a closed segment
 * are dropped.
 */
final class DenseTerms {

    /** A term is dense when it is on at least one document in {@value}: its bit set is then at most that many times its postings. */
    static final int DENSITY = 64;
    static final long MAX_BYTES = 16L << 20;

    private static final Cache<Key, FixedBitSet> BITS = Caffeine.newBuilder().maximumWeight(MAX_BYTES)
            .weigher((Key k, FixedBitSet b) -> 64 + b.getBits().length * Long.BYTES).build();
    private static final Set<Object> WATCHED = ConcurrentHashMap.newKeySet();

    private record Key(Object core, String field, String term) {
    }

    private DenseTerms() {
    }

    /** Whether the term the enum is positioned on is worth a bit set in this segment. */
    static boolean dense(LeafReader reader, TermsEnum e) throws IOException {
        return reader.getCoreCacheHelper() != null && (long) e.docFreq() * DENSITY >= reader.maxDoc();
    }

    /** The bit set of the term the enum is positioned on (see {@link #dense}). */
    static FixedBitSet of(LeafReader reader, String field, String term, TermsEnum e) {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        Object core = helper.getKey();
        if (WATCHED.add(core)) {
            helper.addClosedListener(closed -> {
                WATCHED.remove(closed);
                BITS.asMap().keySet().removeIf(k -> k.core() == closed);
            });
        }
        return BITS.get(new Key(core, field, term), k -> read(reader.maxDoc(), e));
    }

    private static FixedBitSet read(int maxDoc, TermsEnum e) {
        FixedBitSet bits = new FixedBitSet(maxDoc);
        try {
            PostingsEnum p = e.postings(null, PostingsEnum.NONE);
            for (int doc = p.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = p.nextDoc()) {
                bits.set(doc);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bits;
    }

    /** ORs the bits of {@code from} for the window from {@code start} (a multiple of 64) into {@code window}. */
    static void orWindow(FixedBitSet from, int start, FixedBitSet window) {
        long[] src = from.getBits();
        long[] dst = window.getBits();
        int offset = start >>> 6;
        int words = Math.min(dst.length, src.length - offset);
        for (int i = 0; i < words; i++) {
            dst[i] |= src[offset + i];
        }
    }
}
