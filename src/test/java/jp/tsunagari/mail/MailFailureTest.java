package jp.tsunagari.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.ProgramReview;
import jp.tsunagari.staff.Invitations;
import jp.tsunagari.staff.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** A mail server that refuses connections: every change still commits; the mail is only logged as not sent. */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=9"})
class MailFailureTest {

    @Autowired
    Invitations invitations;

    @Autowired
    ProgramEditor editor;

    @Autowired
    ProgramReview review;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aFailedMailNeverLosesTheChange() {
        Invitations.Issued issued = transactions.execute(t -> invitations.invite("mail-down", "送信失敗", "down@example.jp",
                StaffRole.ORG_EDITOR, "032018", "admin"));
        assertThat(invitations.open(issued.link().substring(issued.link().lastIndexOf('/') + 1))).isPresent();
        long id = transactions.execute(t -> editor.create(editor.editable(7).orElseThrow().content()
                .renamed("送信失敗試験便"), false, "mail-down"));
        try {
            transactions.executeWithoutResult(t -> review.submit(id, "032018", "mail-down", ""));
            assertThat(review.status(id)).map(ProgramReview.Status::state).contains(ProgramReview.State.SUBMITTED);
        } finally {
            transactions.executeWithoutResult(t -> editor.delete(id, editor.editable(id).orElseThrow().version(), "test"));
            jdbc.update("delete from program_revision where program_id = ?", id);
            jdbc.update("delete from review_comment where program_id = ?", id);
        }
    }
}
