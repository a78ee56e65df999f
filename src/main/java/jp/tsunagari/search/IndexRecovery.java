package jp.tsunagari.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index's troubles and their cure (issue 30): the database is the source of truth and the index a cache,
 * so a failure to write or read the index never reaches a save's request and never needs a restart. A failure makes
 * the index <em>degraded</em>: the last good snapshot goes on answering searches (unless it cannot be read any more,
 * {@link Trouble#unreadable}), the failure is logged once with its cause, and {@link ProgramIndex} rebuilds the whole
 * index from the database into a new folder when {@link #due}: 2 s after the failure, then after twice as long each
 * time up to {@code catalogue.search.retry-ms} (30 s). Nothing is retried once the application is stopping.
 *
 * <p>It also watches the files of the current commit (names and lengths, {@link #watch}): a file removed (the folder
 * deleted while running: the memory-mapped files still answer, the next commit would fail) or changed in length
 * (truncated: reading the lost part of a memory-mapped file raises {@code InternalError}, and the rest of its last page
 * reads as zeros) is found within one refresh period, before a search or a save runs into it.
 */
final class IndexRecovery {

    private static final Logger log = LoggerFactory.getLogger(IndexRecovery.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);

    /**
     * What is wrong since when: the last error (its class, no path), the failed attempts so far, and whether the
     * current snapshot may no longer be read (damaged files: searches are then refused until the rebuild).
     */
    record Trouble(Instant since, String error, int attempts, boolean unreadable) {
    }

    /** What the watch found: the files as committed, some removed (still readable), or some changed (damaged). */
    enum Found {
        INTACT, REMOVED, CHANGED
    }

    private final Duration maxDelay;
    private volatile Trouble trouble;
    private volatile boolean databaseDown;
    private long nextTry;
    private Path watchedFolder;
    private Map<String, Long> watched = Map.of();

    IndexRecovery(Duration maxDelay) {
        this.maxDelay = maxDelay.isNegative() || maxDelay.isZero() ? FIRST_RETRY : maxDelay;
    }

    Trouble trouble() {
        return trouble;
    }

    /** Records a failure ({@code what}: "update", "rebuild", …); logged at ERROR the first time, WARN when it changes. */
    synchronized void failed(String what, Throwable e, boolean unreadable) {
        Trouble before = trouble;
        String error = describe(e);
        int attempts = before == null ? 1 : before.attempts() + 1;
        long delay = Math.min(maxDelay.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempts - 1, 20));
        nextTry = System.nanoTime() + delay * 1_000_000;
        trouble = new Trouble(before == null ? Instant.now() : before.since(), error, attempts,
                unreadable || (before != null && before.unreadable()));
        if (before == null) {
            log.error("Search index {} failed: {}; {}; a rebuild from the database is tried in {} ms", what, e,
                    unreadable ? "searches are refused until then (no index, or damaged files)"
                            : "searches answer from the last good index meanwhile", delay);
        } else if (!error.equals(before.error()) || unreadable && !before.unreadable()) {
            log.warn("Search index {} failed again (attempt {}, degraded since {}): {}; next try in {} ms", what,
                    attempts, before.since(), e, delay);
        } else {
            log.debug("Search index {} failed again (attempt {}): {}", what, attempts, e.toString());
        }
    }

    /**
     * Reading the database failed, not the index (the database restarting): nothing to rebuild, the writer stays and the
     * next refresh catches up as usual. Logged once until the database answers again.
     */
    void databaseFailed(String what, Throwable e) {
        if (!databaseDown) {
            databaseDown = true;
            log.warn("Search index {} waits for the database: {}; tried again every refresh period", what, e.toString());
        } else {
            log.debug("Search index {}: the database still fails: {}", what, e.toString());
        }
    }

    void databaseAnswers() {
        if (databaseDown) {
            databaseDown = false;
            log.info("Search index: the database answers again");
        }
    }

    /** Whether a failure came from reading the database rather than from the index. */
    static boolean fromDatabase(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof org.springframework.dao.DataAccessException || c instanceof java.sql.SQLException
                    || c instanceof org.springframework.transaction.TransactionException
                    || c instanceof jakarta.persistence.PersistenceException) {
                return true;
            }
        }
        return false;
    }

    /** Whether a trouble is there and its next try is due. */
    synchronized boolean due() {
        return trouble != null && System.nanoTime() - nextTry >= 0;
    }

    /** The rebuild worked: the trouble is over. */
    synchronized void recovered(IndexSnapshot now) {
        Trouble before = trouble;
        if (before != null) {
            log.info("Search index recovered: rebuilt from the database ({} programs, change marker {}) after {} attempt(s),"
                    + " {} s after the first failure", now.documents(), now.marker(), before.attempts(),
                    Duration.between(before.since(), Instant.now()).toSeconds());
        }
        trouble = null;
    }

    /** Remembers the files of the snapshot's commit in {@code folder} and their lengths. */
    synchronized void watch(Path folder, IndexSnapshot snapshot) {
        Map<String, Long> files = new HashMap<>();
        try {
            DirectoryReader reader = (DirectoryReader) snapshot.searcher().getIndexReader();
            for (String name : reader.getIndexCommit().getFileNames()) {
                files.put(name, Files.size(folder.resolve(name)));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("The files of the search index in {} are not watched: {}", folder, e.toString());
            files.clear();
        }
        watchedFolder = folder;
        watched = Map.copyOf(files);
    }

    /**
     * Compares the watched files with the disk. A new finding is recorded as a failure: files removed (the snapshot
     * still reads: memory-mapped files outlive their names) or changed in length (the snapshot is no longer read).
     */
    synchronized boolean checkFiles() {
        Found found = check();
        Trouble t = trouble;
        if (found == Found.INTACT || t != null && (found == Found.REMOVED || t.unreadable())) {
            return false;
        }
        boolean changed = found == Found.CHANGED;
        failed("files check", new IOException(changed ? "index files changed their length (truncated or overwritten)"
                : "index files removed"), changed);
        return true;
    }

    /** Changed wins over removed. */
    private Found check() {
        Found found = Found.INTACT;
        for (Map.Entry<String, Long> file : watched.entrySet()) {
            try {
                if (Files.size(watchedFolder.resolve(file.getKey())) != file.getValue()) {
                    return Found.CHANGED;
                }
            } catch (NoSuchFileException e) {
                found = Found.REMOVED;
            } catch (IOException e) {
                return Found.CHANGED;
            }
        }
        return found;
    }

    /** The failure's class and its root cause's class: nothing that names a path (health details show it). */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ")";
    }
}
