package jp.tsunagari.linkcheck;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The link check as a db-scheduler task (run by {@code system.internal.JobSchedulerConfig}, which takes every task
 * bean): {@value LinkCheckJob#TASK_NAME}, recurring {@code catalogue.link-check.tick} after each execution ends, one
 * execution at a time across the cluster. An execution whose instance dies (no heartbeat) is revived by db-scheduler
 * on another instance and resumes the pass; one that fails is tried again a tick later.
 */
@Configuration(proxyBeanMethods = false)
class LinkCheckTask {

    @Bean
    RecurringTask<Void> linkCheckRecurringTask(LinkCheckJob job, LinkCheckSettings settings) {
        return recurring(LinkCheckJob.TASK_NAME, settings.tick(), job);
    }

    /** The task under a name of one's choosing (tests run it under another name, on schedulers of their own). */
    static RecurringTask<Void> recurring(String name, Duration tick, LinkCheckJob job) {
        return Tasks.recurring(name, FixedDelay.of(tick))
                .execute((instance, context) -> job.runIfDue(context.getSchedulerState()::isShuttingDown));
    }
}
