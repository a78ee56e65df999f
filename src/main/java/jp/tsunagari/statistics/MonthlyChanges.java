package jp.tsunagari.statistics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import jp.tsunagari.system.ChangeMarker;
import jp.tsunagari.system.JapanTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * New and changed programs per month (in Japan) over the last {@value #MONTHS} months, from the public history: a
 * program is <em>new</em> in the month of its first published version and <em>changed</em> in a month with a later
 * published version (deletions and the 「INITIAL」 rows that record the content before the first change are not
 * versions; the seed's programs, published before history was kept, are in no month). One aggregate query
 * (distinct programs per month and kind, counted by the database: no history row is read into memory), kept until
 * the catalogue's change marker moves and at least {@link #REFRESH} has passed — so a request costs one read of the
 * marker, and the aggregate runs at most once per {@link #REFRESH} per instance however many edits come.
 */
@Component
public class MonthlyChanges {

    static final int MONTHS = 12;
    static final Duration REFRESH = Duration.ofSeconds(60);

    /** One month: programs first published in it, and programs with a later published version in it. */
    public record Month(YearMonth month, long created, long changed) {
    }

    /** The months, oldest first, and when they were counted. */
    public record Counted(List<Month> months, Instant at, long marker) {
    }

    private final JdbcTemplate jdbc;
    private final ChangeMarker marker;
    private final Clock clock;
    private volatile Counted kept;

    MonthlyChanges(JdbcTemplate jdbc, ChangeMarker marker, Clock clock) {
        this.jdbc = jdbc;
        this.marker = marker;
        this.clock = clock;
    }

    Counted months() {
        Counted now = kept;
        Instant at = clock.instant();
        YearMonth month = YearMonth.now(clock.withZone(JapanTime.ZONE));
        if (now != null && now.months().getLast().month().equals(month)
                && (now.marker() == marker.current() || at.isBefore(now.at().plus(REFRESH)))) {
            return now;
        }
        synchronized (this) {
            long current = marker.current();
            Counted counted = new Counted(count(month), at, current);
            kept = counted;
            return counted;
        }
    }

    private List<Month> count(YearMonth last) {
        YearMonth first = last.minusMonths(MONTHS - 1);
        StringBuilder sql = new StringBuilder("select ");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            Timestamp from = start(first.plusMonths(i));
            Timestamp to = start(first.plusMonths(i + 1));
            sql.append(i == 0 ? "" : ", ").append("count(distinct case when changed_at >= ? and changed_at < ?")
                    .append(" and first_version = 1 then program_id end), count(distinct case when changed_at >= ?")
                    .append(" and changed_at < ? and first_version = 0 then program_id end)");
            args.addAll(List.of(from, to, from, to));
        }
        sql.append(" from (select r.program_id, r.changed_at, case when exists (select 1 from program_revision e")
                .append(" where e.program_id = r.program_id and e.revision < r.revision and e.status = 'PUBLISHED'")
                .append(" and e.action <> 'DELETE') then 0 else 1 end first_version from program_revision r")
                .append(" where r.changed_at >= ? and r.status = 'PUBLISHED' and r.action not in ('DELETE', 'INITIAL'))")
                .append(" t");
        args.add(start(first));
        return jdbc.query(sql.toString(), rs -> {
            rs.next();
            List<Month> months = new ArrayList<>();
            for (int i = 0; i < MONTHS; i++) {
                months.add(new Month(first.plusMonths(i), rs.getLong(2 * i + 1), rs.getLong(2 * i + 2)));
            }
            return months;
        }, args.toArray());
    }

    private static Timestamp start(YearMonth month) {
        return Timestamp.from(month.atDay(1).atStartOfDay(JapanTime.ZONE).toInstant());
    }
}
