package jp.tsunagari.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code alert_subscription} table (Flyway V18), in plain SQL. */
@Component
class SubscriptionRows {

    /** One subscription as stored. */
    record Row(long id, String email, Kind kind, String conditions, Frequency frequency, String lang, LocalDate ageOn,
               boolean confirmed, String linkSalt, long sinceRevision, Instant createdAt, Instant confirmedAt) {
    }

    private static final String COLUMNS = "id, email, kind, conditions, frequency, lang, age_on, status, link_salt,"
            + " since_revision, created_at, confirmed_at";

    private final JdbcTemplate jdbc;

    SubscriptionRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(long id) {
        return jdbc.query("select " + COLUMNS + " from alert_subscription where id = ?", SubscriptionRows::row, id)
                .stream().findFirst();
    }

    Optional<Row> byEmailAndKey(String email, String conditionKey) {
        return jdbc.query("select " + COLUMNS + " from alert_subscription where email = ? and condition_key = ?",
                SubscriptionRows::row, email, conditionKey).stream().findFirst();
    }

    /** The pending subscription an unexpired confirmation token hash names. */
    Optional<Row> pendingByHash(String hash, Instant now) {
        return jdbc.query("select " + COLUMNS + " from alert_subscription where confirm_hash = ? and status = 'PENDING'"
                + " and confirm_expires > ?", SubscriptionRows::row, hash, Timestamp.from(now)).stream().findFirst();
    }

    void insertPending(String email, Kind kind, String conditions, String key, Frequency frequency, String lang,
                       LocalDate ageOn, String confirmHash, Instant expires, String salt, Instant now) {
        jdbc.update("insert into alert_subscription (email, kind, conditions, condition_key, frequency, lang, age_on,"
                        + " status, confirm_hash, confirm_expires, link_salt, created_at) values (?, ?, ?, ?, ?, ?, ?,"
                        + " 'PENDING', ?, ?, ?, ?)", email, kind.name(), conditions, key, frequency.name(), lang,
                ageOn, confirmHash, Timestamp.from(expires), salt, Timestamp.from(now));
    }

    /** A new confirmation link (and the latest choices) for a pending subscription asked for again. */
    void renewPending(long id, Frequency frequency, String lang, LocalDate ageOn, String confirmHash, Instant expires) {
        jdbc.update("update alert_subscription set frequency = ?, lang = ?, age_on = ?, confirm_hash = ?,"
                + " confirm_expires = ? where id = ? and status = 'PENDING'", frequency.name(), lang, ageOn, confirmHash,
                Timestamp.from(expires), id);
    }

    /** Confirms: mail starts with the changes after {@code sinceRevision}; the token is used up. */
    boolean confirm(long id, long sinceRevision, Instant now) {
        return jdbc.update("update alert_subscription set status = 'CONFIRMED', confirm_hash = null,"
                + " confirm_expires = null, since_revision = ?, confirmed_at = ?, renew_asked_at = null"
                + " where id = ? and status = 'PENDING'", sinceRevision, Timestamp.from(now), id) == 1;
    }

    void changeFrequency(long id, Frequency frequency) {
        jdbc.update("update alert_subscription set frequency = ? where id = ?", frequency.name(), id);
    }

    /** Confirmed again (from the renewal mail's link): another 12 months. */
    void renew(long id, Instant now) {
        jdbc.update("update alert_subscription set confirmed_at = ?, renew_asked_at = null where id = ?"
                + " and status = 'CONFIRMED'", Timestamp.from(now), id);
    }

    boolean delete(long id) {
        return jdbc.update("delete from alert_subscription where id = ?", id) == 1;
    }

    /** Deletes subscriptions not confirmed since {@code before}; how many. */
    int deleteUnconfirmed(Instant before) {
        return jdbc.update("delete from alert_subscription where status = 'PENDING' and created_at < ?",
                Timestamp.from(before));
    }

    /** Confirmed subscriptions last confirmed before {@code before} and not yet asked to renew (at most {@code n}). */
    List<Row> dueForRenewal(Instant before, int n) {
        return jdbc.query("select " + COLUMNS + " from alert_subscription where status = 'CONFIRMED' and confirmed_at < ?"
                + " and renew_asked_at is null order by id fetch first " + n + " rows only", SubscriptionRows::row,
                Timestamp.from(before));
    }

    void renewAsked(long id, Instant now) {
        jdbc.update("update alert_subscription set renew_asked_at = ? where id = ?", Timestamp.from(now), id);
    }

    /** Deletes subscriptions asked to renew before {@code before} that were not renewed; how many. */
    int deleteUnrenewed(Instant before) {
        return jdbc.update("delete from alert_subscription where status = 'CONFIRMED' and renew_asked_at < ?",
                Timestamp.from(before));
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        java.sql.Date ageOn = rs.getDate("age_on");
        return new Row(rs.getLong("id"), rs.getString("email"), Kind.valueOf(rs.getString("kind")),
                rs.getString("conditions"), Frequency.valueOf(rs.getString("frequency")), rs.getString("lang"),
                ageOn == null ? null : ageOn.toLocalDate(), "CONFIRMED".equals(rs.getString("status")),
                rs.getString("link_salt"), rs.getLong("since_revision"), rs.getTimestamp("created_at").toInstant(),
                confirmed == null ? null : confirmed.toInstant());
    }
}
