package jp.tsunagari.catalogue;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import jp.tsunagari.system.StaffScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The re-confirmation cycle as a db-scheduler task ({@value #TASK}, every {@code catalogue.freshness.tick}, one
 * execution at a time across the cluster). Each look ends the rows of programs confirmed since, then takes the three
 * steps of {@link Reconfirmations} page by page, and publishes one {@link ReconfirmationRequest} per organization and
 * step: however many of its programs fell due, an organization gets one mail, sent when the step is done. A step's
 * rows are written before its mail goes, so a look cut short never asks twice. Stopped (shutdown) before its mails
 * went, the step is set back for the programs that got none, and the next look takes it for them again; no mail goes
 * after the stop was seen. A crash between the rows and the mail may still leave a mail missing (the next step, a
 * month later, follows anyway).
 */
@Configuration(proxyBeanMethods = false)
class ReconfirmationJob {

    static final String TASK = "reconfirmation";

    @Bean
    RecurringTask<Void> reconfirmationTask(Cycle cycle, Freshness freshness) {
        return Tasks.recurring(TASK, FixedDelay.of(freshness.settings().tick())).execute((instance, context) ->
                cycle.run(freshness.today(), () -> context.getSchedulerState().isShuttingDown()
                        || Thread.currentThread().isInterrupted()));
    }

    /** One look of the cycle; callable directly (tests). */
    @Component
    static class Cycle {

        private static final Logger log = LoggerFactory.getLogger(Cycle.class);

        private final Reconfirmations reconfirmations;
        private final ApplicationEventPublisher events;

        Cycle(Reconfirmations reconfirmations, ApplicationEventPublisher events) {
            this.reconfirmations = reconfirmations;
            this.events = events;
        }

        /**
         * Takes every step due on {@code today}; stops between two pages or two mails when {@code stop} says so. A step
         * stopped before all its mails went sets its programs that got no mail back ({@link Mails#publish}), and the
         * steps after it are left to the next look.
         */
        void run(LocalDate today, BooleanSupplier stop) {
            long started = System.nanoTime();
            reconfirmations.dropOutdated();
            Reconfirmations.Cursor[] cursor = {Reconfirmations.Cursor.START};
            Mails asks = new Mails(ReconfirmationRequest.Step.ASK).take(stop, () -> {
                List<Reconfirmations.Due> page = reconfirmations.askNext(today, cursor[0]);
                if (!page.isEmpty()) {
                    Reconfirmations.Due last = page.getLast();
                    cursor[0] = new Reconfirmations.Cursor(last.since(), last.programId());
                }
                return page;
            }, Reconfirmations.Due::maintainers)
                    .take(stop, () -> reconfirmations.askFlaggedNext(today), Reconfirmations.Due::maintainers);
            if (!asks.publish(today, stop)) {
                return;
            }
            Mails reminders = new Mails(ReconfirmationRequest.Step.REMIND).take(stop,
                    () -> reconfirmations.remindNext(today), Reconfirmations.Due::maintainers);
            if (!reminders.publish(today, stop)) {
                return;
            }
            Mails escalations = new Mails(ReconfirmationRequest.Step.ESCALATE).take(stop,
                    () -> reconfirmations.escalateNext(today), d -> List.of());
            if (!escalations.publish(today, stop)) {
                return;
            }
            if (asks.programs + reminders.programs + escalations.programs > 0) {
                log.info("Re-confirmation: {} programs asked about, {} reminded, {} handed to the office ({} ms)",
                        asks.programs, reminders.programs, escalations.programs,
                        (System.nanoTime() - started) / 1_000_000);
            }
        }

        /**
         * The mails of one step: per organization, the first programs and how many in all (bounded in memory), and the
         * ids of all its programs (to set back those that got no mail when the look is stopped).
         */
        private final class Mails {
            private final ReconfirmationRequest.Step step;
            private final Map<String, List<Reconfirmations.Due>> listed = new LinkedHashMap<>();
            private final Map<String, Integer> totals = new LinkedHashMap<>();
            private final Map<String, List<Long>> ids = new HashMap<>();
            private int programs;

            Mails(ReconfirmationRequest.Step step) {
                this.step = step;
            }

            /** Takes a step's pages (until none is left or {@code stop}), adding each program to its mails. */
            Mails take(BooleanSupplier stop, java.util.function.Supplier<List<Reconfirmations.Due>> next,
                       Function<Reconfirmations.Due, java.util.Collection<String>> to) {
                while (!stop.getAsBoolean()) {
                    List<Reconfirmations.Due> page;
                    try {
                        page = next.get();
                    } catch (RuntimeException e) {
                        // the pages written so far still get their mail; the rest waits for the next look
                        log.warn("Re-confirmation: a page failed, the step goes on at the next look: {}",
                                e.toString());
                        break;
                    }
                    if (page.isEmpty()) {
                        break;
                    }
                    page.forEach(d -> add(d, to.apply(d)));
                }
                return this;
            }

            void add(Reconfirmations.Due due, java.util.Collection<String> organizations) {
                programs++;
                for (String organization : organizations.isEmpty() ? List.of(StaffScope.OFFICE) : organizations) {
                    List<Reconfirmations.Due> list = listed.computeIfAbsent(organization, k -> new ArrayList<>());
                    if (list.size() < ReconfirmationRequest.LISTED) {
                        list.add(due);
                    }
                    totals.merge(organization, 1, Integer::sum);
                    ids.computeIfAbsent(organization, k -> new ArrayList<>()).add(due.programId());
                }
            }

            /**
             * One event per organization; one that fails (its mail) does not keep the others' from going. Looks at
             * {@code stop} before each: once it says so, no further mail goes, the programs no mail went out for are
             * set back ({@link Reconfirmations#setBack}: the next look takes the step for them again), and false is
             * returned.
             */
            boolean publish(LocalDate today, BooleanSupplier stop) {
                Set<String> mailed = new HashSet<>();
                for (Map.Entry<String, List<Reconfirmations.Due>> mail : listed.entrySet()) {
                    if (stop.getAsBoolean()) {
                        setBack(today, mailed);
                        return false;
                    }
                    mailed.add(mail.getKey());
                    try {
                        events.publishEvent(new ReconfirmationRequest(step, mail.getKey(), List.copyOf(mail.getValue()),
                                totals.get(mail.getKey())));
                    } catch (RuntimeException e) {
                        log.warn("Re-confirmation: the {} mail to {} failed: {}", step, mail.getKey(), e.toString());
                    }
                }
                return !stop.getAsBoolean();
            }

            /** The programs of this step none of whose organizations got the mail, set back (the interruption kept). */
            private void setBack(LocalDate today, Set<String> mailed) {
                Set<Long> back = new HashSet<>();
                ids.forEach((organization, list) -> {
                    if (!mailed.contains(organization)) {
                        back.addAll(list);
                    }
                });
                ids.forEach((organization, list) -> {
                    if (mailed.contains(organization)) {
                        list.forEach(back::remove);
                    }
                });
                boolean interrupted = Thread.interrupted(); // an interrupted thread can break a database connection
                try {
                    int set = reconfirmations.setBack(step, today, back);
                    log.info("Re-confirmation stopped (the application is stopping): {} of {} programs set back to"
                            + " before the {} step, no mail sent after the stop", set, programs, step);
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }
}
