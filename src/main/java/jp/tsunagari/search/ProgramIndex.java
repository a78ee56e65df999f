package jp.tsunagari.search;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import jp.tsunagari.catalogue.SearchSources;
import jp.tsunagari.eligibility.Areas;
import jp.tsunagari.eligibility.EligibilityChecker;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.ChangeMarker;
import jp.tsunagari.system.ViewsOutdated;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of published programs, one per app instance, in files outside the Java heap (memory-mapped;
 * {@code catalogue.search.index-dir}, by default {@code search-index} in the data folder; empty: a temporary folder
 * removed at shutdown). At start-up the index kept from the last run is opened and caught up from the change log
 * ({@link IndexFolders}); it is built from the whole database only when there is none, it was made from another
 * database or with another mapping, or the log has a gap. It follows the database's change marker: at once after a change committed by this instance, and within
 * {@code catalogue.search.refresh-ms} (default 2 s) after a change committed by another instance. A change to some
 * programs updates only their documents (the marker's log says which); a wider change (category or place names) or
 * a gap in the log rebuilds the whole index, while searches go on on the previous one. 受付状況 depends on the day
 * ({@link IndexDay}): the scheduled refresh writes a new day in the background; readiness and saves wait only for the
 * marker. At shutdown a full build stops at its next program ({@link #close}). When to refresh is {@link IndexUpkeep}'s;
 * a failure to write or read the index never fails a save or stops the instance ({@link IndexRecovery}).
 */
@Component
class ProgramIndex {

    private static final Logger log = LoggerFactory.getLogger(ProgramIndex.class);
    private final SearchSources sources;
    private final ChangeMarker marker;
    private final Places places;
    private final ApplicationEventPublisher events;
    private final Areas areas;
    private final Analyzer analyzer = Analyzers.perField();
    private final IndexFolders folders;
    private volatile IndexSnapshot snapshot;
    /** The writer of the current index (guarded by this): incremental updates go through it. */
    private IndexWriter writer;
    private Path folder;
    /** Full builds by this instance (an index opened from disk and caught up is not one). */
    private int builds;
    private String database;
    private volatile boolean closed, stopping; // stopping: set at shutdown before the lock is taken (close)
    private final IndexDay day;
    private final IndexRecovery recovery;

    @Autowired
    ProgramIndex(SearchSources sources, ChangeMarker marker, Places places, ApplicationEventPublisher events, EligibilityChecker areas,
                 Clock clock, @Value("${catalogue.search.index-dir:}") String indexDir,
                 @Value("${catalogue.search.retry-ms:30000}") long retryMs) {
        this(sources, marker, places, events, areas, clock, IndexFolders.open(indexDir), Duration.ofMillis(retryMs));
    }

    /** With the folders given (tests: {@link IndexFolders.Directories} that fail writes) and the longest wait between retries. */
    ProgramIndex(SearchSources sources, ChangeMarker marker, Places places, ApplicationEventPublisher events, EligibilityChecker areas,
                 Clock clock, IndexFolders folders, Duration retry) {
        this.sources = sources;
        this.recovery = new IndexRecovery(retry);
        this.day = new IndexDay(clock);
        this.areas = areas;
        this.marker = marker;
        this.places = places;
        this.events = events;
        this.folders = folders;
        // While the rest starts: the index opened (or built) and caught up, then Kuromoji's dictionaries loaded (1 s).
        Thread opening = new Thread(this::openEarly, "search-index-open");
        opening.setDaemon(true);
        opening.start();
    }

    private void openEarly() {
        try {
            refresh(false);
        } catch (RuntimeException e) { // tried again at readiness (IndexUpkeep.onStart), then by the recovery
            log.debug("The search index was not opened early: {}", e.toString());
        }
        Analyzers.tokens(analyzer, Analyzers.BODY_JA, "地域とのつながり");
    }
    /** For measurements with a prepared snapshot only. */
    ProgramIndex() {
        this.sources = null;
        this.marker = null;
        this.places = null;
        this.events = null;
        this.areas = null;
        this.folders = null;
        this.day = null;
        this.recovery = new IndexRecovery(Duration.ZERO);
    }

    /** A build or catch-up under way (it holds the lock) stops at its next program: at close, before the scheduler stops. */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void onContextClosed() { stopping = true; }
    @PreDestroy
    void close() {
        stopping = true;
        closeIndex();
    }

    private synchronized void closeIndex() {
        if (closed) {
            return;
        }
        closed = true;
        IndexFolders.discard(writer); // every update is committed already; what a failed write left in it is not
        writer = null;
        if (snapshot != null) {
            snapshot.release();
            snapshot = null;
        }
        if (folders != null) {
            folders.close();
        }
    }

    /** How many times this instance read the whole catalogue into a new index. */
    synchronized int builds() {
        return builds;
    }

    /** The current index, held open until {@link IndexSnapshot#release} (the previous one closes after its last search). */
    IndexSnapshot acquire() {
        IndexSnapshot s;
        do {
            s = snapshot();
        } while (!s.tryAcquire());
        return s;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** The index as it is now, without building one (null before the first build, or while its files are damaged). */
    IndexSnapshot current() {
        IndexRecovery.Trouble t = recovery.trouble();
        return t != null && t.unreadable() ? null : snapshot;
    }

    /** The index to search; refused ({@link IndexUnavailable}) while there is none or it is damaged, until rebuilt. */
    IndexSnapshot snapshot() {
        IndexSnapshot s = snapshot;
        IndexRecovery.Trouble t = recovery.trouble();
        if (t != null && (s == null || t.unreadable())) {
            throw new IndexUnavailable();
        }
        return s != null ? s : refresh(false);
    }

    IndexRecovery recovery() {
        return recovery;
    }

    boolean hasSnapshot() {
        return snapshot != null;
    }

    boolean stopping() {
        return stopping || closed;
    }

    /** Whether the index is behind the change marker or holds another day than today. */
    boolean behind() {
        IndexSnapshot s = snapshot;
        return s != null && (marker.current() != s.marker() || !day.holds(day.today()));
    }

    /** Under the lock (no commit under way): whether files of the current commit were removed or changed (then recorded). */
    synchronized boolean filesChanged() {
        return snapshot != null && recovery.checkFiles();
    }

    /**
     * Brings the index up to the marker: nothing to do if it is there already (a change may have been applied by
     * another caller while this one waited), only the changed programs if the log names them, else everything; and,
     * {@code withNewDay}, to today (the programs with dates written again if the index holds another day).
     */
    synchronized IndexSnapshot refresh(boolean withNewDay) {
        if (closed || stopping) {
            throw new IndexWriting.Stopped(); // the index is closed or closing: the app is stopping
        }
        long to = marker.current();
        LocalDate today = day.today();
        IndexSnapshot s = snapshot != null ? snapshot : openStored(to);
        if (s != null && s.marker() == to && (day.holds(today) || !withNewDay)) {
            return s;
        }
        Optional<Set<Long>> changed = s == null || writer == null ? Optional.empty() : marker.changesSince(s.marker(), to);
        changed = withNewDay ? day.toUpdate(changed, today, sources) : changed;
        if (changed.isEmpty()) {
            return rebuild();
        }
        return update(changed.get(), to, today, withNewDay ? today : day.held());
    }

    /** The index kept from the last run, if it can be caught up; it becomes the current one. */
    private IndexSnapshot openStored(long current) {
        long started = System.nanoTime();
        Optional<IndexFolders.Stored> stored = folders.newest(analyzer, database(), current);
        if (stored.isEmpty()) {
            return null;
        }
        snapshot = stored.get().open(started);
        if (snapshot != null) {
            writer = stored.get().writer();
            folder = stored.get().folder();
            day.set(stored.get().day());
            recovery.watch(folder, snapshot);
        }
        return snapshot;
    }

    private String database() {
        return database != null ? database : (database = marker.databaseId());
    }

    /** Reads every published program again into a new index. */
    synchronized IndexSnapshot rebuild() {
        long started = System.nanoTime();
        LocalDate today = day.today();
        long from = marker.current();
        places.refresh();
        builds++;
        IndexBuild built = IndexBuild.into(folders, analyzer, sources, areas, today, from, database(), () -> stopping, started);
        day.set(today);
        switchTo(built.snapshot(), built.writer(), built.folder());
        log.info("Search index built: {} programs in {} ms (change marker {})", built.snapshot().documents(),
                built.snapshot().buildTime().toMillis(), from);
        return built.snapshot();
    }

    /** Makes a newly built index the current one; the previous one closes after its last search, its writer rolled back. */
    private void switchTo(IndexSnapshot next, IndexWriter built, Path into) {
        IndexWriter previousWriter = writer;
        Path previousFolder = folder;
        IndexSnapshot previous = snapshot;
        writer = built;
        folder = into;
        swap(next);
        IndexFolders.discard(previousWriter);
        if (previous != null) {
            previous.release();
        }
        if (previousFolder != null) {
            IndexFolders.delete(previousFolder);
        }
    }

    /**
     * Replaces the documents of the changed programs (removing those no longer published), written for
     * {@code today}; {@code held}, the day the index as a whole then holds, goes into the commit and {@link IndexDay}.
     */
    private IndexSnapshot update(Set<Long> ids, long to, LocalDate today, LocalDate held) {
        long started = System.nanoTime();
        try {
            IndexWriting.replace(writer, ids, sources, areas, today, () -> stopping);
            IndexFolders.commit(writer, to, database(), held);
            IndexSnapshot previous = snapshot;
            DirectoryReader reader = IndexWriting.reopen((DirectoryReader) previous.searcher().getIndexReader());
            IndexSearcher searcher = new IndexSearcher(reader);
            IndexSnapshot next = new IndexSnapshot(searcher, to, Instant.now(), reader.numDocs(),
                    Duration.ofNanos(System.nanoTime() - started));
            day.set(held);
            swap(next);
            previous.release();
            log.info("Search index updated: {} changed programs in {} ms (change marker {}, {} programs)", ids.size(),
                    next.buildTime().toMillis(), to, next.documents());
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void swap(IndexSnapshot next) {
        FacetTables.warm(next.searcher().getIndexReader());
        snapshot = next;
        recovery.watch(folder, next);
        if (events != null) {
            events.publishEvent(new ViewsOutdated("search index at change marker " + next.marker()));
        }
    }
}
