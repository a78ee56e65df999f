package jp.tsunagari.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.SearchSources;
import jp.tsunagari.eligibility.EligibilityChecker;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.ChangeMarker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30: the index is a cache. The app's index here writes through {@link FullDisk}; the refresh is driven by hand
 * (no timer), the recovery's waits are short. A full disk during the update after a save: the save returns normally,
 * searches answer from the last snapshot, health is DEGRADED with details; when space returns the index is rebuilt and
 * finds the save. A file truncated under the running index: searches get the 503 page, never a stack trace or results
 * from the damaged file, and the index is rebuilt.
 */
@SpringBootTest(properties = {"catalogue.search.refresh-ms=600000", "management.endpoint.health.show-details=always",
        "spring.datasource.url=jdbc:h2:mem:index-faults;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class IndexFaultTest {

    static final FullDisk DISK = new FullDisk();
    static Path root;

    @TestConfiguration
    static class Faulty {
        @Bean
        @Primary
        ProgramIndex faultyIndex(SearchSources sources, ChangeMarker marker, Places places, ApplicationEventPublisher events,
                                 EligibilityChecker checker, Clock clock) throws IOException {
            root = Files.createTempDirectory("index-faults-");
            return new ProgramIndex(sources, marker, places, events, checker, clock,
                    IndexFolders.open(root.toString(), DISK), Duration.ofMillis(300));
        }
    }

    @Autowired
    ProgramIndex index;
    @Autowired
    IndexUpkeep upkeep;
    @Autowired
    IndexHealth health;
    @Autowired
    ProgramSearch search;
    @Autowired
    ProgramEditor editor;
    @Autowired
    MockMvc mvc;
    @Autowired
    HealthEndpointGroups groups;

    List<Long> find(String text) {
        return search.search(new DiscoveryQuery(text, Map.of(), "relevance", 1, 50)).ids();
    }

    long total() {
        return search.search(new DiscoveryQuery("", Map.of(), "relevance", 1, 50)).total();
    }

    /** Runs the scheduled refresh until {@code done}, at most 30 s. */
    void refreshUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            upkeep.refreshIfChanged();
            Thread.sleep(50);
        }
        assertThat(done.getAsBoolean()).as("recovered within 30 s").isTrue();
    }

    String readiness() throws Exception {
        return mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void aFullDiskDuringTheUpdateAfterASaveKeepsTheSnapshotAndTheIndexIsRebuiltWhenSpaceReturns() throws Exception {
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        long before = total();
        int builds = index.builds();
        DISK.full.set(true);
        try {
            ProgramEditor.Editable e = editor.editable(5).orElseThrow();
            editor.save(5, e.version(), e.content().renamed("満杯ディスク試験"), true, "test"); // returns: the save stands

            assertThat(find("満杯ディスク試験")).as("not in the last good snapshot").isEmpty();
            assertThat(total()).as("searches answer from the last good snapshot").isEqualTo(before);
            Health degraded = health.health();
            assertThat(degraded.getStatus().getCode()).isEqualTo("DEGRADED");
            assertThat(degraded.getDetails()).containsEntry("state", "degraded").containsKeys("since", "attempts")
                    .containsEntry("error", "UncheckedIOException (IOException)");
            assertThat(readiness()).contains("\"status\":\"DEGRADED\"").contains("searchIndex");

            // Retries while the disk is full fail (each rebuild leaves no folder behind) and are spaced out.
            long tried = System.nanoTime();
            while (System.nanoTime() - tried < 1_500_000_000L) {
                upkeep.refreshIfChanged();
                Thread.sleep(50);
            }
            int attempts = index.recovery().trouble().attempts();
            assertThat(attempts).as("a few tries in 1.5 s with waits of 0.3 s, not one per call").isBetween(2, 8);
            assertThat(total()).isEqualTo(before);
        } finally {
            DISK.full.set(false);
        }
        refreshUntil(() -> index.recovery().trouble() == null);
        assertThat(find("満杯ディスク試験")).containsExactly(5L);
        assertThat(total()).isEqualTo(before);
        assertThat(index.builds()).isGreaterThan(builds);
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(readiness()).contains("\"status\":\"UP\"");
    }

    @Test
    void aFileTruncatedUnderTheRunningIndexRefusesSearchesWithAClearPageUntilItIsRebuilt() throws Exception {
        long before = total();
        Path folder = IndexDamageTest.newest(root);
        Path largest = IndexDamageTest.largestFile(folder);
        try (FileChannel file = FileChannel.open(largest, StandardOpenOption.WRITE)) {
            file.truncate(0);
        }
        // Before the files check runs: the search reads the truncated file (InternalError from the memory mapping).
        String page = mvc.perform(get("/programs").param("q", "子育て支援切り詰め試験")).andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "30")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("検索を一時的に利用できません").doesNotContain("Exception").doesNotContain("at jp.");
        assertThat(index.recovery().trouble()).isNotNull();
        assertThat(index.recovery().trouble().unreadable()).isTrue();
        assertThat(health.health().getDetails()).containsEntry("state", "damaged");
        assertThat(readiness()).contains("DEGRADED");

        refreshUntil(() -> index.recovery().trouble() == null);
        assertThat(total()).isEqualTo(before);
        mvc.perform(get("/programs").param("q", "子育て")).andExpect(status().isOk());
        assertThat(IndexDamageTest.newest(root)).as("rebuilt in a new folder").isNotEqualTo(folder);
    }

    /** DEGRADED answers 200; DOWN and OUT_OF_SERVICE still 503 (a mapping in the properties replaces Boot's defaults). */
    @Test
    void degradedIsServedWith200AndDownAndOutOfServiceStillWith503() {
        for (HealthEndpointGroup group : List.of(groups.getPrimary(), groups.get("readiness"))) {
            HttpCodeStatusMapper codes = group.getHttpCodeStatusMapper();
            assertThat(codes.getStatusCode(IndexHealth.DEGRADED)).isEqualTo(200);
            assertThat(codes.getStatusCode(Status.UP)).isEqualTo(200);
            assertThat(codes.getStatusCode(Status.DOWN)).isEqualTo(503);
            assertThat(codes.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
            assertThat(group.getStatusAggregator().getAggregateStatus(Status.UP, IndexHealth.DEGRADED))
                    .isEqualTo(IndexHealth.DEGRADED);
            assertThat(group.getStatusAggregator().getAggregateStatus(Status.DOWN, IndexHealth.DEGRADED))
                    .isEqualTo(Status.DOWN);
        }
    }
}
