package jp.tsunagari.catalogue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the public history records between two history revisions (by revision id, in the order they were written):
 * which programs were published for the first time or had a published version change what the public page shows,
 * and the change in words ({@link ChangeWords}) from the last version before the window to the newest in it — one
 * change per program however many times it was edited. Used by the e-mail alerts: consecutive windows never report
 * the same change twice.
 */
@Service
public class PublishedChanges {

    private static final String PUBLISHED = " status = 'PUBLISHED' and action <> 'DELETE'";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JsonMapper json;
    private final ChangeWords words;

    PublishedChanges(JdbcTemplate jdbc, JsonMapper json, ChangeWords words) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
        this.words = words;
    }

    /** A program's change in a window: new (first published) or the fields changed; its newest revision in it. */
    public record Change(long programId, boolean isNew, List<FieldChange> changes, long revision) {
    }

    /**
     * The newest history revision written at or before {@code settled} (0 if none): a window ends there, so a revision
     * of a save still being committed (written earlier, visible later) is never passed over.
     */
    public long latestRevision(Instant settled) {
        // The newest first along the primary key, not max(id) over a condition on changed_at (no index): that read
        // every revision, seconds at 200,000.
        List<Long> id = jdbc.queryForList("select id from program_revision where changed_at <= ? order by id desc"
                + " fetch first 1 rows only", Long.class, Timestamp.from(settled));
        return id.isEmpty() ? 0 : id.get(0);
    }

    /** The newest history revision (0 if none). */
    public long latestRevision() {
        Long id = jdbc.queryForObject("select max(id) from program_revision", Long.class);
        return id == null ? 0 : id;
    }

    /** The programs with a public change in ({@code from}, {@code to}], each once, by program id. */
    public Map<Long, Change> between(long from, long to) {
        List<Long> ids = jdbc.queryForList("select distinct program_id from program_revision where id > ? and id <= ?"
                + " and" + PUBLISHED + " order by program_id", Long.class, from, to);
        Map<Long, Change> changes = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i += 500) {
            changes.putAll(describe(ids.subList(i, Math.min(ids.size(), i + 500)), from, to));
        }
        return changes;
    }

    private Map<Long, Change> describe(List<Long> ids, long from, long to) {
        MapSqlParameterSource p = new MapSqlParameterSource("ids", ids).addValue("from", from).addValue("to", to);
        Map<Long, String> before = new HashMap<>();
        named.query("select program_id, snapshot from (select program_id, snapshot, row_number() over (partition by"
                + " program_id order by id desc) rn from program_revision where program_id in (:ids) and id <= :from and"
                + PUBLISHED + ") t where rn = 1", p, rs -> {
            before.put(rs.getLong(1), rs.getString(2));
        });
        Map<Long, String[]> window = new LinkedHashMap<>();
        Map<Long, Long> newest = new HashMap<>();
        named.query("select program_id, action, snapshot, id from program_revision where program_id in (:ids)"
                + " and id > :from and id <= :to and" + PUBLISHED + " order by program_id, id", p, rs -> {
            String[] seen = window.computeIfAbsent(rs.getLong(1), id -> new String[2]);
            if (seen[0] == null && "INITIAL".equals(rs.getString(2))) {
                seen[0] = rs.getString(3);
            }
            seen[1] = rs.getString(3);
            newest.put(rs.getLong(1), rs.getLong(4));
        });
        Map<Long, Change> changes = new LinkedHashMap<>();
        window.forEach((id, seen) -> {
            String previous = before.getOrDefault(id, seen[0]);
            if (previous == null) {
                changes.put(id, new Change(id, true, List.of(), newest.get(id)));
                return;
            }
            List<FieldChange> changed = words.between(json.readValue(previous, ProgramContent.class),
                    json.readValue(seen[1], ProgramContent.class));
            if (!changed.isEmpty()) {
                changes.put(id, new Change(id, false, changed, newest.get(id)));
            }
        });
        return changes;
    }
}
