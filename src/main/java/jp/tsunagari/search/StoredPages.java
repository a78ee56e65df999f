package jp.tsunagari.search;

import java.io.IOException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tsunagari.catalogue.IndexedPages;
import jp.tsunagari.catalogue.SearchSource;
import jp.tsunagari.eligibility.Audience;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link IndexedPages} from the documents' stored page ({@link ProgramDocuments#PAGE}) in the index as it is now. No
 * index open yet, or one that cannot be read: nothing, and the caller reads the database.
 */
@Component
class StoredPages implements IndexedPages {

    private static final Logger log = LoggerFactory.getLogger(StoredPages.class);
    private static final Set<String> FIELDS = Set.of(ProgramDocuments.ID, ProgramDocuments.PAGE_VERSION,
            ProgramDocuments.PAGE, ProgramDocuments.PAGE_AUDIENCES);

    private final ProgramIndex index;

    StoredPages(ProgramIndex index) {
        this.index = index;
    }

    @Override
    public Map<Long, SearchSource.Page> pages(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        IndexSnapshot snapshot = held();
        if (snapshot == null) {
            return Map.of();
        }
        try {
            List<BytesRef> keys = ids.stream().distinct().map(id -> new BytesRef(Long.toString(id))).toList();
            IndexSearcher searcher = snapshot.searcher();
            StoredFields stored = searcher.storedFields();
            Map<Long, SearchSource.Page> pages = new HashMap<>();
            for (ScoreDoc hit : searcher.search(new TermInSetQuery(ProgramDocuments.ID_KEY, keys), keys.size()).scoreDocs) {
                Document d = stored.document(hit.doc, FIELDS);
                IndexableField page = d.getField(ProgramDocuments.PAGE);
                if (page != null) {
                    pages.put(d.getField(ProgramDocuments.ID).numericValue().longValue(), new SearchSource.Page(
                            d.getField(ProgramDocuments.PAGE_VERSION).numericValue().longValue(), page.stringValue(),
                            audiences(d.get(ProgramDocuments.PAGE_AUDIENCES))));
                }
            }
            return pages;
        } catch (IOException | RuntimeException | InternalError e) { // InternalError: a truncated memory-mapped file
            log.warn("Stored pages could not be read from the index ({}); the database answers", e.toString());
            return Map.of();
        } finally {
            snapshot.release();
        }
    }

    private static Set<Audience> audiences(String codes) {
        Set<Audience> audiences = EnumSet.noneOf(Audience.class);
        if (codes != null && !codes.isEmpty()) {
            for (String code : codes.split(",")) {
                Audience.fromCode(code).ifPresent(audiences::add);
            }
        }
        return audiences;
    }

    /**
     * The current index held open, or null when none is open yet — or when the index closed under this read twice
     * without a newer one taking its place (closing, or a close that failed): the database answers then.
     */
    private IndexSnapshot held() {
        IndexSnapshot failed = null;
        while (true) {
            IndexSnapshot s = index.current();
            if (s == null || s == failed) {
                return null;
            }
            if (s.tryAcquire()) {
                return s;
            }
            failed = s;
        }
    }
}
