package jp.tsunagari.needs;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The table {@code unmet_need} (Flyway V25): counts per day, kind and item, to which every instance adds its own.
 * Adding is an update, and for a key the day has not seen yet an insert — which, when another instance inserted the
 * same key in between, fails on the primary key and becomes the update: plain SQL that H2 (PostgreSQL mode) and
 * PostgreSQL run alike, each statement committed on its own. A day keeps at most {@code textsPerDay} search texts:
 * once it has them, the counts of new texts are added to {@link NeedsTally#OVER_DAY_LIMIT} instead (a few more can
 * get in when instances insert at the same moment).
 */
@Component
class NeedRows {

    private static final String ADD = "update unmet_need set n = n + ? where counted_on = ? and kind = ? and item = ?";
    private static final String INSERT = "insert into unmet_need (counted_on, kind, item, n) values (?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    NeedRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the counts: first the keys already stored, in one batch; then the new ones, the most counted first (so a
     * day that reaches its limit keeps the texts searched most often in this batch).
     */
    void add(Map<NeedsTally.Key, Long> counts, int textsPerDay) {
        if (counts.isEmpty()) {
            return;
        }
        List<Map.Entry<NeedsTally.Key, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<NeedsTally.Key, Long>comparingByValue(Comparator.reverseOrder()));
        List<Object[]> args = entries.stream().map(e -> row(e.getKey(), e.getValue())).toList();
        int[] updated = jdbc.batchUpdate(ADD, args);
        Map<LocalDate, Integer> stored = new HashMap<>();
        Map<LocalDate, Long> overLimit = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (updated[i] != 0) {
                continue;
            }
            NeedsTally.Key key = entries.get(i).getKey();
            long n = entries.get(i).getValue();
            if (key.kind() == Kind.SEARCH) {
                int texts = stored.computeIfAbsent(key.day(), this::texts);
                if (texts >= textsPerDay) {
                    overLimit.merge(key.day(), n, Long::sum);
                    continue;
                }
                stored.put(key.day(), texts + 1);
            }
            insertOrAdd(key, n);
        }
        overLimit.forEach((day, n) -> addOne(new NeedsTally.Key(day, Kind.NOT_KEPT, NeedsTally.OVER_DAY_LIMIT), n));
    }

    private void addOne(NeedsTally.Key key, long n) {
        if (jdbc.update(ADD, row(key, n)) == 0) {
            insertOrAdd(key, n);
        }
    }

    void insertOrAdd(NeedsTally.Key key, long n) {
        try {
            jdbc.update(INSERT, Date.valueOf(key.day()), key.kind().code, key.item(), n);
        } catch (DuplicateKeyException another) {
            jdbc.update(ADD, row(key, n));
        }
    }

    private static Object[] row(NeedsTally.Key key, long n) {
        return new Object[] {n, Date.valueOf(key.day()), key.kind().code, key.item()};
    }

    /** Search texts stored for the day. */
    private int texts(LocalDate day) {
        Integer n = jdbc.queryForObject("select count(*) from unmet_need where counted_on = ? and kind = ?",
                Integer.class, Date.valueOf(day), Kind.SEARCH.code);
        return n == null ? 0 : n;
    }

    /** Deletes the days before {@code first}; returns the rows deleted. */
    int deleteBefore(LocalDate first) {
        return jdbc.update("delete from unmet_need where counted_on < ?", Date.valueOf(first));
    }

    /** The texts searched most often since {@code first} (the most counted first, then by text). */
    List<UnmetNeeds.SearchCount> topTexts(LocalDate first, int limit) {
        return jdbc.query("select item, sum(n) as total from unmet_need where counted_on >= ? and kind = ?"
                        + " group by item order by total desc, item limit ?",
                (rs, i) -> new UnmetNeeds.SearchCount(rs.getString(1), rs.getLong(2)), Date.valueOf(first),
                Kind.SEARCH.code, limit);
    }

    /** Item → count since {@code first}, for one kind, in item order. */
    Map<String, Long> totals(Kind kind, LocalDate first) {
        Map<String, Long> totals = new LinkedHashMap<>();
        jdbc.query("select item, sum(n) from unmet_need where counted_on >= ? and kind = ? group by item order by item",
                rs -> {
                    totals.put(rs.getString(1), rs.getLong(2));
                }, Date.valueOf(first), kind.code);
        return totals;
    }
}
