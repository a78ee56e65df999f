package jp.tsunagari.catalogue.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tsunagari.catalogue.ProgramReview;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The review tables (program_review, review_comment), read and written with plain SQL. */
@Component
public class ReviewRows {

    private final JdbcTemplate jdbc;

    ReviewRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ProgramReview.Status> find(long programId) {
        return jdbc.query("select program_id, state, organization_code, submitted_by, submitted_at from program_review"
                        + " where program_id = ?", (rs, n) -> new ProgramReview.Status(rs.getLong(1),
                        ProgramReview.State.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()), programId).stream().findFirst();
    }

    /** Starts (or starts again, after a return) the review of a program. */
    public void submit(long programId, String organizationCode, String user, Instant now) {
        remove(programId);
        jdbc.update("insert into program_review (program_id, state, organization_code, submitted_by, submitted_at,"
                + " updated_at) values (?, 'SUBMITTED', ?, ?, ?, ?)", programId, organizationCode, user,
                Timestamp.from(now), Timestamp.from(now));
    }

    public void markReturned(long programId, Instant now) {
        jdbc.update("update program_review set state = 'RETURNED', updated_at = ? where program_id = ?",
                Timestamp.from(now), programId);
    }

    public void remove(long programId) {
        jdbc.update("delete from program_review where program_id = ?", programId);
    }

    /**
     * A save while the program waits for review takes the submission back (what was submitted is no longer what
     * would be published); a returned program stays returned until it is submitted again.
     */
    public void withdraw(long programId, String user, Instant now) {
        if (jdbc.update("delete from program_review where program_id = ? and state = 'SUBMITTED'", programId) > 0) {
            comment(programId, ProgramReview.Action.WITHDRAW, user, "", now);
        }
    }

    public void comment(long programId, ProgramReview.Action action, String author, String body, Instant now) {
        jdbc.update("insert into review_comment (program_id, action, author, body, created_at) values (?, ?, ?, ?, ?)",
                programId, action.name(), author, body == null ? "" : body, Timestamp.from(now));
    }

    public List<ProgramReview.Comment> comments(long programId) {
        return jdbc.query("select action, author, body, created_at from review_comment where program_id = ?"
                        + " order by id", (rs, n) -> new ProgramReview.Comment(ProgramReview.Action.valueOf(rs.getString(1)),
                        rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()), programId);
    }

    /** One page of the queue, oldest submission first. */
    public List<ProgramReview.Row> queue(ProgramReview.State state, String organization, String prefecture,
                                          int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(state, organization, prefecture, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("select r.program_id, p.name, r.state, r.organization_code, r.submitted_by, r.submitted_at"
                + " from program_review r join program p on p.id = r.program_id" + where
                + " order by r.submitted_at, r.program_id limit ? offset ?", (rs, n) -> new ProgramReview.Row(
                rs.getLong(1), rs.getString(2), ProgramReview.State.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant()), args.toArray());
    }

    public long count(ProgramReview.State state, String organization, String prefecture) {
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject("select count(*) from program_review r" + where(state, organization, prefecture,
                args), Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    private static String where(ProgramReview.State state, String organization, String prefecture, List<Object> args) {
        StringBuilder where = new StringBuilder(" where r.state = ?");
        args.add(state.name());
        if (organization != null) {
            where.append(" and r.organization_code = ?");
            args.add(organization);
        }
        if (prefecture != null) {
            where.append(" and r.organization_code like ?");
            args.add(prefecture + "%");
        }
        return where.toString();
    }
}
