package jp.tsunagari.linkcheck;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.tsunagari.catalogue.ProgramLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The scheduled link check. When {@code catalogue.link-check.enabled}, this instance looks every {@code tick} (on a
 * thread of its own, so a pass of many hours never holds up the application's other scheduled work) whether a pass is
 * due and, if it can take the cluster-wide lease ({@link RunLease}), runs it: a new pass every {@code interval}
 * counted from the previous start, or the rest of a pass another instance (or this one, before a restart) left
 * unfinished. Progress is recorded after every program. Disabled, it never sends a request.
 */
@Component
@EnableConfigurationProperties(LinkCheckSettings.class)
public class LinkCheckJob implements DisposableBean {

    /** What the admin page says about the passes. */
    public record Status(boolean enabled, Instant startedAt, Instant finishedAt, boolean running, boolean requested) {
    }

    private static final Logger log = LoggerFactory.getLogger(LinkCheckJob.class);

    private final LinkCheckSettings settings;
    private final ProgramLinks programs;
    private final LinkCheckRows rows;
    private final RunLease lease;
    private final Clock clock;
    private final String holder = "instance-" + UUID.randomUUID();
    private volatile boolean stopping;
    private ScheduledExecutorService executor;

    LinkCheckJob(LinkCheckSettings settings, ProgramLinks programs, LinkCheckRows rows, RunLease lease, Clock clock) {
        this.settings = settings;
        this.programs = programs;
        this.rows = rows;
        this.lease = lease;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (!settings.enabled() || executor != null || stopping) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "link-check");
            thread.setDaemon(true);
            return thread;
        });
        long tick = settings.tick().toMillis();
        executor.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
        log.info("Link check enabled: a pass every {}, looked for every {}", settings.interval(), settings.tick());
    }

    public Status status() {
        RunLease.State state = lease.state();
        return new Status(settings.enabled(), state.startedAt(), state.finishedAt(), state.held(), state.requested());
    }

    /** Asks for a pass at the next look of any enabled instance; false (nothing asked) when the check is disabled. */
    public boolean requestRun() {
        if (!settings.enabled()) {
            return false;
        }
        lease.request();
        return true;
    }

    private void tick() {
        try {
            runIfDue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Link check: this look failed and is retried at the next one: {}", e.toString());
        }
    }

    /** Runs a pass (or its rest) if one is due and this instance takes the lease; whether it ran. */
    boolean runIfDue() throws InterruptedException {
        Optional<Long> resumeAfter = lease.take(holder, settings.interval(), settings.lease());
        if (resumeAfter.isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        log.info("Link check: pass {}", resumeAfter.get() == 0 ? "started" : "resumed after program " + resumeAfter.get());
        LinkCheckPass pass = new LinkCheckPass(programs, rows, new LinkProbe(settings), clock, settings.batchSize());
        long last = resumeAfter.get();
        boolean finished = false;
        try {
            last = pass.run(resumeAfter.get(), Long.MAX_VALUE,
                    id -> !stopping && lease.renew(holder, id, settings.lease()));
            finished = last == Long.MAX_VALUE;
        } finally {
            boolean interrupted = Thread.interrupted();
            lease.release(holder, last == Long.MAX_VALUE ? 0 : last, finished);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            log.info("Link check: pass {} after {} s, {} addresses checked", finished ? "finished" : "stopped",
                    (System.nanoTime() - started) / 1_000_000_000L, pass.addressesChecked());
        }
        return true;
    }

    @Override
    public synchronized void destroy() {
        stopping = true;
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
