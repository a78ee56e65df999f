package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import jp.tsunagari.catalogue.SearchSource;
import jp.tsunagari.catalogue.SearchSources;
import jp.tsunagari.eligibility.Areas;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;

/** Programs into a Lucene index: the whole catalogue on several threads, or one program at a time. */
final class IndexWriting {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IndexWriting.class);

    private static final int ANALYSERS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final int IN_FLIGHT = 256;

    private IndexWriting() {
    }

    /** A writer on a new index in {@code into} (a folder left by an earlier run is overwritten, never appended to). */
    static IndexWriter newWriter(Path into, Analyzer analyzer) {
        try {
            return new IndexWriter(FSDirectory.open(into), new IndexWriterConfig(analyzer).setOpenMode(OpenMode.CREATE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A writer on a new index in {@code directory} (whatever is there is overwritten). */
    static IndexWriter newWriter(org.apache.lucene.store.Directory directory, Analyzer analyzer) throws IOException {
        return new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(OpenMode.CREATE));
    }

    /**
     * Adds every published program; returns how many. Reading (this thread) and analysing (a pool's threads; the
     * writer takes documents from several threads) overlap; at most {@code IN_FLIGHT} programs wait in memory.
     */
    static int addAll(IndexWriter writer, SearchSources sources, Areas areas, LocalDate today) {
        return addAll(writer, sources, areas, today, () -> false);
    }

    /** The build was asked to stop (the application is stopping): what it wrote is to be thrown away. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("the search index build was stopped: the application is stopping", null, false, false);
        }
    }

    /**
     * Runs a refresh of the index from a background thread or after a commit, where the application stopping meanwhile
     * is no failure: {@link Stopped} ends it quietly (the next start catches up).
     */
    static void unlessStopped(Runnable refresh) {
        try {
            refresh.run();
        } catch (Stopped stopped) {
            log.info("Search index not brought up to date: the application is stopping");
        }
    }

    /**
     * As {@link #addAll(IndexWriter, SearchSources, Areas, LocalDate)}, looking at {@code stop} before each program:
     * when it says so, waits for the programs being analysed (at most {@code IN_FLIGHT}) and throws {@link Stopped}.
     */
    static int addAll(IndexWriter writer, SearchSources sources, Areas areas, LocalDate today,
                      java.util.function.BooleanSupplier stop) {
        ExecutorService analysers = Executors.newFixedThreadPool(ANALYSERS);
        Semaphore room = new Semaphore(IN_FLIGHT);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        int[] documents = {0};
        try {
            sources.eachPublished(source -> {
                if (stop.getAsBoolean()) {
                    throw new Stopped();
                }
                room.acquireUninterruptibly();
                documents[0]++;
                analysers.execute(() -> {
                    try {
                        add(writer, source, areas, today);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        room.release();
                    }
                });
            });
            analysers.shutdown();
            room.acquireUninterruptibly(IN_FLIGHT);
        } catch (Stopped stopped) {
            analysers.shutdown();
            room.acquireUninterruptibly(IN_FLIGHT);
            throw stopped;
        } finally {
            analysers.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return documents[0];
    }

    static void add(IndexWriter writer, SearchSource source, Areas areas, LocalDate today) {
        try {
            writer.addDocument(ProgramDocuments.of(source, areas, today));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the documents of the programs (removing those no longer published), written for {@code today}. Looks at
     * {@code stop} before each program: when it says so (the application is stopping), what was written since the last
     * commit is rolled back, which closes the writer, and {@link Stopped} is thrown: the index stays at its last commit,
     * never half caught up, and the next start catches up from there.
     */
    static void replace(IndexWriter writer, Set<Long> ids, SearchSources sources, Areas areas, LocalDate today,
                        java.util.function.BooleanSupplier stop) throws IOException {
        int[] done = {0};
        try {
            for (Long id : ids) {
                writer.deleteDocuments(new Term(ProgramDocuments.ID_KEY, Long.toString(id)));
            }
            sources.eachPublished(List.copyOf(ids), source -> {
                if (stop.getAsBoolean()) {
                    throw new Stopped();
                }
                add(writer, source, areas, today);
                done[0]++;
            });
        } catch (Stopped stopped) {
            writer.rollback();
            log.info("Search index catch-up stopped after {} of {} changed programs: the application is stopping (the"
                    + " index stays at its last commit)", done[0], ids.size());
            throw stopped;
        }
    }

    /** A reader of the index's last commit, opened from {@code previous} (the same one, referenced again, if unchanged). */
    static DirectoryReader reopen(DirectoryReader previous) throws IOException {
        DirectoryReader reader = DirectoryReader.openIfChanged(previous);
        if (reader == null) {
            previous.incRef();
            return previous;
        }
        return reader;
    }

    /** Builds an index of {@code published} in memory in one go, as of today (measurements, equivalence tests). */
    static IndexSnapshot build(List<SearchSource> published, Analyzer analyzer, Areas areas, long from,
                                       long started) {
        LocalDate today = LocalDate.now(jp.tsunagari.system.JapanTime.ZONE);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (SearchSource source : published) {
                writer.addDocument(ProgramDocuments.of(source, areas, today));
            }
            writer.commit();
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            return new IndexSnapshot(searcher, from, Instant.now(), published.size(),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
