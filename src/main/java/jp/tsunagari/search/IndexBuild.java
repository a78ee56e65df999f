package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import jp.tsunagari.catalogue.SearchSources;
import jp.tsunagari.eligibility.Areas;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;

/** A full build of the index into a new folder, committed: its writer, folder and snapshot. */
record IndexBuild(IndexWriter writer, Path folder, IndexSnapshot snapshot) {

    /**
     * Reads every published program into a new folder (the root made again if it was removed) and commits at marker
     * {@code from}. On any failure (a full disk, the database, {@code stop}) nothing is left: the writer rolled back,
     * the folder removed.
     */
    static IndexBuild into(IndexFolders folders, Analyzer analyzer, SearchSources sources, Areas areas, LocalDate today,
                           long from, String database, BooleanSupplier stop, long started) {
        Path into = folders.next();
        IndexWriter built;
        try {
            built = IndexWriting.newWriter(folders.directory(into), analyzer);
        } catch (IOException | RuntimeException e) {
            IndexFolders.delete(into);
            throw unchecked(e);
        }
        try {
            int documents = IndexWriting.addAll(built, sources, areas, today, stop);
            IndexFolders.commit(built, from, database, today);
            IndexSnapshot next = new IndexSnapshot(new IndexSearcher(DirectoryReader.open(built.getDirectory())), from,
                    Instant.now(), documents, Duration.ofNanos(System.nanoTime() - started));
            return new IndexBuild(built, into, next);
        } catch (IOException | RuntimeException e) {
            IndexFolders.abandon(built, into, e instanceof IndexWriting.Stopped, started);
            throw unchecked(e);
        }
    }

    private static RuntimeException unchecked(Exception e) {
        return e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
}
