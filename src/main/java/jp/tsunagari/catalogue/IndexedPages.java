package jp.tsunagari.catalogue;

import java.util.Collection;
import java.util.Map;

/**
 * The content of published programs as the search index keeps it ({@link SearchSource#page}), so that a program page
 * and the checker's results read one stored document instead of a dozen tables. Implemented by the search module.
 * The index may be behind the database for a moment after a change (another instance's save, a catch-up under way)
 * or missing (a lost index being rebuilt): callers compare the version and read the database when it differs.
 */
public interface IndexedPages {

    /** The pages the index holds for those of {@code ids} it has (published programs only); the others are absent. */
    Map<Long, SearchSource.Page> pages(Collection<Long> ids);
}
