package jp.tsunagari.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.SearchSources;
import jp.tsunagari.eligibility.EligibilityChecker;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.ChangeMarker;
import jp.tsunagari.system.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The index kept on disk across a restart: the app's index is closed (the stop), the catalogue changes while it is
 * down, and a new index on the same folder (the start) opens it and catches up from the change log, with no full
 * build. A log with a gap, or another database, means a full build.
 */
@SpringBootTest(properties = {"catalogue.search.refresh-ms=600000",
        "spring.datasource.url=jdbc:h2:mem:index-restart;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class IndexRestartTest {

    static final Path FOLDER;

    static {
        try {
            FOLDER = Files.createTempDirectory("index-restart-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) {
        registry.add("catalogue.search.index-dir", FOLDER::toString);
    }

    @Autowired
    ProgramIndex appIndex;

    @Autowired
    ProgramEditor editor;

    @Autowired
    JdbcTemplate jdbc;

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

    ProgramIndex restarted;

    @AfterEach
    void stop() {
        if (restarted != null) {
            restarted.close();
        }
    }

    ProgramIndex start() {
        return start(java.time.Clock.systemUTC());
    }

    ProgramIndex start(java.time.Clock clock) {
        restarted = new ProgramIndex(sources, marker, places, events, checker, clock, IndexFolders.open(FOLDER.toString()),
                java.time.Duration.ofSeconds(30));
        new IndexUpkeep(restarted).onStart();
        return restarted;
    }

    static List<Long> find(ProgramIndex index, String text) {
        return new ProgramSearch(index).search(new DiscoveryQuery(text, Map.of(), "relevance", 1, 50)).ids();
    }

    static List<Long> accepting(ProgramIndex index, String code) {
        return new ProgramSearch(index).search(new DiscoveryQuery("", Map.of("accepting", java.util.Set.of(code)),
                "relevance", 1, 50)).ids();
    }

    @Test
    void aRestartOpensTheKeptIndexAndCatchesUpWithChangesMadeWhileItWasDown() {
        appIndex.close(); // built at the context's start; closing commits nothing more

        // While it is down, the catalogue changes (this test's editor stands in for another instance).
        ProgramEditor.Editable e = editor.editable(7).orElseThrow();
        editor.save(7, e.version(), e.content().renamed("停止中改名試験"), true, "test");

        ProgramIndex index = start();
        assertThat(index.builds()).as("caught up, not built again").isZero();
        assertThat(find(index, "停止中改名試験")).containsExactly(7L);
        assertThat(index.snapshot().marker()).isEqualTo(marker.current());
        assertThat(index.snapshot().documents()).isEqualTo(sources.published().size());

        // A gap in the log (steps pruned, or a change concerning every program): the whole catalogue is read again.
        index.close();
        e = editor.editable(7).orElseThrow();
        editor.save(7, e.version(), e.content().renamed("ログ欠落試験"), true, "test");
        jdbc.update("delete from catalogue_change where counter = ?", marker.current());
        index = start();
        assertThat(index.builds()).isEqualTo(1);
        assertThat(find(index, "ログ欠落試験")).containsExactly(7L);

        // An index read from another database (a new or restored one) is not caught up but built anew.
        index.close();
        jdbc.update("update change_marker set database_id = 'another-database' where id = 1");
        index = start();
        assertThat(index.builds()).isEqualTo(1);
        assertThat(find(index, "ログ欠落試験")).containsExactly(7L);

        // And that new index is kept: the next start opens it.
        index.close();
        index = start();
        assertThat(index.builds()).isZero();
        assertThat(find(index, "ログ欠落試験")).containsExactly(7L);
        try (var folders = Files.list(FOLDER)) {
            assertThat(folders.filter(Files::isDirectory).count()).as("older builds are removed").isEqualTo(1);
        } catch (IOException io) {
            throw new IllegalStateException(io);
        }
    }

    @Test
    void theIndexRemembersItsDayAndARestartOnALaterDayIsReadyBeforeTheDayIsRewritten() {
        appIndex.close();
        ProgramEditor.Editable e = editor.editable(7).orElseThrow();
        editor.save(7, e.version(), e.content().renamed("日付記録試験"), true, "test");
        jdbc.update("insert into program_application_period (program_id, position, starts_on, ends_on, yearly) "
                + "values (7, 0, date '2026-11-01', date '2026-12-15', false)");
        try {
            TestClock clock = new TestClock(java.time.Instant.parse("2026-12-10T01:00:00Z"));
            ProgramIndex index = start(clock); // a later day than the app's index was written for
            assertThat(accepting(index, "now")).containsExactly(7L);
            new IndexUpkeep(index).refreshIfChanged(); // the new day's rewrite, as scheduled

            // The same day: the index opened from disk holds it already; nothing is written again.
            index.close();
            index = start(clock);
            IndexSnapshot opened = index.snapshot();
            assertThat(index.refresh(true)).as("no new day to write").isSameAs(opened);
            assertThat(index.builds()).isZero();

            // A later day: ready at once on the kept index (the day before's 受付状況); the scheduled refresh then
            // writes the dated programs for the new day.
            index.close();
            clock.set(java.time.Instant.parse("2026-12-20T01:00:00Z"));
            index = start(clock);
            assertThat(index.snapshot()).as("readiness did not wait for the new day").isNotNull();
            assertThat(accepting(index, "now")).containsExactly(7L);
            new IndexUpkeep(index).refreshIfChanged();
            assertThat(accepting(index, "now")).isEmpty();
            assertThat(accepting(index, "closed")).containsExactly(7L);
            assertThat(index.builds()).as("a few dated programs are updated, not the whole index built").isZero();
        } finally {
            jdbc.update("delete from program_application_period where program_id = 7");
        }
    }
}
