package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the search index lives on disk: numbered folders ({@code build-1}, {@code build-2}, …) under one root, the
 * newest one current. Every commit records the change marker it reached, the database it was read from and the
 * mapping version ({@link ProgramDocuments#MAPPING}), so the next start can open the newest folder and catch up from
 * the change log instead of reading the whole catalogue again. A root held by another running instance (its lock is
 * taken) is not shared: this instance then uses a temporary root, removed at shutdown.
 */
final class IndexFolders {

    private static final Logger log = LoggerFactory.getLogger(IndexFolders.class);

    static final String MARKER = "catalogue.marker";
    static final String DATABASE = "catalogue.database";
    static final String MAPPING = "catalogue.mapping";
    /** The day in Japan whose 受付状況 the documents hold (absent in an index made before it was recorded). */
    static final String DAY = "catalogue.day";
    private static final String PREFIX = "build-";

    /**
     * An index found on disk that can be caught up: its writer, folder, the marker it reached and the day its
     * documents were written for (null if not recorded).
     */
    record Stored(IndexWriter writer, Path folder, long marker, LocalDate day) {

        /**
         * A snapshot of this index (its facet tables warmed), or null when it cannot be read (then it is deleted). Every
         * file's checksum is verified first ({@link #verify}): a truncated or damaged file is found here, not by a search.
         */
        IndexSnapshot open(long started) {
            org.apache.lucene.index.DirectoryReader reader = null;
            try {
                verify(folder);
                reader = org.apache.lucene.index.DirectoryReader.open(writer.getDirectory());
                FacetTables.warm(reader);
                IndexSnapshot s = new IndexSnapshot(new org.apache.lucene.search.IndexSearcher(reader), marker,
                        java.time.Instant.now(), reader.numDocs(), java.time.Duration.ofNanos(System.nanoTime() - started));
                log.info("Search index opened: {} programs at change marker {} in {} ms ({})", reader.numDocs(), marker,
                        s.buildTime().toMillis(), folder);
                return s;
            } catch (java.io.IOException | RuntimeException e) {
                log.warn("The search index in {} cannot be read ({}); building a new one", folder, e.toString());
                IOUtils.closeWhileHandlingException(reader);
                close(writer);
                delete(folder);
                return null;
            }
        }
    }

    /** How a folder is opened as a Lucene directory: {@link FSDirectory#open} (tests wrap it to fail writes). */
    interface Directories {
        Directory open(Path folder) throws IOException;
    }

    /**
     * Reads every file of the folder's last commit once and checks its checksum footer (a file truncated or overwritten
     * fails). Plain reads, not the memory mapping, so the whole index is not made resident in the process at start-up;
     * 0.2–0.7 s for 190 MB in the page cache on 2 busy cores (reading through the mapping: 0.05–0.13 s).
     */
    static void verify(Path folder) throws IOException {
        try (Directory plain = new org.apache.lucene.store.NIOFSDirectory(folder)) {
            for (String name : org.apache.lucene.index.SegmentInfos.readLatestCommit(plain).files(true)) {
                try (org.apache.lucene.store.IndexInput in = plain.openInput(name, org.apache.lucene.store.IOContext.READONCE)) {
                    org.apache.lucene.codecs.CodecUtil.checksumEntireFile(in);
                }
            }
        }
    }

    private final Path root;
    private final boolean temporary;
    private final Directories directories;
    private long issued;
    private final Directory lockDirectory;
    private final Lock lock;

    private IndexFolders(Path root, boolean temporary, Directory lockDirectory, Lock lock, Directories directories) {
        this.root = root;
        this.directories = directories;
        this.temporary = temporary;
        this.lockDirectory = lockDirectory;
        this.lock = lock;
    }

    /** The folders under {@code configured}, or a new temporary root when none is configured or it is in use. */
    static IndexFolders open(String configured) {
        return open(configured, FSDirectory::open);
    }

    static IndexFolders open(String configured, Directories directories) {
        try {
            if (!configured.isBlank()) {
                Path root = Files.createDirectories(Path.of(configured));
                Directory directory = FSDirectory.open(root);
                try {
                    return new IndexFolders(root, false, directory, directory.obtainLock("root.lock"), directories);
                } catch (IOException e) {
                    directory.close();
                    log.warn("The search index folder {} is in use by another instance ({}); using a temporary one",
                            root, e.toString());
                }
            }
            return new IndexFolders(Files.createTempDirectory("tsunagari-index-"), true, null, null, directories);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean temporary() {
        return temporary;
    }

    /** A new, empty folder for a full build (numbered after every folder there is; the root made again if removed). */
    synchronized Path next() {
        if (!Files.isDirectory(root)) {
            try {
                Files.createDirectories(root);
                log.warn("The search index folder {} was missing and has been made again", root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // Never a number given before, even when the folders were removed: the current index's folder is removed by name
        // once the new one takes over.
        issued = Math.max(issued, folders().stream().mapToLong(IndexFolders::number).max().orElse(0)) + 1;
        return root.resolve(PREFIX + issued);
    }

    /** The folder opened as a Lucene directory (made if missing). */
    Directory directory(Path folder) throws IOException {
        Files.createDirectories(folder);
        return directories.open(folder);
    }

    /**
     * The newest folder's index, if its last commit was made from {@code database} with today's mapping and at a
     * marker not beyond {@code current}; every other folder (older builds, an unusable index) is removed.
     */
    Optional<Stored> newest(Analyzer analyzer, String database, long current) {
        if (temporary) {
            return Optional.empty();
        }
        List<Path> folders = folders();
        Optional<Stored> stored = Optional.empty();
        if (!folders.isEmpty()) {
            Path newest = folders.get(folders.size() - 1);
            stored = usable(directories, newest, analyzer, database, current);
            folders = stored.isPresent() ? folders.subList(0, folders.size() - 1) : folders;
        }
        folders.forEach(IndexFolders::delete);
        return stored;
    }

    private static Optional<Stored> usable(Directories directories, Path folder, Analyzer analyzer, String database,
                                           long current) {
        IndexWriter writer = null;
        try {
            writer = new IndexWriter(directories.open(folder), new IndexWriterConfig(analyzer).setOpenMode(OpenMode.APPEND));
            Map<String, String> data = new HashMap<>();
            Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
            if (live != null) {
                live.forEach(e -> data.put(e.getKey(), e.getValue()));
            }
            String why = !Integer.toString(ProgramDocuments.MAPPING).equals(data.get(MAPPING)) ? "an older mapping"
                    : !database.equals(data.get(DATABASE)) ? "another database"
                    : data.get(MARKER) == null || Long.parseLong(data.get(MARKER)) > current ? "a marker ahead of the database"
                    : null;
            if (why == null) {
                String day = data.get(DAY);
                return Optional.of(new Stored(writer, folder, Long.parseLong(data.get(MARKER)),
                        day == null ? null : LocalDate.parse(day)));
            }
            log.info("The search index in {} is not used: it was built from {}; building a new one", folder, why);
        } catch (IOException | RuntimeException e) {
            log.warn("The search index in {} cannot be opened ({}); building a new one", folder, e.toString());
        }
        close(writer);
        return Optional.empty();
    }

    /** Commits what the writer holds, recording where it was read from and the day it holds (if known). */
    static void commit(IndexWriter writer, long marker, String database, LocalDate day) throws IOException {
        Map<String, String> data = new HashMap<>(Map.of(MARKER, Long.toString(marker), DATABASE, database,
                MAPPING, Integer.toString(ProgramDocuments.MAPPING)));
        if (day != null) {
            data.put(DAY, day.toString());
        }
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    /** At shutdown: a temporary root goes entirely; a kept root keeps its current folder for the next start. */
    void close() {
        IOUtils.closeWhileHandlingException(lock, lockDirectory);
        if (temporary) {
            delete(root);
        }
    }

    private List<Path> folders() {
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(p -> Files.isDirectory(p) && number(p) > 0)
                    .sorted(Comparator.comparingLong(IndexFolders::number)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long number(Path folder) {
        String name = folder.getFileName().toString();
        return name.startsWith(PREFIX) && name.substring(PREFIX.length()).matches("\\d{1,9}")
                ? Long.parseLong(name.substring(PREFIX.length())) : 0;
    }

    static void delete(Path path) {
        try {
            IOUtils.rm(path);
        } catch (IOException | RuntimeException e) {
            log.warn("Removing the old search index folder {} failed: {}", path, e.toString());
        }
    }

    /**
     * A full build that failed or was {@code stopped} (the application stopping): what its writer wrote is thrown away
     * (rolled back, not committed) and its folder removed.
     */
    static void abandon(IndexWriter writer, Path folder, boolean stopped, long startedNanos) {
        try {
            writer.rollback();
            writer.getDirectory().close();
        } catch (IOException | RuntimeException e) {
            log.warn("Abandoning an index writer failed: {}", e.toString());
        }
        delete(folder);
        if (stopped) {
            log.info("Search index build stopped after {} ms: the application is stopping",
                    (System.nanoTime() - startedNanos) / 1_000_000);
        }
    }

    /** A writer let go of without a commit (what it holds beyond its last commit is thrown away), its directory closed. */
    static void discard(IndexWriter writer) {
        if (writer != null) {
            try {
                writer.rollback();
            } catch (IOException | RuntimeException e) {
                log.debug("Rolling back an index writer failed: {}", e.toString());
            }
            IOUtils.closeWhileHandlingException(writer.getDirectory());
        }
    }

    static void close(IndexWriter writer) {
        if (writer != null) {
            try {
                writer.close();
                writer.getDirectory().close();
            } catch (IOException | RuntimeException e) {
                log.warn("Closing an index writer failed: {}", e.toString());
            }
        }
    }
}
