package jp.tsunagari.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.tsunagari.system.JapanTime;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes a synthetic catalogue varied for the overview's figures, in plain SQL (the test's own database): what the
 * generator leaves uniform — 最終確認日, reviews, reconfirmation requests, link checks — and one program moved to a
 * designated-city ward.
 */
final class OverviewVariety {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final LocalDate today;

    OverviewVariety(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.today = JapanTime.today(clock);
    }

    /** 最終確認日 in every band, and on each boundary day (the boundary belongs to the older band). */
    void assuredAcrossBands() {
        LocalDate[] days = {today.minusDays(3), today.minusMonths(6), today.minusMonths(6).plusDays(1),
                today.minusMonths(9), today.minusMonths(12), today.minusMonths(12).plusDays(1), today.minusMonths(13),
                today.minusMonths(15), today.minusMonths(15).plusDays(1), today.minusMonths(30)};
        List<Long> ids = jdbc.queryForList("select id from program where status = 'PUBLISHED' order by id", Long.class);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            rows.add(new Object[] {days[i % days.length], ids.get(i)});
        }
        jdbc.batchUpdate("update program set assured_on = ? where id = ?", rows);
    }

    /** Twelve programs in review: waiting from 2 hours to 100 days, three returned; organizations in turn. */
    void reviews(List<String> organizations) {
        List<Long> ids = jdbc.queryForList("select id from program where id not in (select program_id from"
                + " program_review) order by id desc limit 12", Long.class);
        long[] hours = {2, 24, 72, 8 * 24, 20 * 24, 31 * 24, 100 * 24, 45 * 24, 6 * 24, 5 * 24, 50 * 24, 1};
        Instant now = clock.instant();
        for (int i = 0; i < ids.size(); i++) {
            Timestamp at = Timestamp.from(now.minus(Duration.ofHours(hours[i])));
            jdbc.update("insert into program_review (program_id, state, organization_code, submitted_by, submitted_at,"
                    + " updated_at) values (?, ?, ?, 'overview-test', ?, ?)", ids.get(i), i < 9 ? "SUBMITTED" : "RETURNED",
                    organizations.get(i % organizations.size()), at, at);
        }
    }

    /**
     * Requests for twenty 要再確認 programs: all asked, half reminded, a third escalated to the office; and link
     * requests (below).
     */
    void reconfirmations() {
        List<Object[]> due = jdbc.query("select id, assured_on from program where status = 'PUBLISHED'"
                + " and assured_on <= ? order by id limit 20", (rs, n) -> new Object[] {rs.getLong(1),
                rs.getObject(2, LocalDate.class)}, today.minusMonths(12));
        for (int i = 0; i < due.size(); i++) {
            jdbc.update("insert into reconfirmation (program_id, due_since, asked_on, reminded_on, escalated_on)"
                    + " values (?, ?, ?, ?, ?)", due.get(i)[0], due.get(i)[1], today.minusDays(40),
                    i % 2 == 0 ? today.minusDays(10) : null, i % 3 == 0 ? today.minusDays(2) : null);
        }
        // three recent programs in the queue for a link broken twice in a row (one escalated), and one request whose
        // program was confirmed since (its due_since is older than its assured_on: over, counted nowhere)
        List<Object[]> recent = jdbc.query("select id, assured_on from program where status = 'PUBLISHED'"
                + " and assured_on > ? order by id desc limit 4", (rs, n) -> new Object[] {rs.getLong(1),
                rs.getObject(2, LocalDate.class)}, today.minusMonths(12));
        for (int i = 0; i < recent.size(); i++) {
            jdbc.update("insert into reconfirmation (program_id, due_since, broken_link, asked_on, escalated_on)"
                    + " values (?, ?, ?, ?, ?)", recent.get(i)[0], i == 3 ? today.minusYears(3) : recent.get(i)[1],
                    i < 3, i == 3 ? today.minusDays(40) : null, i == 0 || i == 3 ? today.minusDays(1) : null);
        }
    }

    /**
     * Link checks: broken on a 要再確認 program, on a recent one, on a draft and on one of {@code municipality}'s;
     * a timeout on another recent one; one that works.
     */
    void links(String municipality) {
        long due = first("status = 'PUBLISHED' and assured_on <= ?", today.minusMonths(12));
        List<Long> recent = jdbc.queryForList("select id from program where status = 'PUBLISHED' and assured_on > ?"
                + " order by id limit 3", Long.class, today.minusMonths(6));
        long draft = first("status = 'DRAFT'");
        long own = first("status = 'PUBLISHED' and organizer_municipality_code = ?", municipality);
        Object[][] checks = {{due, "BROKEN"}, {recent.get(0), "BROKEN"}, {draft, "BROKEN"}, {own, "UNREACHABLE"},
                {recent.get(1), "TIMEOUT"}, {recent.get(2), "OK"}};
        Timestamp now = Timestamp.from(clock.instant());
        for (Object[] c : checks) {
            jdbc.update("insert into link_check (program_id, kind, url, outcome, http_status, checked_at,"
                    + " first_failed_at) values (?, 'OFFICIAL', 'https://example.jp/', ?, null, ?, ?)", c[0], c[1], now,
                    "OK".equals(c[1]) ? null : now);
        }
    }

    private long first(String where, Object... args) {
        return jdbc.queryForObject("select min(id) from program where " + where, Long.class, args);
    }

    /**
     * Moves the newest published program organized by another municipality to a ward of a designated city that
     * organizes nothing (nor do its wards); returns the program's id and the city's code.
     */
    String[] programToAWardOfACityWithout(String keep) {
        List<String[]> wards = jdbc.query("select w.lg_code, w.parent_lg_code, w.prefecture_code from municipality w"
                + " where w.parent_lg_code is not null and not exists (select 1 from program p left join municipality x"
                + " on x.lg_code = p.organizer_municipality_code where p.status = 'PUBLISHED' and"
                + " (p.organizer_municipality_code = w.parent_lg_code or x.parent_lg_code = w.parent_lg_code))"
                + " order by w.lg_code limit 1", (rs, n) -> new String[] {rs.getString(1), rs.getString(2),
                rs.getString(3)});
        String[] ward = wards.get(0);
        long program = jdbc.queryForObject("select max(id) from program where status = 'PUBLISHED'"
                + " and organizer_municipality_code is not null and organizer_municipality_code <> ?", Long.class, keep);
        jdbc.update("update program set organizer_municipality_code = ?, organizer_prefecture_code = ? where id = ?",
                ward[0], ward[2], program);
        return new String[] {Long.toString(program), ward[1]};
    }
}
