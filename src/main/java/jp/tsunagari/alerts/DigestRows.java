package jp.tsunagari.alerts;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The {@code alert_run}, {@code alert_list} and {@code alert_mail} tables (Flyway V18, V21), in plain SQL. */
@Component
class DigestRows {

    /** A digest run: its frequency and period, the revisions it covers, its state. */
    record Run(long id, Frequency frequency, String period, long from, long to, String state) {
    }

    /** A mail to send: its subscription, the programs it lists and how many matched, the attempts so far. */
    record Delivery(long subscriptionId, List<Long> programIds, int matched, int attempts) {
    }

    /** A list of programs to record, once per run: its number in the run, the programs listed, how many matched. */
    record NewList(int listNo, List<Long> programIds, int matched) {
    }

    /** A mail to record: its subscription and the number of its list. */
    record NewDelivery(long subscriptionId, int listNo) {
    }

    private final JdbcTemplate jdbc;

    DigestRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the next run of this frequency starts: the previous run's end, if any. */
    Optional<Long> lastTo(Frequency f) {
        return Optional.ofNullable(jdbc.queryForObject("select max(to_revision) from alert_run where frequency = ?",
                Long.class, f.name()));
    }

    /** Where the first run of a frequency starts: the earliest start of its confirmed subscriptions' mail. */
    Optional<Long> earliestStart(Frequency f) {
        return Optional.ofNullable(jdbc.queryForObject("select min(since_revision) from alert_subscription"
                + " where status = 'CONFIRMED' and frequency = ?", Long.class, f.name()));
    }

    boolean exists(Frequency f, String period) {
        return !jdbc.queryForList("select id from alert_run where frequency = ? and period_key = ?", Long.class,
                f.name(), period).isEmpty();
    }

    /** Creates the period's run; false if another instance (or an earlier look) already did. */
    boolean create(Frequency f, String period, long from, long to, Instant now) {
        try {
            jdbc.update("insert into alert_run (frequency, period_key, from_revision, to_revision, state, started_at)"
                    + " values (?, ?, ?, ?, 'MATCHING', ?)", f.name(), period, from, to, Timestamp.from(now));
            return true;
        } catch (DuplicateKeyException done) {
            return false;
        }
    }

    List<Run> unfinished() {
        return jdbc.query("select id, frequency, period_key, from_revision, to_revision, state from alert_run"
                + " where state <> 'DONE' order by id", (rs, n) -> new Run(rs.getLong(1),
                Frequency.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getString(6)));
    }

    void state(long runId, String state, Instant now) {
        jdbc.update("update alert_run set state = ?, finished_at = ? where id = ?", state,
                "DONE".equals(state) ? Timestamp.from(now) : null, runId);
    }

    /**
     * Forgets what a run cut short while matching had recorded (it matches again from the start) — only while it is
     * still MATCHING: never the mails of a run another execution has begun to send.
     */
    @Transactional
    void clear(long runId) {
        for (String table : List.of("alert_mail", "alert_list")) {
            jdbc.update("delete from " + table + " where run_id = ? and exists (select 1 from alert_run where id = ?"
                    + " and state = 'MATCHING')", runId, runId);
        }
    }

    /**
     * Records lists and mails, in one transaction: without one, H2 commits (and writes to its file) after every row of
     * the batch, which made this most of a digest's matching time at a million subscriptions.
     */
    @Transactional
    void insert(long runId, List<NewList> lists, List<NewDelivery> deliveries) {
        jdbc.batchUpdate("insert into alert_list (run_id, list_no, program_ids, matched) values (?, ?, ?, ?)", lists,
                500, (PreparedStatement ps, NewList l) -> {
                    ps.setLong(1, runId);
                    ps.setInt(2, l.listNo());
                    ps.setString(3, joined(l.programIds()));
                    ps.setInt(4, l.matched());
                });
        // a subscription deleted since it was read (one-click unsubscribe) gets no mail, and fails nothing
        jdbc.batchUpdate("insert into alert_mail (run_id, subscription_id, list_no, state) select ?, id, ?, 'PENDING'"
                + " from alert_subscription where id = ?", deliveries, 500, (PreparedStatement ps, NewDelivery d) -> {
                    ps.setLong(1, runId);
                    ps.setInt(2, d.listNo());
                    ps.setLong(3, d.subscriptionId());
                });
    }

