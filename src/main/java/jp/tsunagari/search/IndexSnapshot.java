package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.apache.lucene.search.IndexSearcher;

/** The search index as built from one value of the change marker; searches hold it open ({@link ProgramIndex#acquire}). */
record IndexSnapshot(IndexSearcher searcher, long marker, Instant builtAt, int documents, Duration buildTime) {

    /** Holds the index open; false when it was closed already (a newer snapshot replaced it). */
    boolean tryAcquire() {
        return searcher.getIndexReader().tryIncRef();
    }

    /** Lets go of the index; the last release of a replaced snapshot closes it. */
    void release() {
        try {
            searcher.getIndexReader().decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
