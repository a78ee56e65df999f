package jp.tsunagari.catalogue;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tsunagari.catalogue.internal.ReviewRows;
import jp.tsunagari.system.ChangeMarker;
import jp.tsunagari.system.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The re-confirmation cycle's rows ({@code reconfirmation}) and 「変更なしで確認」. A published program not confirmed
 * for 12 months ({@link Freshness}), or one whose link the link check found broken twice in a row, is asked about once, reminded a month later, and handed to the office a month
 * after that; each step is a column of its row, so a step is taken once even when the job runs again or on another
 * instance. Confirming (unchanged, or by publishing an edit) gives the program a newer {@code assured_on}, which ends
 * its row. Each step reads and marks at most {@value #PAGE} programs per call, in the order of an index.
 */
@Service
@Transactional
public class Reconfirmations {

    static final int PAGE = 500;

    /**
     * A program at a step: its name, since when it is unconfirmed, whether the link check found a link of it broken
     * (twice in a row), and the organizations that maintain it.
     */
    public record Due(long programId, String name, LocalDate since, boolean brokenLink, Set<String> maintainers) {
    }

    /** Where the asking step of one run has got to (programs are asked oldest first). */
    public record Cursor(LocalDate assuredOn, long programId) {
        public static final Cursor START = new Cursor(LocalDate.of(1, 1, 1), 0);
    }

    /** A draft (or a deleted program) has nothing public to confirm. */
    public static class NotPublished extends RuntimeException {
        NotPublished(long id) {
            super("program " + id + " is not published", null, false, false);
        }
    }

    private static final String COLUMNS = "p.id, p.name, p.assured_on, p.organizer_municipality_code,"
            + " p.organizer_prefecture_code";
    private static final String ROW_COLUMNS = COLUMNS + ", r.broken_link";
    /**
     * Not waiting for the office's review: the maintainers answered with an edit; approving it confirms the program
     * (no reminder meanwhile, and the office has it in its review queue).
     */
    private static final String NOT_IN_REVIEW = "not exists (select 1 from program_review v"
            + " where v.program_id = r.program_id and v.state = 'SUBMITTED')";

    private final JdbcTemplate jdbc;
    private final Freshness freshness;
    private final ReviewRows reviews;
    private final ChangeMarker marker;
    private final ProgramEditor editor;
    private final Maintainers maintainers;
    private final Clock clock;

    Reconfirmations(JdbcTemplate jdbc, Freshness freshness, ReviewRows reviews, ChangeMarker marker,
                    ProgramEditor editor, Maintainers maintainers, Clock clock) {
        this.jdbc = jdbc;
        this.freshness = freshness;
        this.reviews = reviews;
        this.marker = marker;
        this.editor = editor;
        this.maintainers = maintainers;
        this.clock = clock;
    }

    /**
     * 「変更なしで確認」: the published content of version {@code expectedVersion} is still true today. Sets 最終確認日
     * without a new version (the content did not change) and records a confirmation in the program's history.
     */
    public LocalDate confirmUnchanged(long id, long expectedVersion, String user) {
        LocalDate today = freshness.today();
        int updated = jdbc.update("update program set confirmed_on = ?, assured_on = ? where id = ? and version = ?"
                + " and status = 'PUBLISHED'", Date.valueOf(today), Date.valueOf(today), id, expectedVersion);
        if (updated == 0) {
            ProgramEditor.Editable current = editor.editable(id)
                    .orElseThrow(() -> new NotFoundException("program " + id));
            if (current.version() != expectedVersion) {
                throw new ProgramEditor.Conflict(current);
            }
            throw new NotPublished(id);
        }
        jdbc.update("delete from reconfirmation where program_id = ?", id);
        reviews.comment(id, ProgramReview.Action.CONFIRM, user, "", clock.instant());
        marker.bump(id); // the index's 「最近確認」 value and every cached page showing the notice
        return today;
    }

    /** Ends the rows of programs confirmed since they were asked about, unpublished or deleted; how many. */
    public int dropOutdated() {
        return jdbc.update("delete from reconfirmation where not exists (select 1 from program p where p.id ="
                + " reconfirmation.program_id and p.status = 'PUBLISHED' and p.assured_on = reconfirmation.due_since)");
    }

    /** Asks about the next programs (after {@code after}) that are due and not yet asked: their rows are written. */
    public List<Due> askNext(LocalDate today, Cursor after) {
        List<Due> due = read("select " + COLUMNS + ", false from program p where p.status = 'PUBLISHED' and p.assured_on <= ?"
                + " and (p.assured_on > ? or (p.assured_on = ? and p.id > ?))"
                + " and not exists (select 1 from reconfirmation r where r.program_id = p.id)"
                + " order by p.status, p.assured_on, p.id fetch first " + PAGE + " rows only",
                Date.valueOf(freshness.dueOnOrBefore(today)), Date.valueOf(after.assuredOn()),
                Date.valueOf(after.assuredOn()), after.programId());
        // a program the link check put in the queue meanwhile (another instance) has its row: it is asked now too
        jdbc.batchUpdate("insert into reconfirmation (program_id, due_since, asked_on) values (?, ?, ?)"
                        + " on conflict do nothing",
                due.stream().map(d -> new Object[] {d.programId(), Date.valueOf(d.since()), Date.valueOf(today)})
                        .toList());
        jdbc.batchUpdate("update reconfirmation set asked_on = ? where program_id = ? and asked_on is null",
                due.stream().map(d -> new Object[] {Date.valueOf(today), d.programId()}).toList());
        return due;
    }

    /** Asks about the next programs the link check put in the queue (a link broken twice in a row). */
    public List<Due> askFlaggedNext(LocalDate today) {
        List<Due> due = read("select " + ROW_COLUMNS + " from reconfirmation r join program p on p.id = r.program_id"
                + " where r.asked_on is null order by r.program_id fetch first " + PAGE + " rows only");
        mark("asked_on", today, due);
        return due;
    }

    /**
     * What the link check found for a published program: {@code brokenTwice}, a link that failed in two passes in a
     * row, puts it in the queue (its maintainers are asked at the next look); {@code allWorking} takes it out again
     * unless it is 要再確認 anyway.
     */
    public void linksChecked(long programId, boolean brokenTwice, boolean allWorking) {
        if (brokenTwice) {
            if (jdbc.update("update reconfirmation set broken_link = true where program_id = ?", programId) == 0
                    && jdbc.update("insert into reconfirmation (program_id, due_since, broken_link) select id,"
                    + " assured_on, true from program where id = ? and status = 'PUBLISHED'"
                    + " on conflict do nothing", programId) == 0) {
                // the cycle asked about it meanwhile (another instance): its row is there now
                jdbc.update("update reconfirmation set broken_link = true where program_id = ?", programId);
            }
        } else if (allWorking) {
            jdbc.update("delete from reconfirmation where program_id = ? and broken_link and exists (select 1 from"
                    + " program p where p.id = reconfirmation.program_id and p.assured_on > ?)", programId,
                    Date.valueOf(freshness.dueOnOrBefore(freshness.today())));
            jdbc.update("update reconfirmation set broken_link = false where program_id = ? and broken_link", programId);
        }
    }

    /** Reminds about the next programs asked {@code remind-after} ago and still unconfirmed. */
    public List<Due> remindNext(LocalDate today) {
        return nextStep("reminded_on", "asked_on", today);
    }

    /** Hands to the office the next programs reminded about {@code remind-after} ago and still unconfirmed. */
    public List<Due> escalateNext(LocalDate today) {
        return nextStep("escalated_on", "reminded_on", today);
    }

    /** The next page of programs whose {@code previous} step is {@code remind-after} old, marked with {@code step}. */
    private List<Due> nextStep(String step, String previous, LocalDate today) {
        List<Due> due = read("select " + ROW_COLUMNS + " from reconfirmation r join program p on p.id = r.program_id"
                + " where r." + step + " is null and r." + previous + " <= ? and " + NOT_IN_REVIEW
                + " order by r." + previous + ", r.program_id"
                + " fetch first " + PAGE + " rows only", Date.valueOf(today.minus(freshness.settings().remindAfter())));
        mark(step, today, due);
        return due;
    }

    /**
     * Takes {@code step}'s mark of {@code today} off again for these programs: their mail did not go (the look was
     * stopped), so the next look takes the step for them again — an asked program through {@link #askFlaggedNext}
     * (its row stays, without {@code asked_on}), a reminder or a hand-over through {@link #remindNext} and
     * {@link #escalateNext}. How many rows were set back.
     */
    public int setBack(ReconfirmationRequest.Step step, LocalDate today, java.util.Collection<Long> programIds) {
        String column = switch (step) {
            case ASK -> "asked_on";
            case REMIND -> "reminded_on";
            case ESCALATE -> "escalated_on";
        };
        int[] counts = jdbc.batchUpdate("update reconfirmation set " + column + " = null where program_id = ? and "
                + column + " = ?", programIds.stream().map(id -> new Object[] {id, Date.valueOf(today)}).toList());
        return java.util.Arrays.stream(counts).map(n -> Math.max(n, 0)).sum();
    }

    private void mark(String column, LocalDate today, List<Due> due) {
        jdbc.batchUpdate("update reconfirmation set " + column + " = ? where program_id = ?",
                due.stream().map(d -> new Object[] {Date.valueOf(today), d.programId()}).toList());
    }

    private List<Due> read(String sql, Object... args) {
        record Row(long id, String name, LocalDate since, String municipality, String prefecture, boolean link) {
        }
        List<Row> rows = jdbc.query(sql, (rs, n) -> new Row(rs.getLong(1), rs.getString(2),
                rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getBoolean(6)), args);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> examples = new HashMap<>();
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        jdbc.query(connection -> {
            java.sql.PreparedStatement statement = connection.prepareStatement("select program_id, prefecture_code"
                    + " from example_group where program_id = any (?) and prefecture_code is not null");
            statement.setArray(1, connection.createArrayOf("BIGINT", ids));
            return statement;
        }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> examples
                .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
        return rows.stream().map(r -> new Due(r.id(), r.name(), r.since(), r.link(), maintainers.of(r.municipality(),
                r.prefecture(), examples.getOrDefault(r.id(), List.of())))).toList();
    }
}
