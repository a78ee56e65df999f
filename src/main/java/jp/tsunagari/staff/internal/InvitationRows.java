package jp.tsunagari.staff.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The staff_invitation table: one row per link, with the SHA-256 of its token (never the token itself). */
@Component
public class InvitationRows {

    /** An unused link's row. */
    public record Row(long id, long userId, String purpose, String tokenHash, Instant expiresAt) {
    }

    private final JdbcTemplate jdbc;

    InvitationRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long userId, String purpose, String tokenHash, String by, Instant now, Instant expiresAt) {
        jdbc.update("insert into staff_invitation (user_id, purpose, token_hash, created_by, created_at, expires_at)"
                + " values (?, ?, ?, ?, ?, ?)", userId, purpose, tokenHash, by, Timestamp.from(now),
                Timestamp.from(expiresAt));
    }

    /** The unused row with this hash, if any (expired or not: the caller decides). */
    public Optional<Row> unused(String tokenHash) {
        return jdbc.query("select id, user_id, purpose, token_hash, expires_at from staff_invitation"
                        + " where token_hash = ? and used_at is null",
                (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()), tokenHash).stream().findFirst();
    }

    /** Uses a link (once: false if it was used meanwhile) and retires the user's other open links. */
    public boolean use(Row row, Instant now) {
        int used = jdbc.update("update staff_invitation set used_at = ? where id = ? and used_at is null",
                Timestamp.from(now), row.id());
        jdbc.update("update staff_invitation set used_at = ? where user_id = ? and used_at is null",
                Timestamp.from(now), row.userId());
        return used == 1;
    }
}
