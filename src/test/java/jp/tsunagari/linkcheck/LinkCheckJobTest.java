package jp.tsunagari.linkcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.tsunagari.catalogue.ProgramLinks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job from lease to lease: enabled, it takes the lease, checks the programs it is given (here one program of the
 * test pointing at {@link LocalSite}, through a stand-in for catalogue.ProgramLinks, so no seeded address is ever
 * requested), records the pass as finished and gives the lease back; the next look finds no pass due. The run row
 * and the test's program are put back as they were.
 */
@SpringBootTest
class LinkCheckJobTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LinkCheckRows rows;
    @Autowired
    RunLease lease;

    @Test
    void anEnabledJobRunsADuePassOnceAndRecordsIt() throws Exception {
        Map<String, Object> saved = jdbc.queryForMap("select * from link_check_run where id = 1");
        jdbc.update("insert into program (status, name, name_kana, category_code, channel, lifecycle, eligibility_text,"
                + " created_at, updated_at, updated_by) values ('DRAFT', 'ジョブ試験', 'じょぶしけん', 'other', 'LINE',"
                + " 'ONGOING', '', current_timestamp, current_timestamp, 'link-test')");
        long id = jdbc.queryForObject("select max(id) from program", Long.class);
        try (LocalSite site = new LocalSite()) {
            jdbc.update("update link_check_run set holder = null, lease_until = null, started_at = null,"
                    + " finished_at = null, last_program_id = 0, requested = false where id = 1");
            Map<ProgramLinks.Kind, String> urls = new EnumMap<>(ProgramLinks.Kind.class);
            urls.put(ProgramLinks.Kind.APPLY, site.url("/missing"));
            ProgramLinks programs = mock(ProgramLinks.class);
            when(programs.after(anyLong(), anyInt())).thenReturn(List.of());
            when(programs.after(eq(0L), anyInt())).thenReturn(List.of(new ProgramLinks.Links(id, "ジョブ試験", urls)));
            LinkCheckSettings settings = new LinkCheckSettings(true, Duration.ofDays(1), Duration.ofMinutes(1),
                    Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ZERO, 5, 100, Duration.ofMinutes(15), true,
                    LinkCheckSettings.DEFAULT_USER_AGENT);
            LinkCheckJob job = new LinkCheckJob(settings, programs, rows, lease, Clock.systemUTC());

            assertThat(job.runIfDue()).isTrue();
            assertThat(rows.ofPrograms(List.of(id))).singleElement()
                    .extracting(LinkCheckRows.Row::outcome, LinkCheckRows.Row::status)
                    .containsExactly(LinkOutcome.BROKEN, 404);
            LinkCheckJob.Status status = job.status();
            assertThat(status.startedAt()).isNotNull();
            assertThat(status.finishedAt()).isNotNull();
            assertThat(status.running()).isFalse();
            assertThat(job.runIfDue()).as("the next pass is a day away").isFalse();
            assertThat(job.requestRun()).isTrue();
            assertThat(job.runIfDue()).as("asked for").isTrue();
            assertThat(site.count("HEAD /missing")).isEqualTo(2);
        } finally {
            jdbc.update("delete from program where id = ?", id);
            jdbc.update("update link_check_run set holder = ?, lease_until = ?, started_at = ?, finished_at = ?,"
                    + " last_program_id = ?, requested = ? where id = 1", saved.get("holder"), saved.get("lease_until"),
                    saved.get("started_at"), saved.get("finished_at"), saved.get("last_program_id"),
                    saved.get("requested"));
        }
    }
}
