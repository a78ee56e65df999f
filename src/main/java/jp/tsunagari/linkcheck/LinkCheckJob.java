package jp.tsunagari.linkcheck;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import jp.tsunagari.catalogue.ProgramLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The scheduled link check. Its db-scheduler task {@value #TASK_NAME} ({@link LinkCheckTask}) runs every {@code tick}
 * on one instance of the cluster at a time; when {@code catalogue.link-check.enabled}, each execution looks whether a
 * pass is due ({@link LinkCheckProgress}) and runs it: a new pass every {@code interval} counted from the previous
 * start or when asked for, or the rest of a pass cut short. Progress is recorded after every program; the pass stops
 * there when the scheduler shuts down (or the thread is interrupted), and the next execution, on any instance,
 * resumes it. Disabled, it never sends a request.
 */
@Component
@EnableConfigurationProperties(LinkCheckSettings.class)
public class LinkCheckJob {

    /** What the admin page says about the passes. */
    public record Status(boolean enabled, Instant startedAt, Instant finishedAt, boolean running, boolean requested) {
    }

    static final String TASK_NAME = "link-check";
    static final TaskInstanceId TASK_INSTANCE = TaskInstanceId.of(TASK_NAME, RecurringTask.INSTANCE);
    private static final Logger log = LoggerFactory.getLogger(LinkCheckJob.class);

    private final LinkCheckSettings settings;
    private final ProgramLinks programs;
    private final LinkCheckRows rows;
    private final LinkCheckProgress progress;
    private final Clock clock;
    private final ObjectProvider<SchedulerClient> scheduler;

    private final jp.tsunagari.catalogue.Reconfirmations reconfirmations;

    LinkCheckJob(LinkCheckSettings settings, ProgramLinks programs, LinkCheckRows rows, LinkCheckProgress progress,
                 Clock clock, ObjectProvider<SchedulerClient> scheduler,
                 jp.tsunagari.catalogue.Reconfirmations reconfirmations) {
        this.reconfirmations = reconfirmations;
        this.settings = settings;
        this.programs = programs;
        this.rows = rows;
        this.progress = progress;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** The passes' state; running while a pass is unfinished and an instance executes the task. */
    public Status status() {
        LinkCheckProgress.State state = progress.state();
        return new Status(settings.enabled(), state.startedAt(), state.finishedAt(),
                state.unfinished() && executing(), state.requested());
    }

    /**
     * Asks for a pass at the task's next execution, moved to now unless it is executing (then the pass starts at the
     * one after); false (nothing asked) when the check is disabled.
     */
    public boolean requestRun() {
        if (!settings.enabled()) {
            return false;
        }
        progress.request();
        SchedulerClient client = scheduler.getIfUnique();
        if (client != null) {
            try {
                client.reschedule(TASK_INSTANCE, clock.instant());
            } catch (TaskInstanceException e) {
                log.debug("Link check: asked for; the task is not moved ({})", e.getMessage());
            }
        }
        return true;
    }

    /**
     * One execution of the task: runs a pass (or its rest) if one is due, recording progress after every program and
     * stopping after the program at which {@code shuttingDown} (or the thread's interruption) says so; whether a pass
     * ran. The interruption, if any, is kept for the caller.
     */
    boolean runIfDue(BooleanSupplier shuttingDown) {
        if (!settings.enabled() || shuttingDown.getAsBoolean()) {
            return false;
        }
        Optional<Long> resumeAfter = progress.begin(settings.interval());
        if (resumeAfter.isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        log.info("Link check: pass {}", resumeAfter.get() == 0 ? "started" : "resumed after program " + resumeAfter.get());
        LinkCheckPass pass = new LinkCheckPass(programs, rows, new LinkProbe(settings), clock, settings.batchSize(),
                reconfirmations::linksChecked);
        boolean finished = false;
        try {
            long last = pass.run(resumeAfter.get(), Long.MAX_VALUE, id -> recorded(id, shuttingDown));
            finished = last == Long.MAX_VALUE;
            if (finished) {
                withoutInterruption(progress::finish);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            log.info("Link check: pass {} after {} s, {} addresses checked", finished ? "finished" : "stopped",
                    (System.nanoTime() - started) / 1_000_000_000L, pass.addressesChecked());
        }
        return true;
    }

    /** Records a program done; whether to go on (not when the scheduler is shutting down or the thread interrupted). */
    private boolean recorded(long programId, BooleanSupplier shuttingDown) {
        boolean stop = shuttingDown.getAsBoolean();
        boolean interrupted = withoutInterruption(() -> progress.record(programId));
        return !stop && !interrupted;
    }

    /**
     * Writes with the interruption flag cleared (an interrupted thread can break a database connection) and set again
     * after; whether it was set.
     */
    private static boolean withoutInterruption(Runnable write) {
        boolean interrupted = Thread.interrupted();
        try {
            write.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return interrupted;
    }

    private boolean executing() {
        SchedulerClient client = scheduler.getIfUnique();
        return client == null || client.getScheduledExecution(TASK_INSTANCE).map(ScheduledExecution::isPicked)
                .orElse(false);
    }
}
