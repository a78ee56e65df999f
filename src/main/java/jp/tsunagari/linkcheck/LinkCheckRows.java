package jp.tsunagari.linkcheck;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jp.tsunagari.catalogue.ProgramLinks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The {@code link_check} table: the last result per program and kind of address (plain JDBC, statement by statement). */
@Component
class LinkCheckRows {

    /** One stored result. */
    record Row(long programId, ProgramLinks.Kind kind, String url, LinkOutcome outcome, Integer status,
               Instant checkedAt, Instant firstFailedAt) {
    }

    static final String BROKEN = "outcome in ('BROKEN', 'REDIRECT_LOOP', 'TIMEOUT', 'UNREACHABLE', 'INVALID',"
            + " 'PRIVATE_ADDRESS')";
    private static final String COLUMNS = "select program_id, kind, url, outcome, http_status, checked_at,"
            + " first_failed_at from link_check";
    private static final String ORDER = " order by program_id, case kind when 'OFFICIAL' then 0 when 'APPLY' then 1"
            + " else 2 end";
    private static final RowMapper<Row> ROW = (rs, n) -> row(rs);

    private final JdbcTemplate jdbc;

    LinkCheckRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored results of these programs. */
    List<Row> ofPrograms(Collection<Long> programIds) {
        return programIds.isEmpty() ? List.of() : withIds(COLUMNS + " where program_id = any (?)", programIds, -1, -1);
    }

    /** Stores a result, replacing the program's earlier one of that kind. */
    void store(Row r) {
        Timestamp failed = r.firstFailedAt() == null ? null : Timestamp.from(r.firstFailedAt());
        int updated = jdbc.update("update link_check set url = ?, outcome = ?, http_status = ?, checked_at = ?,"
                        + " first_failed_at = ? where program_id = ? and kind = ?", r.url(), r.outcome().name(),
                r.status(), Timestamp.from(r.checkedAt()), failed, r.programId(), r.kind().name());
        if (updated == 0) {
            jdbc.update("insert into link_check (program_id, kind, url, outcome, http_status, checked_at,"
                            + " first_failed_at) values (?, ?, ?, ?, ?, ?, ?)", r.programId(), r.kind().name(), r.url(),
                    r.outcome().name(), r.status(), Timestamp.from(r.checkedAt()), failed);
        }
    }

    void delete(long programId, ProgramLinks.Kind kind) {
        jdbc.update("delete from link_check where program_id = ? and kind = ?", programId, kind.name());
    }

    /** Removes the results of programs in (after, upTo] other than {@code kept}: they no longer give any address. */
    void deleteOthersBetween(long after, long upTo, Collection<Long> kept) {
        List<Long> stale = jdbc.queryForList("select distinct program_id from link_check where program_id > ?"
                + " and program_id <= ?", Long.class, after, upTo);
        stale.removeAll(kept);
        for (Long id : stale) {
            jdbc.update("delete from link_check where program_id = ?", id);
        }
    }

    /** One page of broken links, of every program. */
    List<Row> broken(int offset, int limit) {
        return jdbc.query(COLUMNS + " where " + BROKEN + ORDER + " limit ? offset ?", ROW, limit, offset);
    }

    long countBroken() {
        Long count = jdbc.queryForObject("select count(*) from link_check where " + BROKEN, Long.class);
        return count == null ? 0 : count;
    }

    /** The programs with at least one broken link, in id order. */
    List<Long> brokenProgramIds() {
        return jdbc.queryForList("select distinct program_id from link_check where " + BROKEN + " order by program_id",
                Long.class);
    }

    /** One page of broken links of the given programs. */
    List<Row> broken(Collection<Long> programIds, int offset, int limit) {
        return withIds(COLUMNS + " where " + BROKEN + " and program_id = any (?)" + ORDER + " limit ? offset ?",
                programIds, limit, offset);
    }

    long countBroken(Collection<Long> programIds) {
        if (programIds.isEmpty()) {
            return 0;
        }
        Long[] array = programIds.toArray(Long[]::new);
        List<Long> count = jdbc.query((Connection c) -> {
            PreparedStatement s = c.prepareStatement("select count(*) from link_check where " + BROKEN
                    + " and program_id = any (?)");
            s.setArray(1, c.createArrayOf("BIGINT", array));
            return s;
        }, (rs, n) -> rs.getLong(1));
        return count.isEmpty() ? 0 : count.get(0);
    }

    private List<Row> withIds(String sql, Collection<Long> ids, int limit, int offset) {
        Long[] array = ids.toArray(Long[]::new);
        List<Row> rows = new ArrayList<>();
        jdbc.query((Connection c) -> {
            PreparedStatement s = c.prepareStatement(sql);
            Array values = c.createArrayOf("BIGINT", array);
            s.setArray(1, values);
            if (limit >= 0) {
                s.setInt(2, limit);
                s.setInt(3, offset);
            }
            return s;
        }, (ResultSet rs) -> {
            rows.add(row(rs));
        });
        return rows;
    }

    private static Row row(ResultSet rs) throws SQLException {
        Integer status = rs.getObject("http_status") == null ? null : rs.getInt("http_status");
        return new Row(rs.getLong("program_id"), ProgramLinks.Kind.valueOf(rs.getString("kind")), rs.getString("url"),
                LinkOutcome.valueOf(rs.getString("outcome")), status, instant(rs, "checked_at"),
                instant(rs, "first_failed_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
