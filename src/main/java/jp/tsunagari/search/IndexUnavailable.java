package jp.tsunagari.search;

/**
 * The search index cannot answer: there is none (it could not be built or opened) or its files are damaged, and a
 * rebuild from the database is under way. Searches fail with a clear page ({@link IndexErrors}), never with results
 * from a damaged index.
 */
class IndexUnavailable extends RuntimeException {

    IndexUnavailable() {
        super("the search index is being rebuilt", null, false, false);
    }
}
