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
 * The {@code link_check_run} row: which instance checks, until when its lease holds, when the current or last pass
 * started and finished, how far it got, and whether the office asked for a pass now. Taking the lease is one
 * conditional update, so of several instances (docs/operations.md) exactly one wins; the others see it held.
 */
@Component
class RunLease {

    /** The state of the passes, for the admin page. */
    record State(Instant startedAt, Instant finishedAt, long lastProgramId, boolean requested, boolean held) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RunLease(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Takes the lease for {@code holder} if nobody holds it and a pass is due: one was cut short (resumed), none ever
     * ran, one was asked for, or the last one started at least {@code interval} ago. Returns the program id to resume
     * after (0 for a new pass), or empty if not taken.
     */
    Optional<Long> take(String holder, Duration interval, Duration lease) {
        Instant now = clock.instant();
        int taken = jdbc.update("update link_check_run set holder = ?, lease_until = ? where id = 1"
                        + " and (lease_until is null or lease_until < ?)"
                        + " and (finished_at is null or requested or started_at <= ?)",
                holder, ts(now.plus(lease)), ts(now), ts(now.minus(interval)));
        if (taken == 0) {
            return Optional.empty();
        }
        State state = state();
        if (state.startedAt() != null && state.finishedAt() == null) {
            jdbc.update("update link_check_run set requested = false where id = 1 and holder = ?", holder);
            return Optional.of(state.lastProgramId());
        }
        jdbc.update("update link_check_run set started_at = ?, finished_at = null, last_program_id = 0,"
                + " requested = false where id = 1 and holder = ?", ts(now), holder);
        return Optional.of(0L);
    }

    /** Records progress and extends the lease; false if the lease was lost (then the holder must stop). */
    boolean renew(String holder, long lastProgramId, Duration lease) {
        return jdbc.update("update link_check_run set lease_until = ?, last_program_id = ? where id = 1 and holder = ?",
                ts(clock.instant().plus(lease)), lastProgramId, holder) == 1;
    }

    /** Gives the lease back; the pass is finished if {@code finished}, else it resumes after {@code lastProgramId}. */
    void release(String holder, long lastProgramId, boolean finished) {
        jdbc.update("update link_check_run set holder = null, lease_until = null, last_program_id = ?,"
                        + " finished_at = ? where id = 1 and holder = ?",
                finished ? 0 : lastProgramId, finished ? ts(clock.instant()) : null, holder);
    }

    /** Asks for a pass at the next look of any enabled instance. */
    void request() {
        jdbc.update("update link_check_run set requested = true where id = 1");
    }

    State state() {
        List<State> states = jdbc.query("select started_at, finished_at, last_program_id, requested, lease_until"
                + " from link_check_run where id = 1", (rs, n) -> {
            Instant leaseUntil = LinkCheckRows.instant(rs, "lease_until");
            return new State(LinkCheckRows.instant(rs, "started_at"), LinkCheckRows.instant(rs, "finished_at"),
                    rs.getLong("last_program_id"), rs.getBoolean("requested"),
                    leaseUntil != null && leaseUntil.isAfter(clock.instant()));
        });
        return states.isEmpty() ? new State(null, null, 0, false, false) : states.get(0);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
