package jp.tsunagari.mail;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import jp.tsunagari.catalogue.ReviewEvent;
import jp.tsunagari.staff.InvitationIssued;
import jp.tsunagari.staff.StaffDirectory;
import jp.tsunagari.system.JapanTime;
import jp.tsunagari.system.PublicUrls;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns events into mail, after the commit: an invitation or reset link to the person; a submission to the office's
 * active accounts; a return (with the reviewer's comment) or an approval to the submitter. Japanese first, then
 * English, from the messages ({@code mail.*}).
 */
@Component
class Notices {

    private static final DateTimeFormatter JST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'JST'")
            .withZone(JapanTime.ZONE);

    private final MailOut mail;
    private final StaffDirectory staff;
    private final PublicUrls urls;
    private final MessageSource messages;

    Notices(MailOut mail, StaffDirectory staff, PublicUrls urls, MessageSource messages) {
        this.mail = mail;
        this.staff = staff;
        this.urls = urls;
        this.messages = messages;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void invitation(InvitationIssued e) {
        if (e.email() == null) {
            return;
        }
        String kind = "mail." + e.purpose().name().toLowerCase(Locale.ROOT);
        Object[] args = {e.displayName(), e.username(), e.link(), JST.format(e.expiresAt())};
        mail.send(List.of(e.email()), text(kind + ".subject", args), text(kind + ".body", args));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void review(ReviewEvent e) {
        String kind = "mail.review." + e.action().name().toLowerCase(Locale.ROOT);
        switch (e.action()) {
            case SUBMIT -> mail.send(staff.officeEmails(), text(kind + ".subject", args(e, "/admin/reviews/")),
                    text(kind + ".body", args(e, "/admin/reviews/")));
            case RETURN, APPROVE -> staff.emailOf(e.submittedBy()).ifPresent(to -> mail.send(List.of(to),
                    text(kind + ".subject", args(e, "/admin/programs/")), text(kind + ".body", args(e, "/admin/programs/"))));
            default -> {
            }
        }
    }

    private Object[] args(ReviewEvent e, String path) {
        String link = urls.absolute(path + e.programId() + (path.endsWith("programs/") ? "/edit" : ""));
        return new Object[] {e.programName(), e.actor(), e.comment().isEmpty() ? "—" : e.comment(), link,
                e.organizationCode()};
    }

    /** The Japanese text, then the English one. */
    private String text(String key, Object[] args) {
        String ja = messages.getMessage(key, args, Locale.JAPANESE);
        String en = messages.getMessage(key, args, Locale.ENGLISH);
        return key.endsWith(".subject") ? ja + " / " + en : ja + "\n\n----\n\n" + en;
    }
}
