package jp.tsunagari.alerts;

import com.github.kagkarlsson.scheduler.CurrentlyExecuting;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import jp.tsunagari.catalogue.PublishedChanges;
import jp.tsunagari.system.JapanTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The digest job, on the project's job library (db-scheduler, {@code system.internal.JobSchedulerConfig}): a
 * recurring task {@value #TASK} that one instance at a time runs every {@code tick}. Each run of it: housekeeping
 * ({@link AlertHousekeeping}); for each frequency whose digest time has come, the period's run is created once (a
 * unique key in the database); then every unfinished run is carried on — matched ({@link DigestMatching}), then sent
 * ({@link DigestSending}) — and marked done. A run cut short (shutdown, crash, SMTP down) is resumed at the next
 * look by whichever instance runs the task: matching starts again, sending goes on with the mails not yet sent.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertSettings.class)
class DigestJob {

    static final String TASK = "alert-digest";
    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    @Bean
    RecurringTask<Void> alertDigestTask(Digests digests, AlertSettings settings) {
        return Tasks.recurring(TASK, FixedDelay.of(settings.tick())).execute((instance, context) -> {
            try {
                digests.runDue(() -> context.getSchedulerState().isShuttingDown() || Thread.currentThread().isInterrupted()
                        || heldNoLonger(context));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Whether this execution may no longer be this instance's alone: a heartbeat failed (another instance revived it
     * as dead, or the database did not answer), or half the time after which the others take it for dead has passed
     * without one. The job then stops between two steps instead of running beside a revived execution (whose first
     * step puts this one's mail in flight back to PENDING).
     */
    private static boolean heldNoLonger(ExecutionContext context) {
        CurrentlyExecuting current = context.getCurrentlyExecuting();
        if (current == null || (current.getHeartbeatState().getFailedHeartbeats() == 0
                && current.getHeartbeatState().getFractionDead() <= 0.5)) {
            return false;
        }
        log.warn("Alert digest stops: its execution's heartbeat failed or is late ({})",
                current.getHeartbeatState().describe());
        return true;
    }

    /** What one look does; callable directly (tests, and the office's 「今すぐ送る」 is not offered on purpose). */
    @org.springframework.stereotype.Component
    static class Digests {

        private final DigestRows rows;
        private final DigestMatching matching;
        private final DigestSending sending;
        private final AlertHousekeeping housekeeping;
        private final PublishedChanges published;
        private final AlertMail mail;
        private final AlertSettings settings;
        private final Clock clock;

        Digests(DigestRows rows, DigestMatching matching, DigestSending sending, AlertHousekeeping housekeeping,
                PublishedChanges published, AlertMail mail, AlertSettings settings, Clock clock) {
            this.rows = rows;
            this.matching = matching;
            this.sending = sending;
            this.housekeeping = housekeeping;
            this.published = published;
            this.mail = mail;
            this.settings = settings;
            this.clock = clock;
        }

        /** Creates the due runs and carries on every unfinished one; stops between mails when {@code stop} says so. */
        void runDue(BooleanSupplier stop) throws InterruptedException {
            if (!mail.available()) {
                return;
            }
            housekeeping.run(stop);
            Instant now = clock.instant();
            LocalDateTime local = LocalDateTime.ofInstant(now, JapanTime.ZONE);
            for (Frequency f : Frequency.values()) {
                String period = f.duePeriod(local, settings.dailyAt(), settings.weeklyOn());
                if (!rows.exists(f, period)) {
                    long to = published.latestRevision(now.minus(settings.settle()));
                    Optional<Long> last = rows.lastTo(f);
                    // The first run of a frequency starts where its subscribers' mail starts: nothing older is read.
                    long from = last.orElseGet(() -> Math.min(to, rows.earliestStart(f).orElse(to)));
                    if (rows.create(f, period, from, Math.max(from, to), now)) {
                        log.info("Alert digest {} {}: revisions {} to {}", f.code(), period, from, Math.max(from, to));
                    }
                }
            }
            for (DigestRows.Run run : rows.unfinished()) {
                if (stop.getAsBoolean()) {
                    return;
                }
                carryOn(run, stop);
            }
        }

        private void carryOn(DigestRows.Run run, BooleanSupplier stop) throws InterruptedException {
            long started = System.nanoTime();
            if ("MATCHING".equals(run.state())) {
                DigestMatching.Matched m = matching.match(run, stop);
                log.info("Alert digest {} {}: {} changed programs, {} subscriptions, {} mails{} in {} ms ({} ms giving"
                        + " way to requests)", run.frequency().code(), run.period(), m.changed(), m.subscriptions(),
                        m.mails(), m.finished() ? "" : " (stopped, to be matched again)",
                        (System.nanoTime() - started) / 1_000_000, m.gaveWay().toMillis());
                if (!m.finished()) {
                    return;
                }
                rows.state(run.id(), "SENDING", clock.instant());
            }
            if (sending.send(run, stop)) {
                rows.state(run.id(), "DONE", clock.instant());
                log.info("Alert digest {} {}: sent", run.frequency().code(), run.period());
            }
        }
    }
}
