package jp.tsunagari.statistics;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.tsunagari.system.ChangeMarker;
import jp.tsunagari.system.JapanTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * New and changed programs per month (in Japan) over the last {@value #MONTHS} months, from the public history: a
 * program is <em>new</em> in the month of its first published version and <em>changed</em> in a month with a later
 * published version (deletions and the 「INITIAL」 rows that record the content before the first change are not
 * versions; the seed's programs, published before history was kept, are in no month). One aggregate query
 * (distinct programs per month and kind, counted by the database: no history row is read into memory). It reads the
 * history of the last twelve months, 4–7 s at 100,000 programs with 200,000 history rows in H2, so it never runs on
 * a request after the first: it runs once when the application is ready, and again on its own thread when a request
 * finds the change marker moved (at most once per {@code catalogue.statistics.refresh}, default 60 s) or a new month
 * begun; meanwhile requests get the counts kept, with the time they were counted.
 */
@Component
public class MonthlyChanges {

    static final int MONTHS = 12;

    /** One month: programs first published in it, and programs with a later published version in it. */
    public record Month(YearMonth month, long created, long changed) {
    }

    /** The months, oldest first, when they were counted, and the change marker they were counted at. */
    public record Counted(List<Month> months, Instant at, long marker) {
    }

    private static final Logger log = LoggerFactory.getLogger(MonthlyChanges.class);

    private final JdbcTemplate jdbc;
    private final ChangeMarker marker;
    private final Clock clock;
    private final Duration refresh;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "statistics-months");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Counted kept;

    MonthlyChanges(JdbcTemplate jdbc, ChangeMarker marker, Clock clock,
                   @Value("${catalogue.statistics.refresh:PT60S}") Duration refresh) {
        this.jdbc = jdbc;
        this.marker = marker;
        this.clock = clock;
        this.refresh = refresh;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        refreshLater();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** The counts kept (counted now if there are none yet); a refresh is started when they are out of date. */
    Counted months() {
        Counted now = kept;
        if (now == null) {
            return first();
        }
        boolean sameMonth = now.months().getLast().month().equals(YearMonth.now(clock.withZone(JapanTime.ZONE)));
        if (!sameMonth || clock.instant().isAfter(now.at().plus(refresh)) && marker.current() != now.marker()) {
            refreshLater();
        }
        return now;
    }

    /** The first counts: those the start-up count is making (waiting for it), or counted now. */
    private synchronized Counted first() {
        return kept != null ? kept : refreshNow();
    }

    /** Counts now, on the calling thread, and keeps the result. */
    synchronized Counted refreshNow() {
        long current = marker.current();
        Instant at = clock.instant();
        Counted counted = new Counted(count(YearMonth.now(clock.withZone(JapanTime.ZONE))), at, current);
        kept = counted;
        return counted;
    }

    private void refreshLater() {
        if (refreshing.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    try {
                        refreshNow();
                    } catch (RuntimeException e) {
                        log.warn("Counting the history's months failed; the counts kept stay ({})", e.toString());
                    } finally {
                        refreshing.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                refreshing.set(false);
            }
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