    /**
     * Mails of a run left in SENDING by an instance that stopped between marking and recording the server's answer:
     * sent again (the server may not have accepted them; see docs/operations.md for the one case that repeats one).
     */
    int retryInterrupted(long runId) {
        return jdbc.update("update alert_mail set state = 'PENDING' where run_id = ? and state = 'SENDING'", runId);
    }

    /**
     * The next mails of a run that are due, with their lists, in order. Ordered by the whole index (run, state,
     * subscription): H2 then reads the first rows of the index and stops, where ordering by the subscription alone made
     * it read and sort every waiting mail of the run on each call (seconds at 700,000 mails, once per 100 mails sent).
     */
    List<Delivery> due(long runId, Instant now, int n) {
        return jdbc.query("select m.subscription_id, l.program_ids, l.matched, m.attempts from alert_mail m"
                + " join alert_list l on l.run_id = m.run_id and l.list_no = m.list_no where m.run_id = ?"
                + " and m.state = 'PENDING' and (m.next_attempt_at is null or m.next_attempt_at <= ?)"
                + " order by m.run_id, m.state, m.subscription_id fetch first " + n + " rows only",
                (rs, i) -> new Delivery(rs.getLong(1), ids(rs.getString(2)), rs.getInt(3), rs.getInt(4)),
                runId, Timestamp.from(now));
    }

    /** Mails of a run still to send (now or later). */
    long waiting(long runId) {
        Long n = jdbc.queryForObject("select count(*) from alert_mail where run_id = ? and state in ('PENDING',"
                + " 'SENDING')", Long.class, runId);
        return n == null ? 0 : n;
    }

    /** Marks a mail as being sent; false if another sender took it. */
    boolean take(long runId, long subscriptionId) {
        return jdbc.update("update alert_mail set state = 'SENDING', attempts = attempts + 1 where run_id = ?"
                + " and subscription_id = ? and state = 'PENDING'", runId, subscriptionId) == 1;
    }

    void sent(long runId, long subscriptionId, Instant now) {
        jdbc.update("update alert_mail set state = 'SENT', sent_at = ? where run_id = ? and subscription_id = ?",
                Timestamp.from(now), runId, subscriptionId);
    }

    /** A failed send: again at {@code next}, or given up (FAILED) when {@code next} is null. */
    void failed(long runId, long subscriptionId, Instant next) {
        jdbc.update("update alert_mail set state = ?, next_attempt_at = ? where run_id = ? and subscription_id = ?",
                next == null ? "FAILED" : "PENDING", next == null ? null : Timestamp.from(next), runId, subscriptionId);
    }

    /** Forgets runs (and their mails) finished before {@code before}, but each frequency's last; how many. */
    int forgetRuns(Instant before) {
        return jdbc.update("delete from alert_run where state = 'DONE' and finished_at < ? and id not in"
                + " (select max(id) from alert_run group by frequency)", Timestamp.from(before));
    }

    /** The ids as kept, comma-separated (digits appended directly: no string per id, 900,000 mails a day). */
    private static String joined(List<Long> ids) {
        StringBuilder b = new StringBuilder(ids.size() * 7);
        for (Long id : ids) {
            if (!b.isEmpty()) {
                b.append(',');
            }
            b.append(id.longValue());
        }
        return b.toString();
    }

    private static List<Long> ids(String joined) {
        return joined == null || joined.isEmpty() ? List.of()
                : java.util.Arrays.stream(joined.split(",")).map(Long::valueOf).toList();
    }
}
