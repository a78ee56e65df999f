package jp.tsunagari.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.tsunagari.catalogue.internal.ProgramRepository;
import jp.tsunagari.catalogue.internal.ReviewRows;
import jp.tsunagari.system.NotFoundException;
import jp.tsunagari.system.ResultPage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review before publication: 下書き → 審査待ち (an organization submits) → 公開 (the office approves; 最終確認日 is
 * set), or 差し戻し (the office returns it with a comment) → 下書き → 審査待ち again. Nobody approves their own
 * submission. Each step is a comment kept with the program's history, and an event (after the commit, mail goes
 * out: see {@link ReviewEvent}).
 */
@Service
@Transactional
public class ProgramReview {

    public static final int PAGE_SIZE = 25;
    /** The longest comment, in characters. */
    public static final int MAX_COMMENT = 2000;

    public enum State {
        SUBMITTED, RETURNED
    }

    public enum Action {
        SUBMIT, RETURN, APPROVE, WITHDRAW,
        /** 「変更なしで確認」: the maintainers confirmed the published content unchanged (no new version). */
        CONFIRM
    }

    /** A program in review: waiting (SUBMITTED) or sent back (RETURNED), with who submitted it when. */
    public record Status(long programId, State state, String organizationCode, String submittedBy,
                         Instant submittedAt) {
    }

    public record Comment(Action action, String author, String body, Instant at) {
    }

    /** A line of the queue. */
    public record Row(long programId, String name, State state, String organizationCode, String submittedBy,
                      Instant submittedAt) {
    }

    public record Counts(long submitted, long returned) {
    }

    /** A step the rules do not allow now, with the message key that says why. */
    public static class Refused extends RuntimeException {
        Refused(String messageKey) {
            super(messageKey, null, false, false);
        }

        public String messageKey() {
            return getMessage();
        }
    }

    private final ReviewRows rows;
    private final ProgramRepository programs;
    private final ProgramEditor editor;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ProgramReview(ReviewRows rows, ProgramRepository programs, ProgramEditor editor, Clock clock,
                  ApplicationEventPublisher events) {
        this.rows = rows;
        this.programs = programs;
        this.editor = editor;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<Status> status(long programId) {
        return rows.find(programId);
    }

    @Transactional(readOnly = true)
    public List<Comment> comments(long programId) {
        return rows.comments(programId);
    }

    /** Submits what would be published — a draft program, or a published one's pending changes — for review. */
    public void submit(long programId, String organizationCode, String user, String comment) {
        ProgramEditor.Editable program = editable(programId);
        if (program.status() == PublicationStatus.PUBLISHED && !program.hasPendingDraft()) {
            throw new Refused("admin.review.error.nothingToReview");
        }
        if (rows.find(programId).filter(s -> s.state() == State.SUBMITTED).isPresent()) {
            throw new Refused("admin.review.error.alreadySubmitted");
        }
        String text = comment(comment, false);
        Instant now = clock.instant();
        rows.submit(programId, organizationCode, user, now);
        rows.comment(programId, Action.SUBMIT, user, text, now);
        events.publishEvent(new ReviewEvent(Action.SUBMIT, programId, program.content().name(), organizationCode,
                user, user, text));
    }

    /** Sends a waiting program back to its organization with a comment saying what to change. */
    public void returnToDraft(long programId, String reviewer, String comment) {
        Status waiting = waiting(programId);
        String text = comment(comment, true);
        Instant now = clock.instant();
        rows.markReturned(programId, now);
        rows.comment(programId, Action.RETURN, reviewer, text, now);
        events.publishEvent(new ReviewEvent(Action.RETURN, programId, editable(programId).content().name(),
                waiting.organizationCode(), waiting.submittedBy(), reviewer, text));
    }

    /** Publishes a waiting program (with its pending changes) as the version shown to the reviewer. */
    public void approve(long programId, long expectedVersion, String reviewer, String comment) {
        Status waiting = waiting(programId);
        if (waiting.submittedBy().equals(reviewer)) {
            throw new Refused("admin.review.error.ownSubmission");
        }
        String text = comment(comment, false);
        String name = editable(programId).content().name();
        editor.publish(programId, expectedVersion, reviewer);
        rows.comment(programId, Action.APPROVE, reviewer, text, clock.instant());
        events.publishEvent(new ReviewEvent(Action.APPROVE, programId, name, waiting.organizationCode(),
                waiting.submittedBy(), reviewer, text));
    }

    /** One page of the queue (oldest first); organization and prefecture (2 digits) may be null for all. */
    @Transactional(readOnly = true)
    public ResultPage<Row> queue(State state, String organization, String prefecture, int page) {
        long total = rows.count(state, organization, prefecture);
        List<Row> items = total == 0 ? List.of()
                : rows.queue(state, organization, prefecture, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        return new ResultPage<>(items, total, page, PAGE_SIZE);
    }

    /** How many programs wait and how many were returned: for one organization, or (null) for all. */
    @Transactional(readOnly = true)
    public Counts counts(String organization) {
        return new Counts(rows.count(State.SUBMITTED, organization, null),
                rows.count(State.RETURNED, organization, null));
    }

    /**
     * The program as staff edit it, with its row locked until the transaction ends: two steps on one program (two
     * submissions at once, say) run one after the other, so the second sees the first's state instead of failing on
     * the review row's key (seen as a 500 in HostileInputTest on PostgreSQL).
     */
    private ProgramEditor.Editable editable(long programId) {
        programs.lockForEdit(programId);
        return editor.editable(programId).orElseThrow(() -> new NotFoundException("program " + programId));
    }

    private Status waiting(long programId) {
        editable(programId);
        return rows.find(programId).filter(s -> s.state() == State.SUBMITTED)
                .orElseThrow(() -> new Refused("admin.review.error.notWaiting"));
    }

    private static String comment(String typed, boolean required) {
        String text = typed == null ? "" : typed.strip();
        if (required && text.isEmpty()) {
            throw new Refused("admin.review.error.commentRequired");
        }
        if (text.length() > MAX_COMMENT) {
            throw new Refused("admin.review.error.commentTooLong");
        }
        return text;
    }
}
