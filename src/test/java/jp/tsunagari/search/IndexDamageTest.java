package jp.tsunagari.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.SearchSources;
import jp.tsunagari.eligibility.EligibilityChecker;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.ChangeMarker;
import org.apache.lucene.util.IOUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Issue 30: damaged or lost index files, on an index of its own in a temporary folder (the app's stays as it is). A
 * segment file truncated or overwritten while stopped is found at open (checksums) and the index rebuilt with the same
 * results; a folder removed while running keeps serving, and the next change is written by a rebuild into a new folder.
 */
@SpringBootTest(properties = {"catalogue.search.refresh-ms=600000",
        "spring.datasource.url=jdbc:h2:mem:index-damage;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class IndexDamageTest {

    @Autowired
    SearchSources sources;
    @Autowired
    ChangeMarker marker;
    @Autowired
    Places places;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    EligibilityChecker checker;
    @Autowired
    ProgramEditor editor;

    @TempDir
    Path root;

    ProgramIndex index;

    @AfterEach
    void stop() {
        if (index != null) {
            index.close();
        }
    }

    ProgramIndex start() {
        index = new ProgramIndex(sources, marker, places, events, checker, Clock.systemUTC(),
                IndexFolders.open(root.toString()), Duration.ofMillis(200));
        new IndexUpkeep(index).onStart();
        return index;
    }

    static long total(ProgramIndex index, String text) {
        return new ProgramSearch(index).search(new DiscoveryQuery(text, Map.of(), "relevance", 1, 50)).total();
    }

    static List<Long> find(ProgramIndex index, String text) {
        return new ProgramSearch(index).search(new DiscoveryQuery(text, Map.of(), "relevance", 1, 50)).ids();
    }

    /** The newest build folder under {@code root}. */
    static Path newest(Path root) throws IOException {
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(p -> p.getFileName().toString().startsWith("build-"))
                    .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(6))))
                    .orElseThrow();
        }
    }

    static Path largestFile(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> !p.getFileName().toString().startsWith("segments")).max(Comparator.comparingLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            })).orElseThrow();
        }
    }

    @Test
    void aSegmentFileTruncatedOrOverwrittenWhileStoppedIsFoundAtOpenAndTheIndexRebuilt() throws IOException {
        start();
        long all = total(index, "");
        long some = total(index, "子育て");
        index.close();
        Path damaged = newest(root);
        try (FileChannel file = FileChannel.open(largestFile(damaged), StandardOpenOption.WRITE)) {
            file.truncate(file.size() / 2);
        }
        start();
        assertThat(index.builds()).as("the damaged index is not opened but built again").isEqualTo(1);
        assertThat(total(index, "")).isEqualTo(all);
        assertThat(total(index, "子育て")).isEqualTo(some);
        assertThat(index.recovery().trouble()).isNull();

        // The same length, other bytes (a bad sector, a stray write): only the checksums tell.
        index.close();
        damaged = newest(root);
        try (RandomAccessFile file = new RandomAccessFile(largestFile(damaged).toFile(), "rw")) {
            file.seek(file.length() / 2);
            int b = file.read();
            file.seek(file.length() / 2);
            file.write(b ^ 0x5a);
        }
        start();
        assertThat(index.builds()).isEqualTo(1);
        assertThat(total(index, "")).isEqualTo(all);
        assertThat(total(index, "子育て")).isEqualTo(some);
    }

    @Test
    void aFolderRemovedWhileRunningKeepsServingAndTheNextChangeIsWrittenIntoANewFolder() throws Exception {
        start();
        IndexUpkeep upkeep = new IndexUpkeep(index);
        long all = total(index, "");
        Path first = newest(root);
        IOUtils.rm(root); // the whole index folder, root included

        ProgramEditor.Editable e = editor.editable(6).orElseThrow();
        editor.save(6, e.version(), e.content().renamed("削除後保存試験"), true, "test");
        upkeep.onLocalChange(new ChangeMarker.CatalogueChanged(marker.current())); // the update's commit fails: no throw
        assertThat(index.recovery().trouble()).as("degraded").isNotNull();
        assertThat(index.recovery().trouble().unreadable()).isFalse();
        assertThat(total(index, "")).as("the memory-mapped snapshot still answers").isEqualTo(all);
        assertThat(find(index, "削除後保存試験")).isEmpty();

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (index.recovery().trouble() != null && System.nanoTime() < deadline) {
            upkeep.refreshIfChanged();
            Thread.sleep(50);
        }
        assertThat(index.recovery().trouble()).as("recovered").isNull();
        assertThat(find(index, "削除後保存試験")).containsExactly(6L);
        assertThat(total(index, "")).isEqualTo(all);
        assertThat(newest(root)).as("a new folder in the root made again").isNotEqualTo(first).exists();

        // Deleted again with no change to write: the files check finds it and rebuilds before any save fails.
        IOUtils.rm(newest(root));
        upkeep.refreshIfChanged();
        assertThat(index.recovery().trouble()).isNotNull();
        assertThat(index.recovery().trouble().unreadable()).as("removed files still read").isFalse();
        deadline = System.nanoTime() + 30_000_000_000L;
        while (index.recovery().trouble() != null && System.nanoTime() < deadline) {
            upkeep.refreshIfChanged();
            Thread.sleep(50);
        }
        assertThat(index.recovery().trouble()).isNull();
        assertThat(find(index, "削除後保存試験")).containsExactly(6L);
    }

    @Test
    void withTheDiskFullFromTheStartTheInstanceStartsOutOfServiceAndBuildsWhenSpaceReturns() throws Exception {
        FullDisk disk = new FullDisk();
        disk.full.set(true);
        index = new ProgramIndex(sources, marker, places, events, checker, Clock.systemUTC(),
                IndexFolders.open(root.toString(), disk), Duration.ofMillis(200));
        IndexUpkeep upkeep = new IndexUpkeep(index);
        upkeep.onStart(); // no throw: the start goes on without an index
        IndexHealth health = new IndexHealth(index);
        assertThat(health.health().getStatus().getCode()).isEqualTo("OUT_OF_SERVICE");
        assertThat(health.health().getDetails()).containsEntry("state", "unavailable");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> find(index, "子育て"))
                .isInstanceOf(IndexUnavailable.class);
        long folders = 1;
        for (long until = System.nanoTime() + 10_000_000_000L; folders > 0 && System.nanoTime() < until; Thread.sleep(50)) {
            try (Stream<Path> left = Files.list(root)) { // the early open's own try may still be writing
                folders = left.filter(Files::isDirectory).count();
            }
        }
        assertThat(folders).as("a failed build leaves no folder").isZero();

        disk.full.set(false);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (index.recovery().trouble() != null && System.nanoTime() < deadline) {
            upkeep.refreshIfChanged();
            Thread.sleep(50);
        }
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(total(index, "")).isEqualTo(sources.published().size());
    }
}
