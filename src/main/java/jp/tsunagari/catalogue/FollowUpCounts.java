package jp.tsunagari.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the office's overview counts about keeping programs true, for every program or for one organization's (its
 * program ids, from {@link StaffProgramList#idsMaintainedBy}): published programs by the age of their 最終確認日
 * ({@code assured_on}, bands at 6 months and at {@link Freshness}'s 12 and 15), those whose maintainers were asked,
 * reminded and are still silent, programs needing attention, and reviews waiting by age. Each figure is one SQL
 * statement on an index: the published range of {@code program_assured_idx (status, assured_on, id)} (it holds every
 * column read, so no row is read), the {@code reconfirmation} rows (one per program asked), the programs with a broken
 * link by primary key, and the {@code program_review} rows (one per program in review).
 */
@Service
@Transactional(readOnly = true)
public class FollowUpCounts {

    /** The first band: confirmed within this. */
    public static final Period RECENT = Period.ofMonths(6);
    /** Reviews waiting under a week, under 30 days, or longer. */
    public static final Duration REVIEW_WEEK = Duration.ofDays(7);
    public static final Duration REVIEW_MONTH = Duration.ofDays(30);
    /** Up to this many programs of an organization are read by their primary key. */
    static final int BY_KEY = 500;

    /**
     * Published programs by 最終確認日 on {@code today}: after {@code recentAfter} (under 6 months); after
     * {@code dueOnOrBefore} (6 to 12 months); after {@code noticeOnOrBefore} (12 to 15 months: 要再確認); and the rest
     * (15 months or more: 要再確認, and the public pages say since when it has not been confirmed).
     */
    public record Bands(LocalDate today, LocalDate recentAfter, LocalDate dueOnOrBefore, LocalDate noticeOnOrBefore,
                        long recent, long halfYear, long due, long unconfirmed) {

        public long total() {
            return recent + halfYear + due + unconfirmed;
        }

        /** 要再確認: not confirmed for 12 months (15 months or more included). */
        public long dueOrLonger() {
            return due + unconfirmed;
        }
    }

    /** Reviews waiting (SUBMITTED) under 7 days, 7 to 30 days, 30 days or more; and those returned (RETURNED). */
    public record ReviewAges(long underWeek, long underMonth, long older, long returned) {

        public long waiting() {
            return underWeek + underMonth + older;
        }
    }

    private final JdbcTemplate jdbc;
    private final Freshness freshness;
    private final Clock clock;

    FollowUpCounts(JdbcTemplate jdbc, Freshness freshness, Clock clock) {
        this.jdbc = jdbc;
        this.freshness = freshness;
        this.clock = clock;
    }

    /**
     * Published programs by the age of their 最終確認日, today in Japan: of every program ({@code own} null: one
     * aggregate over the published range of {@code program_assured_idx}, no row read), or of those in {@code own}
     * (an organization's program ids, drafts included): a few by their primary key, more than {@value #BY_KEY} by one
     * pass over the same index range, counted here (reading that many rows would cost more).
     */
    public Bands bands(Collection<Long> own) {
        LocalDate today = freshness.today();
        LocalDate recent = today.minus(RECENT);
        LocalDate due = freshness.dueOnOrBefore(today);
        LocalDate notice = freshness.noticeOnOrBefore(today);
        long[] n = new long[4];
        if (own == null) {
            jdbc.query("select count(*), coalesce(sum(case when assured_on > ? then 1 else 0 end), 0),"
                    + " coalesce(sum(case when assured_on > ? then 1 else 0 end), 0),"
                    + " coalesce(sum(case when assured_on > ? then 1 else 0 end), 0)"
                    + " from program where status = 'PUBLISHED'", (ResultSet rs) -> {
                n[3] = rs.getLong(1) - rs.getLong(4);
                n[2] = rs.getLong(4) - rs.getLong(3);
                n[1] = rs.getLong(3) - rs.getLong(2);
                n[0] = rs.getLong(2);
            }, recent, due, notice);
        } else {
            RowCallbackHandler count = rs -> {
                LocalDate day = rs.getObject(2, LocalDate.class);
                n[day.isAfter(recent) ? 0 : day.isAfter(due) ? 1 : day.isAfter(notice) ? 2 : 3]++;
            };
            if (own.size() <= BY_KEY) {
                withIds("select id, assured_on from program where status = 'PUBLISHED' and id = any (?)", own, count);
            } else {
                Set<Long> ids = new HashSet<>(own);
                jdbc.query("select id, assured_on from program where status = 'PUBLISHED'", rs -> {
                    if (ids.contains(rs.getLong(1))) {
                        count.processRow(rs);
                    }
                });
            }
        }
        return new Bands(today, recent, due, notice, n[0], n[1], n[2], n[3]);
    }

    /**
     * Programs whose maintainers were asked, reminded, and the office told ({@code escalated_on} set), still not
     * confirmed (a confirmation removes the request): of every program, or of those in {@code own}. One statement over
     * the requests, which are narrow rows.
     */
    public long overdue(Collection<Long> own) {
        return queue(own, "r.escalated_on is not null", null);
    }

    /**
     * Published programs in the re-confirmation queue for a link broken in two passes in a row that are not 要再確認
     * by date (those are in {@code bands}): with {@link Bands#dueOrLonger}, the staff list's 「要再確認」 filter.
     */
    public long linkFlagged(Bands bands, Collection<Long> own) {
        return queue(own, "r.broken_link and p.assured_on > ?", bands.dueOnOrBefore());
    }

    /** Requests still current (their program published and not confirmed since) that meet {@code condition}. */
    private long queue(Collection<Long> own, String condition, LocalDate day) {
        String sql = " from reconfirmation r join program p on p.id = r.program_id where p.status = 'PUBLISHED'"
                + " and p.assured_on = r.due_since and " + condition;
        Object[] args = day == null ? new Object[0] : new Object[] {java.sql.Date.valueOf(day)};
        if (own == null) {
            Long n = jdbc.queryForObject("select count(*)" + sql, Long.class, args);
            return n == null ? 0 : n;
        }
        Set<Long> ids = new HashSet<>(own);
        return jdbc.queryForList("select r.program_id" + sql, Long.class, args).stream().filter(ids::contains).count();
    }

    /** Reviews waiting by how long ago they were submitted, and those returned. */
    public ReviewAges reviews(String organization) {
        Instant now = clock.instant();
        Timestamp week = Timestamp.from(now.minus(REVIEW_WEEK));
        Timestamp month = Timestamp.from(now.minus(REVIEW_MONTH));
        List<Object> args = new ArrayList<>(List.of(week, week, month, month));
        String where = "";
        if (organization != null) {
            where = " where r.organization_code = ?";
            args.add(organization);
        }
        return jdbc.queryForObject("select"
                + " coalesce(sum(case when r.state = 'SUBMITTED' and r.submitted_at > ? then 1 else 0 end), 0),"
                + " coalesce(sum(case when r.state = 'SUBMITTED' and r.submitted_at <= ? and r.submitted_at > ?"
                + " then 1 else 0 end), 0),"
                + " coalesce(sum(case when r.state = 'SUBMITTED' and r.submitted_at <= ? then 1 else 0 end), 0),"
                + " coalesce(sum(case when r.state = 'RETURNED' then 1 else 0 end), 0)"
                + " from program_review r" + where, (rs, n) -> new ReviewAges(rs.getLong(1), rs.getLong(2),
                rs.getLong(3), rs.getLong(4)), args.toArray());
    }

    private void withIds(String sql, Collection<Long> ids, RowCallbackHandler each) {
        Long[] array = ids.toArray(Long[]::new);
        jdbc.query((Connection c) -> {
            PreparedStatement s = c.prepareStatement(sql);
            s.setArray(1, c.createArrayOf("BIGINT", array));
            return s;
        }, each);
    }
}
