package jp.tsunagari.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * The second half of a digest run: sends its recorded mails in order, at most {@code mails-per-second}. Each mail is
 * marked SENDING before it goes to the SMTP server and SENT as soon as the server accepted it, so a mail accepted is
 * never sent again by a later pass, on this instance or another. A refused or failed send is tried again after
 * {@code retry-after} × attempts, up to {@code max-attempts}; when the server cannot be reached the pass stops and the
 * next look resumes it. A mail whose subscription was deleted meanwhile is gone with it (cascade). The mails of a pass
 * share one SMTP connection ({@link SmtpConnection}), not one each.
 */
@Component
class DigestSending {

    private static final Logger log = LoggerFactory.getLogger(DigestSending.class);

    private final DigestRows rows;
    private final SubscriptionRows subscriptions;
    private final DigestItems items;
    private final AlertMail mail;
    private final AlertSettings settings;
    private final Clock clock;

    DigestSending(DigestRows rows, SubscriptionRows subscriptions, DigestItems items, AlertMail mail,
                  AlertSettings settings, Clock clock) {
        this.rows = rows;
        this.subscriptions = subscriptions;
        this.items = items;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Sends the run's due mails over one SMTP connection ({@link SmtpConnection}); true when none is left to send (now
     * or later). Stops between two mails when {@code stop} says so, or when the server cannot be reached.
     */
    boolean send(DigestRows.Run run, BooleanSupplier stop) throws InterruptedException {
        rows.retryInterrupted(run.id());
        DigestItems.ForRun words = items.forRun(run);
        long interval = 1_000_000_000L / Math.max(1, settings.mailsPerSecond());
        long next = System.nanoTime();
        try (SmtpConnection smtp = mail.connection()) {
            while (!stop.getAsBoolean()) {
                List<DigestRows.Delivery> due = rows.due(run.id(), clock.instant(), 100);
                if (due.isEmpty()) {
                    break;
                }
                for (DigestRows.Delivery d : due) {
                    if (stop.getAsBoolean()) {
                        return false;
                    }
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                    }
                    next = Math.max(next + interval, System.nanoTime());
                    if (!sendOne(run.id(), d, words, smtp)) {
                        return false;
                    }
                }
            }
        }
        return rows.waiting(run.id()) == 0;
    }

    /**
     * Takes one mail (SENDING), sends it and marks it SENT; a failure is recorded for a later attempt. False when the
     * server cannot be reached (the pass stops), true otherwise (also when the subscription is gone or another sender
     * took the mail).
     */
    private boolean sendOne(long runId, DigestRows.Delivery d, DigestItems.ForRun words, SmtpConnection smtp) {
        Optional<SubscriptionRows.Row> row = subscriptions.find(d.subscriptionId());
        if (row.isEmpty() || !rows.take(runId, d.subscriptionId())) {
            return true;
        }
        try {
            Locale locale = Locale.forLanguageTag(row.get().lang());
            mail.digest(smtp, row.get(), words.items(row.get(), d.programIds(), locale), d.matched());
            rows.sent(runId, d.subscriptionId(), clock.instant());
            return true;
        } catch (MailException | IllegalStateException e) {
            boolean last = d.attempts() + 1 >= settings.maxAttempts();
            Instant later = clock.instant().plus(settings.retryAfter().multipliedBy(d.attempts() + 1));
            rows.failed(runId, d.subscriptionId(), last ? null : later);
            log.warn("Alert digest mail of run {} to subscription {} not sent (attempt {}{}): {}", runId,
                    d.subscriptionId(), d.attempts() + 1, last ? ", given up" : "", causes(e));
            return refusedAddress(e);
        }
    }

    /** The exception and its causes in one line (the SMTP server's answer is usually the last). */
    private static String causes(Throwable e) {
        StringBuilder b = new StringBuilder(e.toString());
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            b.append(" <- ").append(t);
        }
        return b.toString();
    }

    /** The server refused this mail's address (the others may go on), rather than failing as a whole. */
    private static boolean refusedAddress(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.mail.SendFailedException) {
                return true;
            }
        }
        if (e instanceof org.springframework.mail.MailSendException send) {
            return send.getFailedMessages().values().stream().anyMatch(x -> x instanceof jakarta.mail.SendFailedException);
        }
        return false;
    }
}
