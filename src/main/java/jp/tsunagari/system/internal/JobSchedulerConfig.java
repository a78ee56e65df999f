package jp.tsunagari.system.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The project's one way to run background work: db-scheduler on the application's database (table
 * {@code scheduled_tasks}, Flyway V17). Every module declares its jobs as {@link Task} beans (recurring ones as
 * {@link RecurringTask}); every instance polls, and each due execution is picked by exactly one of them. An instance
 * that dies while running one stops sending heartbeats; after {@code missed-heartbeats} × {@code heartbeat} another
 * instance (or this one, restarted) runs it again, and the job resumes from the progress it recorded.
 *
 * <p>A {@link SchedulerClient} bean on the same table lets a module can reschedule one of its task instances (the
 * link check's 「今すぐ確認」 moves its recurring execution to now). {@code catalogue.jobs.enabled=false} runs nothing on
 * this instance (tests that call jobs directly); the client still writes to the table, for the instances that run.
 */
@Configuration(proxyBeanMethods = false)
class JobSchedulerConfig {

    @Bean
    JobScheduler jobScheduler(DataSource dataSource, List<Task<?>> tasks,
                              @Value("${catalogue.jobs.enabled:true}") boolean enabled,
                              @Value("${catalogue.jobs.polling-interval:PT10S}") Duration polling,
                              @Value("${catalogue.jobs.heartbeat:PT10S}") Duration heartbeat,
                              @Value("${catalogue.jobs.missed-heartbeats:6}") int missedHeartbeats,
                              @Value("${catalogue.jobs.threads:2}") int threads,
                              @Value("${catalogue.jobs.shutdown-wait:PT8S}") Duration shutdownWait) {
        // startTasks also makes them known: given twice, db-scheduler refuses the duplicate names
        List<RecurringTask<?>> recurring = new ArrayList<>();
        List<Task<?>> others = new ArrayList<>();
        for (Task<?> task : tasks) {
            if (task instanceof RecurringTask<?> r) {
                recurring.add(r);
            } else {
                others.add(task);
            }
        }
        Supplier<Scheduler> build = () -> Scheduler.create(dataSource, others)
                .startTasks(recurring)
                .pollingInterval(polling)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(missedHeartbeats)
                .threads(threads)
                .shutdownMaxWait(shutdownWait)
                .enableImmediateExecution()
                .build();
        return new JobScheduler(build, enabled);
    }

    /** A client of the same table: schedule, reschedule or look up task instances; it never runs anything. */
    @Bean
    SchedulerClient schedulerClient(DataSource dataSource, List<Task<?>> tasks) {
        return SchedulerClient.Builder.create(dataSource, tasks).build();
    }

    /**
     * Starts the scheduler once the application is running and stops it first at shutdown (before the web server's
     * graceful phase and the data source): a running job is told the scheduler is shutting down and has
     * {@code shutdown-wait} to record its progress and return.
     */
    static final class JobScheduler implements SmartLifecycle {

        private final Supplier<Scheduler> build;
        private final boolean enabled;
        private volatile Scheduler scheduler;
        private volatile boolean running;

        JobScheduler(Supplier<Scheduler> build, boolean enabled) {
            this.build = build;
            this.enabled = enabled;
        }

        /** A new scheduler each time (one that has stopped cannot start again; a context may be stopped and restarted). */
        @Override
        public synchronized void start() {
            if (enabled && scheduler == null) {
                scheduler = build.get();
                scheduler.start();
            }
            running = true;
        }

        @Override
        public synchronized void stop() {
            running = false;
            if (scheduler != null) {
                scheduler.stop();
                scheduler = null;
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE - 100;
        }
    }
}
