package jp.tsunagari.mail;

import java.util.List;
import java.util.Locale;
import jp.tsunagari.catalogue.Freshness;
import jp.tsunagari.catalogue.Maintainers;
import jp.tsunagari.catalogue.ReconfirmationRequest;
import jp.tsunagari.catalogue.Reconfirmations;
import jp.tsunagari.staff.StaffDirectory;
import jp.tsunagari.system.JapanTime;
import jp.tsunagari.system.PublicUrls;
import jp.tsunagari.system.StaffScope;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The re-confirmation cycle's mail: 「内容に変更はありませんか」 (and its reminder) to the active accounts of the
 * organization that maintains the programs, or to the office for programs no organization maintains or whose
 * organization has no active account with an address (saying so); the programs no one answered for, to the office. Each lists the programs (name, since when unconfirmed, edit page) and links to
 * the whole list. Japanese, then English.
 */
@Component
class ReconfirmationNotices {

    private final MailOut mail;
    private final StaffDirectory staff;
    private final Maintainers maintainers;
    private final Freshness freshness;
    private final PublicUrls urls;
    private final MessageSource messages;

    ReconfirmationNotices(MailOut mail, StaffDirectory staff, Maintainers maintainers, Freshness freshness,
                          PublicUrls urls, MessageSource messages) {
        this.mail = mail;
        this.staff = staff;
        this.maintainers = maintainers;
        this.freshness = freshness;
        this.urls = urls;
        this.messages = messages;
    }

    @EventListener
    void request(ReconfirmationRequest r) {
        boolean office = StaffScope.OFFICE.equals(r.organizationCode());
        List<String> to = office ? List.of() : staff.organizationEmails(r.organizationCode());
        // an organization no active account with an address can answer for: the office gets its mail at once
        String note = office || !to.isEmpty() ? "" : "mail.reconfirm.noAccount";
        if (to.isEmpty()) {
            to = staff.officeEmails();
        }
        String kind = "mail.reconfirm." + r.step().name().toLowerCase(Locale.ROOT);
        Object[] ja = args(r, Locale.JAPANESE);
        Object[] en = args(r, Locale.ENGLISH);
        mail.send(to, messages.getMessage(kind + ".subject", ja, Locale.JAPANESE) + " / "
                        + messages.getMessage(kind + ".subject", en, Locale.ENGLISH),
                body(kind, note, ja, Locale.JAPANESE) + "\n\n----\n\n" + body(kind, note, en, Locale.ENGLISH));
    }

    private String body(String kind, String note, Object[] args, Locale locale) {
        String body = messages.getMessage(kind + ".body", args, locale);
        return note.isEmpty() ? body : messages.getMessage(note, null, locale) + "\n\n" + body;
    }

    /** The messages' arguments in one language: count, addressee, the list of programs, links, months. */
    private Object[] args(ReconfirmationRequest r, Locale locale) {
        String addressee = maintainers.name(r.organizationCode()).map(n -> n.name(locale))
                .orElseGet(() -> messages.getMessage("mail.reconfirm.office", null, locale));
        StringBuilder list = new StringBuilder();
        for (Reconfirmations.Due d : r.programs()) {
            list.append(messages.getMessage(d.brokenLink() ? "mail.reconfirm.item.link" : "mail.reconfirm.item",
                    new Object[] {d.name(), JapanTime.format(d.since(), locale),
                            urls.absoluteAnywhere("/admin/programs/" + d.programId() + "/edit")}, locale)).append('\n');
        }
        if (r.total() > r.programs().size()) {
            list.append(messages.getMessage("mail.reconfirm.more", new Object[] {r.total() - r.programs().size()},
                    locale)).append('\n');
        }
        String status = r.step() == ReconfirmationRequest.Step.ESCALATE ? "OVERDUE" : "DUE";
        return new Object[] {r.total(), addressee, list.toString().stripTrailing(),
                urls.absoluteAnywhere("/admin?status=" + status), freshness.settings().reconfirmAfter().toTotalMonths(),
                urls.absoluteAnywhere("/admin/links")};
    }
}
