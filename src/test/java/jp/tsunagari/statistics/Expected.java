package jp.tsunagari.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The charts' figures counted again straight from the tables, with the rules spelled out here rather than taken from
 * the code under test: a published program that has not ended (lifecycle not 終了, its end month not past) counts in
 * its organizer's prefecture and in each example group's prefecture, and in those prefectures' regions, once each;
 * history months in Japan time, a program new in the month of its first published version.
 */
final class Expected {

    private static final String LIVE = " from program p where p.status = 'PUBLISHED' and p.lifecycle <> 'ENDED'"
            + " and (p.end_year is null or p.end_year * 100 + coalesce(p.end_month, 12) >= ?)";
    private static final String PLACES = "(select id program_id, organizer_prefecture_code pref from program"
            + " where organizer_prefecture_code is not null union select program_id, prefecture_code from example_group"
            + " where prefecture_code is not null)";

    private final JdbcTemplate jdbc;
    private final int month;

    Expected(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        YearMonth now = YearMonth.now(clock.withZone(ZoneId.of("Asia/Tokyo")));
        this.month = now.getYear() * 100 + now.getMonthValue();
    }

    /** Category code → programs. */
    Map<String, Long> categories() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("select p.category_code, count(*)" + LIVE + " group by p.category_code",
                rs -> { counts.put(rs.getString(1), rs.getLong(2)); }, month);
        return counts;
    }

    /** Category code → region code → programs. */
    Map<String, Map<String, Long>> categoryRegions() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        jdbc.query("select p.category_code, r.region_code, count(distinct p.id)" + LIVE.replace("from program p",
                        "from program p join " + PLACES + " pl on pl.program_id = p.id join prefecture r on r.code = pl.pref")
                        + " group by p.category_code, r.region_code",
                rs -> { counts.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3)); },
                month);
        return counts;
    }

    /** Prefecture code → programs. */
    Map<String, Long> prefectures() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("select pl.pref, count(distinct p.id)" + LIVE.replace("from program p",
                        "from program p join " + PLACES + " pl on pl.program_id = p.id") + " group by pl.pref",
                rs -> { counts.put(rs.getString(1), rs.getLong(2)); }, month);
        return counts;
    }

    /** The live programs with a reach figure: id → their first figure (position order), largest first. */
    List<long[]> reach(int top) {
        List<long[]> rows = new ArrayList<>();
        jdbc.query("select p.id, m.metric_value, (select max(x.metric_value) from reach_metric x where x.program_id = p.id)"
                        + LIVE.replace("from program p", "from program p join reach_metric m on m.program_id = p.id")
                        + " and m.position = (select min(y.position) from reach_metric y where y.program_id = p.id)"
                        + " order by 3 desc, p.id",
                rs -> { rows.add(new long[] {rs.getLong(1), rs.getLong(2)}); }, month);
        return rows.subList(0, Math.min(top, rows.size()));
    }

    /** A program's first reach figure: its label, unit and as-of date (YYYY-MM-DD), joined by spaces. */
    String reachKind(long program) {
        return jdbc.queryForObject("select label_ja || ' ' || unit_ja || ' ' || cast(as_of as varchar) from reach_metric"
                + " where program_id = ? order by position limit 1", String.class, program);
    }

    /** Month → {new, changed}: every published revision read here and counted in Java. */
    Map<YearMonth, long[]> months() {
        Map<Long, Instant> first = new HashMap<>();
        List<Object[]> versions = new ArrayList<>();
        jdbc.query("select program_id, changed_at, action from program_revision where status = 'PUBLISHED'"
                + " and action <> 'DELETE' order by program_id, revision", rs -> {
            long id = rs.getLong(1);
            Instant at = rs.getObject(2, java.time.OffsetDateTime.class).toInstant();
            first.putIfAbsent(id, at);
            if (!"INITIAL".equals(rs.getString(3))) {
                versions.add(new Object[] {id, at});
            }
        });
        Map<YearMonth, Set<Long>> created = new HashMap<>();
        Map<YearMonth, Set<Long>> changed = new HashMap<>();
        for (Object[] v : versions) {
            YearMonth m = YearMonth.from(((Instant) v[1]).atZone(ZoneId.of("Asia/Tokyo")));
            boolean isFirst = first.get((Long) v[0]).equals(v[1]);
            (isFirst ? created : changed).computeIfAbsent(m, k -> new HashSet<>()).add((Long) v[0]);
        }
        Map<YearMonth, long[]> months = new TreeMap<>();
        Set<YearMonth> all = new HashSet<>(created.keySet());
        all.addAll(changed.keySet());
        all.forEach(m -> months.put(m, new long[] {created.getOrDefault(m, Set.of()).size(),
                changed.getOrDefault(m, Set.of()).size()}));
        return months;
    }
}
