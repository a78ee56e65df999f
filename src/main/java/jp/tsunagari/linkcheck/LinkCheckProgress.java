package jp.tsunagari.linkcheck;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code link_check_run} row: when the current or last pass started and finished, the last program it checked
 * (a pass cut short resumes after it) and whether the office asked for a pass now. Which instance runs the pass is
 * db-scheduler's business (one execution of the task {@code link-check} at a time across the cluster), so plain
 * updates suffice; the row's {@code holder} and {@code lease_until} are no longer used (Flyway V17).
 */
@Component
class LinkCheckProgress {

    /** The state of the passes, for the job and the admin page. */
    record State(Instant startedAt, Instant finishedAt, long lastProgramId, boolean requested) {

        /** A pass started and not finished: running now, or cut short and waiting to be resumed. */
        boolean unfinished() {
            return startedAt != null && finishedAt == null;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LinkCheckProgress(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Where the pass due now starts: after the program recorded if one was cut short (resumed), at 0 for a new pass
     * when none ever ran, one was asked for or the last one started at least {@code interval} ago (its start is
     * recorded), or empty when none is due. A pass that starts or resumes takes the request with it.
     */
    Optional<Long> begin(Duration interval) {
        Instant now = clock.instant();
        State state = state();
        if (state.unfinished()) {
            jdbc.update("update link_check_run set requested = false where id = 1");
            return Optional.of(state.lastProgramId());
        }
        boolean due = state.startedAt() == null || state.requested()
                || !state.startedAt().isAfter(now.minus(interval));
        if (!due) {
            return Optional.empty();
        }
        jdbc.update("update link_check_run set started_at = ?, finished_at = null, last_program_id = 0,"
                + " requested = false where id = 1", Timestamp.from(now));
        return Optional.of(0L);
    }

    /** Records the last program done: a pass cut short after it resumes after it. */
    void record(long lastProgramId) {
        jdbc.update("update link_check_run set last_program_id = ? where id = 1", lastProgramId);
    }

    /** Records the pass as finished now. */
    void finish() {
        jdbc.update("update link_check_run set finished_at = ?, last_program_id = 0 where id = 1",
                Timestamp.from(clock.instant()));
    }

    /** Asks for a pass at the task's next execution. */
    void request() {
        jdbc.update("update link_check_run set requested = true where id = 1");
    }

    State state() {
        List<State> states = jdbc.query("select started_at, finished_at, last_program_id, requested"
                + " from link_check_run where id = 1", (rs, n) -> new State(LinkCheckRows.instant(rs, "started_at"),
                LinkCheckRows.instant(rs, "finished_at"), rs.getLong("last_program_id"), rs.getBoolean("requested")));
        return states.isEmpty() ? new State(null, null, 0, false) : states.get(0);
    }
}
