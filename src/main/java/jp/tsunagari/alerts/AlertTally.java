package jp.tsunagari.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The numbers the office sees of the alerts ({@code alert_tally}): confirmed subscriptions in all, per kind, per
 * frequency, per category filter and per prefecture (a search's prefecture filter, or the hometown a checker
 * subscription answered), and those waiting for confirmation. Counted by the digest job at most once a day — one
 * pass over the subscriptions, so no page view ever reads them — and never an address.
 */
@Component
class AlertTally {

    static final Duration EVERY = Duration.ofDays(1);

    /** One count: its dimension, value and number. */
    record Count(String dimension, String value, long n) {
    }

    /** The counts and when they were made (null if never). */
    record Counts(List<Count> counts, Instant countedAt) {

        public long of(String dimension, String value) {
            return counts.stream().filter(c -> c.dimension().equals(dimension) && c.value().equals(value))
                    .mapToLong(Count::n).findFirst().orElse(0);
        }

        public List<Count> in(String dimension) {
            return counts.stream().filter(c -> c.dimension().equals(dimension)).toList();
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AlertTally(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    Counts read() {
        List<Instant> at = new ArrayList<>();
        List<Count> counts = jdbc.query("select dimension, tally_value, n, counted_at from alert_tally"
                + " order by dimension, tally_value", (rs, i) -> {
            at.add(rs.getTimestamp(4).toInstant());
            return new Count(rs.getString(1), rs.getString(2), rs.getLong(3));
        });
        return new Counts(counts, at.isEmpty() ? null : at.get(0));
    }

    /** Counts again if the last count is a day old (or none was made). */
    void countIfDue() {
        Counts last = read();
        if (last.countedAt() == null || last.countedAt().isBefore(clock.instant().minus(EVERY))) {
            count();
        }
    }

    void count() {
        Map<String, Long> n = new TreeMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select status, kind, frequency, conditions from alert_subscription");
            ps.setFetchSize(1000);
            return ps;
        }, rs -> {
            if (!"CONFIRMED".equals(rs.getString(1))) {
                n.merge("pending|all", 1L, Long::sum);
                return;
            }
            n.merge("total|all", 1L, Long::sum);
            n.merge("kind|" + rs.getString(2).toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
            n.merge("frequency|" + rs.getString(3).toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
            var params = UriComponentsBuilder.fromUriString("/?" + rs.getString(4)).build().getQueryParams();
            params.getOrDefault("category", List.of()).forEach(c -> n.merge("category|" + c, 1L, Long::sum));
            params.getOrDefault("pref", List.of()).forEach(p -> n.merge("pref|" + p, 1L, Long::sum));
            String hometown = params.getFirst("hometown");
            if (hometown != null && hometown.length() >= 2 && hometown.matches("\\d+")) {
                n.merge("pref|" + hometown.substring(0, 2), 1L, Long::sum);
            }
        });
        Timestamp now = Timestamp.from(clock.instant());
        transactions.executeWithoutResult(t -> {
            jdbc.update("delete from alert_tally");
            n.forEach((key, value) -> jdbc.update("insert into alert_tally (dimension, tally_value, n, counted_at)"
                    + " values (?, ?, ?, ?)", key.substring(0, key.indexOf('|')), key.substring(key.indexOf('|') + 1),
                    value, now));
            if (n.isEmpty()) {
                jdbc.update("insert into alert_tally (dimension, tally_value, n, counted_at) values ('total', 'all', 0, ?)",
                        now);
            }
        });
    }
}
