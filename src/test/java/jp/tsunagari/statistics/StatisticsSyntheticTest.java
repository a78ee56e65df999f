package jp.tsunagari.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * /statistics on a synthetic catalogue of 400 programs (its own in-memory database) with a history written here
 * before the first request — new, changed, drafts, deletions and 「INITIAL」 rows in several months: every table, text
 * alternative and CSV equals the counts of {@link Expected}, and the months are not all empty.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:statistics;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "catalogue.synthetic.programs=400"})
@ActiveProfiles("synthetic")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsSyntheticTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    MonthlyChanges monthly;

    @BeforeAll
    void history() {
        List<Long> ids = jdbc.queryForList("select id from program where status = 'PUBLISHED' order by id limit 6",
                Long.class);
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneId.of("Asia/Tokyo")));
        // new three months ago, changed twice a month ago (one program for that month)
        revision(ids.get(0), "CREATE", "PUBLISHED", now.minusMonths(3));
        revision(ids.get(0), "UPDATE", "PUBLISHED", now.minusMonths(1));
        revision(ids.get(0), "UPDATE", "PUBLISHED", now.minusMonths(1).plusMinutes(5));
        // recorded before its first change: changed, never new
        revision(ids.get(1), "INITIAL", "PUBLISHED", now.minusMonths(2));
        revision(ids.get(1), "UPDATE", "PUBLISHED", now.minusMonths(2).plusMinutes(1));
        // a draft first, published the month after: new then
        revision(ids.get(2), "CREATE", "DRAFT", now.minusMonths(5));
        revision(ids.get(2), "PUBLISH", "PUBLISHED", now.minusMonths(4));
        // a deletion is no version; a draft change of a published program neither
        revision(ids.get(3), "CREATE", "PUBLISHED", now.minusMonths(1));
        revision(ids.get(3), "UPDATE", "DRAFT", now.minusMinutes(30));
        revision(ids.get(3), "DELETE", "PUBLISHED", now.minusMinutes(10));
        // older than the twelve months: not shown
        revision(ids.get(4), "CREATE", "PUBLISHED", now.minusMonths(14));
        revision(ids.get(5), "CREATE", "PUBLISHED", now.minusMinutes(20));
        monthly.refreshNow(); // counted at start-up, before this history was written
    }

    private void revision(long program, String action, String status, OffsetDateTime at) {
        jdbc.update("insert into program_revision (program_id, revision, action, status, snapshot, changed_by, changed_at)"
                + " values (?, coalesce((select max(revision) from program_revision where program_id = ?), 0) + 1,"
                + " ?, ?, '{}', 'test', ?)", program, program, action, status, at);
    }

    @Test
    void tablesTextAlternativesAndFilesAgreeWithTheCounts() throws Exception {
        Document page = StatisticsChecks.page(mvc);
        Expected expected = new Expected(jdbc, clock);
        StatisticsChecks.categoryRegion(page, StatisticsChecks.csv(mvc, "category-region"), expected);
        StatisticsChecks.prefectures(page, StatisticsChecks.csv(mvc, "prefectures"), expected);
        StatisticsChecks.reach(page, StatisticsChecks.csv(mvc, "reach"), expected);
        StatisticsChecks.months(page, StatisticsChecks.csv(mvc, "months"), expected);
        assertThat(expected.categoryRegions().values().stream().mapToLong(m -> m.values().stream()
                .mapToLong(Long::longValue).sum()).sum()).as("programs counted in regions").isGreaterThan(100);
    }

    @Test
    void theMonthsCountNewAndChangedPrograms() throws Exception {
        Document page = StatisticsChecks.page(mvc);
        YearMonth now = YearMonth.now(clock.withZone(ZoneId.of("Asia/Tokyo")));
        Map<YearMonth, long[]> months = new Expected(jdbc, clock).months();
        assertThat(months.get(now.minusMonths(1))[1]).isGreaterThanOrEqualTo(1);
        String row = page.selectFirst("tr[data-month=" + now.minusMonths(4) + "]").text();
        assertThat(StatisticsChecks.number(page.selectFirst("tr[data-month=" + now.minusMonths(4) + "] td")))
                .as(row).isEqualTo(months.get(now.minusMonths(4))[0]).isGreaterThanOrEqualTo(1);
        assertThat(page.getElementById("months-desc").text()).startsWith("直近12か月に新たに公開された施策は");
    }
}
