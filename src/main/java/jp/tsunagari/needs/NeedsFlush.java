package jp.tsunagari.needs;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import jp.tsunagari.system.JapanTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Adds this instance's counts to the database every {@code catalogue.needs.flush-every} (a minute) on Spring's
 * scheduling thread, never on a request's, and once more when the application stops (after the web server has
 * finished its requests, before the connection pool closes). The first flush of each day in Japan also deletes the
 * days past {@code catalogue.needs.kept-for}. Every instance does this for itself; the counts add up in the rows.
 * A flush that fails (the database unreachable) loses that flush's counts, with a warning in the log.
 */
@Component
class NeedsFlush {

    private static final Logger log = LoggerFactory.getLogger(NeedsFlush.class);

    private final NeedsTally tally;
    private final NeedRows rows;
    private final NeedsSettings settings;
    private final Clock clock;
    /** The day (in Japan) old rows were last deleted on, by this instance. */
    private LocalDate purgedOn;

    NeedsFlush(NeedsTally tally, NeedRows rows, NeedsSettings settings, Clock clock) {
        this.tally = tally;
        this.rows = rows;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${catalogue.needs.flush-every:PT1M}",
            initialDelayString = "${catalogue.needs.flush-every:PT1M}")
    synchronized void flush() {
        Map<NeedsTally.Key, Long> counts = tally.drain();
        try {
            rows.add(counts, settings.textsPerDay());
            LocalDate today = JapanTime.today(clock);
            if (!today.equals(purgedOn)) {
                rows.deleteBefore(today.minusDays(settings.days() - 1L));
                purgedOn = today;
            }
        } catch (DataAccessException e) {
            // The exception's class only: its message may quote a counted text.
            log.warn("Unmet needs: {} counts not written to the database ({})", counts.size(),
                    e.getMostSpecificCause().getClass().getName());
        }
    }

    @PreDestroy
    void stop() {
        flush();
    }
}
