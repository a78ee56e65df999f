package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.tsunagari.place.LgCode;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Service;

/**
 * Published programs counted from the search index, for the office's overview: per prefecture and category, per
 * category and in all, for every program or for those one organization maintains ({@link ProgramDocuments#MAINTAINER});
 * and which municipalities organize a published program. A program counts in every prefecture of its {@code pref}
 * facet — its organizer's and its example groups' — as on the public list and map, so the prefectures' counts add
 * up to more than the programs. No SQL: one pass over the matching documents' facet values ({@link CoverageTally}),
 * and for the municipalities one look at the maintainer terms.
 */
@Service
public class Coverage {

    /**
     * The counts: {@code cells} prefecture code → category code → programs; {@code prefectures} prefecture code →
     * programs concerning it; {@code categories} category code → programs; {@code unplaced} category code →
     * programs with no prefecture; {@code total} programs. Missing keys count 0.
     */
    public record Counts(Map<String, Map<String, Long>> cells, Map<String, Long> prefectures,
                         Map<String, Long> categories, Map<String, Long> unplaced, long total) {

        public long cell(String prefecture, String category) {
            return cells.getOrDefault(prefecture, Map.of()).getOrDefault(category, 0L);
        }

        public long prefecture(String prefecture) {
            return prefectures.getOrDefault(prefecture, 0L);
        }

        public long category(String category) {
            return categories.getOrDefault(category, 0L);
        }

        public long withoutPrefecture(String category) {
            return unplaced.getOrDefault(category, 0L);
        }

        public long withoutPrefecture() {
            return unplaced.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The largest cell (0 when there is none): the top of a heat scale. */
        public long largestCell() {
            return cells.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).max()
                    .orElse(0);
        }
    }

    private final ProgramIndex index;

    Coverage(ProgramIndex index) {
        this.index = index;
    }

    /** The counts of every published program ({@code organization} null), or of those the organization maintains. */
    public Counts count(String organization) {
        Query query = organization == null ? new MatchAllDocsQuery()
                : new TermQuery(new Term(ProgramDocuments.MAINTAINER, organization));
        IndexSnapshot snapshot = index.acquire();
        try {
            CoverageTally tally = new CoverageTally();
            snapshot.searcher().search(query, tally);
            return tally.counts();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            snapshot.release();
        }
    }

    /**
     * The codes of the municipalities (and designated-city wards) that organize at least one published program: the
     * maintainer terms that are not a prefecture's code, each with a document not deleted.
     */
    public Set<String> organizingMunicipalities() {
        IndexSnapshot snapshot = index.acquire();
        try {
            Set<String> found = new TreeSet<>();
            for (LeafReaderContext leaf : snapshot.searcher().getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(ProgramDocuments.MAINTAINER);
                if (terms != null) {
                    addLive(terms.iterator(), leaf.reader().getLiveDocs(), found);
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            snapshot.release();
        }
    }

    private static void addLive(TermsEnum each, Bits live, Set<String> found) throws IOException {
        PostingsEnum postings = null;
        for (BytesRef term = each.next(); term != null; term = each.next()) {
            String code = term.utf8ToString();
            if (LgCode.prefectureOf(code) != null || found.contains(code)) {
                continue;
            }
            postings = each.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    found.add(code);
                    break;
                }
            }
        }
    }
}
