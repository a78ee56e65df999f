package jp.tsunagari.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import jp.tsunagari.place.LgCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the office's overview counts about keeping programs true, for every program ({@code organization} null) or
 * for those one organization maintains (the rule of {@link StaffProgramList}'s organization filter): published
 * programs by the age of their 最終確認日 ({@code assured_on}, bands at 6 months and at {@link Freshness}'s 12 and 15),
 * those whose maintainers were asked, reminded and are still silent, and reviews waiting by age. Each figure is one
 * SQL statement on an index: the published programs' range of {@code program_assured_idx (status, assured_on, id)}
 * (the index holds every column read, so no row is visited), the {@code reconfirmation} rows (one per program asked)
 * and the {@code program_review} rows (one per program in review).
 */
@Service
@Transactional(readOnly = true)
public class FollowUpCounts {

    /** The first band: confirmed within this. */
    public static final Period RECENT = Period.ofMonths(6);
    /** Reviews waiting under a week, under 30 days, or longer. */
    public static final Duration REVIEW_WEEK = Duration.ofDays(7);
    public static final Duration REVIEW_MONTH = Duration.ofDays(30);

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

    /** Published programs by the age of their 最終確認日, today in Japan. */
    public Bands bands(String organization) {
        LocalDate today = freshness.today();
        LocalDate recent = today.minus(RECENT);
        LocalDate due = freshness.dueOnOrBefore(today);
        LocalDate notice = freshness.noticeOnOrBefore(today);
        List<Object> args = new ArrayList<>(List.of(recent, due, notice));
        String sql = "select count(*), coalesce(sum(case when p.assured_on > ? then 1 else 0 end), 0),"
                + " coalesce(sum(case when p.assured_on > ? then 1 else 0 end), 0),"
                + " coalesce(sum(case when p.assured_on > ? then 1 else 0 end), 0)"
                + " from program p where p.status = 'PUBLISHED'" + scope(organization, "p.id", args);
        return jdbc.queryForObject(sql, (rs, n) -> {
            long all = rs.getLong(1);
            long afterRecent = rs.getLong(2);
            long afterDue = rs.getLong(3);
            long afterNotice = rs.getLong(4);
            return new Bands(today, recent, due, notice, afterRecent, afterDue - afterRecent, afterNotice - afterDue,
                    all - afterNotice);
        }, args.toArray());
    }

    /** Programs whose maintainers were asked, reminded, and the office told (escalated), still not confirmed. */
    public long overdue(String organization) {
        List<Object> args = new ArrayList<>();
        return count("select count(*) from reconfirmation r where r.escalated_on is not null"
                + scope(organization, "r.program_id", args), args);
    }

    /**
     * Programs that need attention: 要再確認 ({@code bands}' {@link Bands#dueOrLonger}), and besides those the
     * programs of {@code brokenLinks} (ids of programs with a broken link, already limited to what the person may
     * see) that are not 要再確認 — drafts included. One statement, by the primary key.
     */
    public long attention(Bands bands, List<Long> brokenLinks) {
        if (brokenLinks.isEmpty()) {
            return bands.dueOrLonger();
        }
        Long[] ids = brokenLinks.stream().distinct().toArray(Long[]::new);
        List<Long> others = jdbc.query((Connection c) -> {
            PreparedStatement s = c.prepareStatement("select count(*) from program where id = any (?)"
                    + " and not (status = 'PUBLISHED' and assured_on <= ?)");
            s.setArray(1, c.createArrayOf("BIGINT", ids));
            s.setObject(2, bands.dueOnOrBefore());
            return s;
        }, (rs, n) -> rs.getLong(1));
        return bands.dueOrLonger() + (others.isEmpty() ? 0 : others.get(0));
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

    private long count(String sql, List<Object> args) {
        Long n = jdbc.queryForObject(sql, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /**
     * " and {column} in (…)": the programs {@code organization} maintains, as {@link StaffProgramList} lists them — a
     * municipality's: those it organizes; a prefecture's (its own 6-digit code): those it organizes without a
     * municipality, and those with an example group in it. Empty for the office (null).
     */
    static String scope(String organization, String column, List<Object> args) {
        if (organization == null) {
            return "";
        }
        String prefecture = LgCode.prefectureOf(organization);
        if (prefecture == null) {
            args.add(organization);
            return " and " + column + " in (select id from program where organizer_municipality_code = ?)";
        }
        args.add(prefecture);
        args.add(prefecture);
        return " and " + column + " in (select id from program where organizer_prefecture_code = ?"
                + " and organizer_municipality_code is null"
                + " union select program_id from example_group where prefecture_code = ?)";
    }
}
