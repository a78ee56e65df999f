package jp.tsunagari.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tsunagari.catalogue.SearchSources;
import jp.tsunagari.eligibility.EligibilityChecker;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A full build told to stop (the application stopping, issue 30) stops at its next program instead of reading the
 * whole catalogue, and what it wrote is thrown away: no commit, no folder left. A catch-up told to stop stops at its
 * next program too and leaves the index at its last commit (not half caught up: its deletions are rolled back).
 */
@SpringBootTest
class IndexBuildStopTest {

    @Autowired
    SearchSources sources;
    @Autowired
    EligibilityChecker areas;

    @Test
    void aBuildToldToStopStopsAtTheNextProgramAndLeavesNothing(@TempDir Path root) throws Exception {
        Path folder = root.resolve("index-1");
        IndexWriter writer = IndexWriting.newWriter(folder, Analyzers.perField());
        AtomicInteger asked = new AtomicInteger();
        assertThatThrownBy(() -> IndexWriting.addAll(writer, sources, areas, LocalDate.now(),
                () -> asked.incrementAndGet() > 3)).isInstanceOf(IndexWriting.Stopped.class);
        assertThat(asked.get()).as("asked before each program, stopped at the fourth").isEqualTo(4);
        IndexFolders.abandon(writer, folder, true, System.nanoTime());
        assertThat(Files.exists(folder)).isFalse();

        Path whole = root.resolve("index-2");
        try (IndexWriter complete = IndexWriting.newWriter(whole, Analyzers.perField())) {
            int documents = IndexWriting.addAll(complete, sources, areas, LocalDate.now(), () -> false);
            complete.commit();
            try (DirectoryReader reader = DirectoryReader.open(complete.getDirectory())) {
                assertThat(reader.numDocs()).isEqualTo(documents).isGreaterThan(3);
            }
        }
    }

    @Test
    void aCatchUpToldToStopLeavesTheIndexAtItsLastCommit(@TempDir Path root) throws Exception {
        Path folder = root.resolve("index-1");
        IndexWriter writer = IndexWriting.newWriter(folder, Analyzers.perField());
        int documents = IndexWriting.addAll(writer, sources, areas, LocalDate.now(), () -> false);
        IndexFolders.commit(writer, 5, "db", LocalDate.now());
        java.util.Set<Long> ids = java.util.Set.of(1L, 2L, 3L, 4L, 5L, 6L);
        AtomicInteger asked = new AtomicInteger();
        assertThatThrownBy(() -> IndexWriting.replace(writer, ids, sources, areas, LocalDate.now(),
                () -> asked.incrementAndGet() > 2)).isInstanceOf(IndexWriting.Stopped.class);
        assertThat(asked.get()).as("asked before each program, stopped at the third").isEqualTo(3);
        assertThat(writer.isOpen()).as("rolled back, closed").isFalse();
        IndexFolders.close(writer);
        try (var directory = org.apache.lucene.store.FSDirectory.open(folder);
             DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThat(reader.numDocs()).as("every program still there").isEqualTo(documents);
            assertThat(reader.getIndexCommit().getUserData()).containsEntry(IndexFolders.MARKER, "5");
        }
    }
}
