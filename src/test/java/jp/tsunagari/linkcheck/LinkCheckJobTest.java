package jp.tsunagari.linkcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import jp.tsunagari.catalogue.ProgramLinks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job as db-scheduler runs it, its execution called directly: a due pass runs once, a pass asked for runs (and
 * moves the task to now), a pass cut short by the scheduler's shutdown or an interruption resumes after the last
 * program recorded, a disabled job sends nothing; and, through three schedulers of the test's own on the test database
 * (under a task name of their own, so the application's scheduler never runs it), one instance runs a pass. The
 * programs checked are the test's, pointing at {@link LocalSite}, given through a stand-in for catalogue.ProgramLinks,
 * so no seeded address is ever requested; and the application's scheduler is given the task. The run row is put back
 * as it was; the test's programs and task rows go.
 */
@SpringBootTest
class LinkCheckJobTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    LinkCheckRows rows;
    @Autowired
    jp.tsunagari.catalogue.Reconfirmations reconfirmations;
    @Autowired
    LinkCheckProgress progress;

    final ProgramLinks programs = mock(ProgramLinks.class);
    final SchedulerClient client = mock(SchedulerClient.class);
    final List<Long> ids = new ArrayList<>();
    LocalSite site;
    Map<String, Object> saved;

    @BeforeEach
    void setUp() throws Exception {
        saved = jdbc.queryForMap("select * from link_check_run where id = 1");
        jdbc.update("update link_check_run set started_at = null, finished_at = null, last_program_id = 0,"
                + " requested = false where id = 1");
        when(programs.after(anyLong(), anyInt())).thenReturn(List.of());
        site = new LocalSite();
    }

    @AfterEach
    void tearDown() {
        site.close();
        ids.forEach(id -> jdbc.update("delete from program where id = ?", id));
        jdbc.update("update link_check_run set started_at = ?, finished_at = ?, last_program_id = ?, requested = ?"
                        + " where id = 1", saved.get("started_at"), saved.get("finished_at"),
                saved.get("last_program_id"), saved.get("requested"));
    }

    /** A program of the test (its links come from the stand-in, not from its row). */
    long program() {
        jdbc.update("insert into program (status, name, name_kana, category_code, channel, lifecycle, eligibility_text,"
                + " created_at, updated_at, updated_by) values ('DRAFT', 'ジョブ試験', 'じょぶしけん', 'other', 'LINE',"
                + " 'ONGOING', '', current_timestamp, current_timestamp, 'link-test')");
        long id = jdbc.queryForObject("select max(id) from program", Long.class);
        ids.add(id);
        return id;
    }

    ProgramLinks.Links links(long id, String path) {
        return new ProgramLinks.Links(id, "ジョブ試験", Map.of(ProgramLinks.Kind.APPLY, site.url(path)));
    }

    LinkCheckJob job(boolean enabled, Duration requestTimeout) {
        LinkCheckSettings settings = new LinkCheckSettings(enabled, Duration.ofDays(1), Duration.ofHours(1),
                Duration.ofSeconds(2), requestTimeout, Duration.ZERO, 5, 100, true,
                LinkCheckSettings.DEFAULT_USER_AGENT);
        return new LinkCheckJob(settings, programs, rows, progress, Clock.systemUTC(),
                new StaticListableBeanFactory(Map.of("schedulerClient", client)).getBeanProvider(SchedulerClient.class),
                reconfirmations);
    }

    /** Two programs; the pass resumed after the first gets the second. */
    long[] twoPrograms() {
        long first = program();
        long second = program();
        when(programs.after(eq(0L), anyInt())).thenReturn(List.of(links(first, "/ok?one"), links(second, "/ok?two")));
        when(programs.after(eq(first), anyInt())).thenReturn(List.of(links(second, "/ok?two")));
        return new long[] {first, second};
    }

    @Test
    void aDuePassRunsOnceAndOneAskedForRunsAtTheNextExecution() {
        long id = program();
        when(programs.after(eq(0L), anyInt())).thenReturn(List.of(links(id, "/missing")));
        LinkCheckJob job = job(true, Duration.ofSeconds(2));

        assertThat(job.runIfDue(() -> false)).isTrue();
        assertThat(rows.ofPrograms(List.of(id))).singleElement()
                .extracting(LinkCheckRows.Row::outcome, LinkCheckRows.Row::status)
                .containsExactly(LinkOutcome.BROKEN, 404);
        LinkCheckJob.Status status = job.status();
        assertThat(status.startedAt()).isNotNull();
        assertThat(status.finishedAt()).isNotNull();
        assertThat(status.running()).isFalse();
        assertThat(job.runIfDue(() -> false)).as("the next pass is a day away").isFalse();

        assertThat(job.requestRun()).isTrue();
        verify(client).reschedule(argThat(t -> t.getTaskName().equals("link-check")
                && t.getId().equals(RecurringTask.INSTANCE)), any(Instant.class));
        assertThat(job.status().requested()).isTrue();
        assertThat(job.runIfDue(() -> false)).as("asked for").isTrue();
        assertThat(job.status().requested()).isFalse();
        assertThat(site.count("HEAD /missing")).isEqualTo(2);
    }

    @Test
    void aPassCutShortByTheSchedulersShutdownResumesAfterTheLastProgramRecorded() {
        long[] pair = twoPrograms();
        LinkCheckJob job = job(true, Duration.ofSeconds(2));
        BooleanSupplier shutsDownAfterTheFirst = () -> site.count("HEAD /ok?one") > 0;

        assertThat(job.runIfDue(shutsDownAfterTheFirst)).isTrue();
        assertThat(progress.state()).extracting(LinkCheckProgress.State::unfinished,
                LinkCheckProgress.State::lastProgramId).containsExactly(true, pair[0]);
        assertThat(site.count("HEAD /ok?two")).isZero();
        assertThat(job.status().running()).as("no instance executes it").isFalse();

        assertThat(job.runIfDue(() -> false)).as("the rest of the pass").isTrue();
        assertThat(site.count("HEAD /ok?one")).isEqualTo(1);
        assertThat(site.count("HEAD /ok?two")).isEqualTo(1);
        assertThat(rows.ofPrograms(List.of(pair[1]))).singleElement().extracting(LinkCheckRows.Row::outcome)
                .isEqualTo(LinkOutcome.OK);
        assertThat(progress.state()).extracting(LinkCheckProgress.State::unfinished,
                LinkCheckProgress.State::lastProgramId).containsExactly(false, 0L);
    }

    @Test
    void anInterruptedPassStopsAfterRecordingItsProgressAndKeepsTheInterruption() {
        long[] pair = twoPrograms();
        LinkCheckJob job = job(true, Duration.ofSeconds(2));
        BooleanSupplier interruptsAfterTheFirst = () -> {
            if (site.count("HEAD /ok?one") > 0) {
                Thread.currentThread().interrupt();
            }
            return false;
        };

        assertThat(job.runIfDue(interruptsAfterTheFirst)).isTrue();
        assertThat(Thread.interrupted()).as("the interruption is kept").isTrue();
        assertThat(progress.state()).extracting(LinkCheckProgress.State::unfinished,
                LinkCheckProgress.State::lastProgramId).containsExactly(true, pair[0]);
        assertThat(site.count("HEAD /ok?two")).isZero();
    }

    @Test
    void oneInstanceRunsAPassHoweverManySchedulersPoll() throws Exception {
        long id = program();
        when(programs.after(eq(0L), anyInt())).thenReturn(List.of(links(id, "/silent")));
        String name = "link-check-test";
        List<Scheduler> schedulers = List.of(scheduler(name), scheduler(name), scheduler(name));
        try {
            schedulers.forEach(Scheduler::start);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (progress.state().finishedAt() == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(progress.state().finishedAt()).as("the pass finished").isNotNull();
            assertThat(site.count("HEAD /silent")).as("one pass, on one instance").isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ?", Integer.class,
                    name)).isEqualTo(1);
        } finally {
            schedulers.forEach(Scheduler::stop);
            jdbc.update("delete from scheduled_tasks where task_name = ?", name);
        }
    }

    /** An instance: its own job (enabled; a request times out after 1 s, so passes would overlap) and scheduler. */
    Scheduler scheduler(String taskName) {
        RecurringTask<Void> task = LinkCheckTask.recurring(taskName, Duration.ofHours(1),
                job(true, Duration.ofSeconds(1)));
        return Scheduler.create(dataSource).startTasks(List.of(task))
                .pollingInterval(Duration.ofMillis(100)).threads(2).enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(5)).build();
    }

    @Test
    void theApplicationsSchedulerGetsTheRecurringTask(@Autowired List<Task<?>> tasks) {
        assertThat(tasks).filteredOn(t -> t.getName().equals("link-check")).singleElement()
                .isInstanceOf(RecurringTask.class);
    }

    @Test
    void aDisabledJobSendsNothingAndAsksForNothing() {
        when(programs.after(anyLong(), anyInt())).thenReturn(List.of(links(1, "/ok")));
        LinkCheckJob job = job(false, Duration.ofSeconds(2));

        assertThat(job.runIfDue(() -> false)).isFalse();
        assertThat(job.requestRun()).isFalse();
        assertThat(job.status().enabled()).isFalse();
        assertThat(site.hits).isEmpty();
        assertThat(progress.state()).extracting(LinkCheckProgress.State::startedAt, LinkCheckProgress.State::requested)
                .containsExactly(null, false);
        verifyNoInteractions(programs, client);
    }
}
