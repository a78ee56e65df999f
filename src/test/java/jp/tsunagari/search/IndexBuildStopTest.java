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
 * whole catalogue, and what it wrote is thrown away: no commit, no folder left.
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
}
